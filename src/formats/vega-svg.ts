// A Vega-Lite spec drawn to an SVG string, for the .html export: no DOM, so it runs in Node (the
// tests) and in the page alike. As in ui/vega-entry.ts, expressions are interpreted
// (vega-interpreter), never compiled with eval/Function, so it also works under a strict CSP.
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { View, loader, parse } from 'vega';
import type { Loader } from 'vega';

/**
 * Charts come from notebooks, and notebooks come from anywhere: a chart may not reach the
 * network or the disk (data, images) or put a link anywhere. Lessons and plot.* use inline data.
 * Used for live charts in the page (ui/vega-entry.ts) as well as for the export.
 */
export function offlineLoader(): Loader {
  const refuse = async (uri: string): Promise<never> => {
    throw new Error(`Charts here use inline data; loading “${uri}” is not allowed.`);
  };
  return { ...loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

/**
 * vega-interpreter's package entry is a UMD file marked "type": "module": bundlers and Node see
 * it export nothing unless it is aliased to its ES build (scripts/build.mjs does). Imported
 * lazily, so that a build without the alias fails here, on the first chart, with this message,
 * rather than failing to load every module that imports this one.
 */
async function interpreter(): Promise<object> {
  const mod: { expressionInterpreter?: object } = await import('vega-interpreter');
  if (mod.expressionInterpreter) return mod.expressionInterpreter;
  throw new Error("vega-interpreter exports nothing here: alias it to its ES build as scripts/build.mjs does");
}

/**
 * The chart as a standalone `<svg>` element; throws when the spec does not compile or run.
 * @example await vegaLiteToSvg({ mark: 'point', data: { values: [{ x: 1 }] }, encoding: { x: { field: 'x' } } })
 */
export async function vegaLiteToSvg(spec: unknown): Promise<string> {
  const vega = compile(spec as TopLevelSpec).spec;
  const view = new View(parse(vega, undefined, { ast: true }), {
    expr: await interpreter(),
    renderer: 'none',
    loader: offlineLoader(),
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
