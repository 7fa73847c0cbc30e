// Test helper: a produced spec must compile with Vega-Lite, into a Vega spec carrying the named
// datasets the page will stream rows into.
import { expect } from 'chai';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from './spec';

/** Compiles `spec` (throws on an invalid one) and returns the Vega datasets by name. */
export function compiles(spec: VegaLiteSpec, ...names: string[]): Map<string, { values?: unknown }> {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => { throw new Error(m.join(' ')); },
    warn: (...m: unknown[]) => { warnings.push(m.join(' ')); return logger; },
    info: () => logger,
    debug: () => logger,
  };
  // A deep copy: compile must see exactly the JSON a cell would hand to display().
  const json = JSON.parse(JSON.stringify(spec)) as TopLevelSpec;
  const vega = compile(json, { logger: logger as never }).spec; // never: vega-lite's LoggerInterface, structurally met
  expect(warnings, 'vega-lite warnings').to.deep.equal([]);
  const data = new Map((vega.data ?? []).map((d) => [d.name, d as { values?: unknown }]));
  for (const name of names) expect([...data.keys()], `datasets of the compiled spec`).to.include(name);
  return data;
}
