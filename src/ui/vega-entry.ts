// The chart renderer, built as its own bundle (dist/vega.js) and loaded on the first chart, so a
// notebook without charts never downloads Vega. Expressions are interpreted (vega-interpreter),
// never compiled with eval/Function, so charts also run under a strict Content-Security-Policy.
import embed from 'vega-embed';
import type { VisualizationSpec } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { changeset } from 'vega';
import { offlineLoader } from '../formats/vega-svg';

/** For the .html export: a chart as an SVG string, drawn the same safe way. */
export { vegaLiteToSvg } from '../formats/vega-svg';

export interface ChartView {
  /** Adds rows to a named dataset of the live view: no re-embed, no recompilation. */
  insert(dataset: string, rows: readonly unknown[]): Promise<void>;
  finalize(): void;
}

/**
 * vega-embed lets a spec's `usermeta.embedOptions` override the caller's options, `ast` and the
 * loader included, which would turn expression evaluation back to generated code. Dropped here.
 */
function withoutEmbedOptions(spec: object): object {
  const usermeta = (spec as { usermeta?: unknown }).usermeta;
  if (typeof usermeta !== 'object' || usermeta === null || !('embedOptions' in usermeta)) return spec;
  const { embedOptions: _dropped, ...rest } = usermeta as Record<string, unknown>;
  return { ...spec, usermeta: rest };
}

/** Draws a Vega-Lite spec into `el` as SVG. */
export async function renderVegaLite(el: HTMLElement, spec: object): Promise<ChartView> {
  const result = await embed(el, withoutEmbedOptions(spec) as VisualizationSpec, {
    mode: 'vega-lite',
    renderer: 'svg',
    actions: false,
    ast: true,
    expr: expressionInterpreter,
    loader: offlineLoader(),
  });
  return {
    insert: async (dataset, rows) => {
      // resize(): new rows can widen the axis labels, and autosize only re-pads when asked to.
      await result.view.change(dataset, changeset().insert(rows as object[])).resize().runAsync();
    },
    finalize: () => result.finalize(),
  };
}
