// Growing a displayed chart: rows appended to a named dataset of a Vega-Lite spec, found at the
// top level or in any layer. Immutable like every other edit: untouched rows keep their identity,
// so the page can tell an append from a new chart and insert only the new rows.
import type { DisplayDataOutput, Output } from './types';

export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The spec with `rows` added to every inline dataset called `name`; the same object when none. */
export function appendToSpec(spec: unknown, name: string, rows: readonly Json[]): unknown {
  if (!isObject(spec)) return spec;
  let next: Json = spec;
  const data = spec['data'];
  if (isObject(data) && data['name'] === name) {
    const values = Array.isArray(data['values']) ? (data['values'] as unknown[]) : [];
    next = { ...next, data: { ...data, values: [...values, ...rows] } };
  }
  const datasets = spec['datasets'];
  if (isObject(datasets) && Array.isArray(datasets[name])) {
    next = { ...next, datasets: { ...datasets, [name]: [...(datasets[name] as unknown[]), ...rows] } };
  }
  for (const key of ['layer', 'concat', 'hconcat', 'vconcat'] as const) {
    const parts = spec[key];
    if (!Array.isArray(parts)) continue;
    const mapped = parts.map((p) => appendToSpec(p, name, rows));
    if (mapped.some((p, i) => p !== parts[i])) next = { ...next, [key]: mapped };
  }
  return next;
}

export function appendDisplayRows(outputs: readonly Output[], displayId: string, name: string, rows: readonly Json[]): readonly Output[] {
  let changed = false;
  const next = outputs.map((o) => {
    if (o.output_type !== 'display_data' || o.display_id !== displayId || !(VEGA_LITE_MIME in o.data)) return o;
    const spec = appendToSpec(o.data[VEGA_LITE_MIME], name, rows);
    if (spec === o.data[VEGA_LITE_MIME]) return o;
    changed = true;
    return { ...o, data: { ...o.data, [VEGA_LITE_MIME]: spec } } satisfies DisplayDataOutput;
  });
  return changed ? next : outputs;
}
