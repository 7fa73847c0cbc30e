// The chart renderer, built as its own bundle (dist/vega.js) and loaded on the first chart, so a
// notebook without charts never downloads Vega. Expressions are interpreted (vega-interpreter),
// never compiled with eval/Function, so charts also run under a strict Content-Security-Policy.
import embed from 'vega-embed';
import type { VisualizationSpec } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { changeset } from 'vega';

export interface ChartView {
  /** Adds rows to a named dataset of the live view: no re-embed, no recompilation. */
  insert(dataset: string, rows: readonly unknown[]): Promise<void>;
  finalize(): void;
}

/** Draws a Vega-Lite spec into `el` as SVG. */
export async function renderVegaLite(el: HTMLElement, spec: object): Promise<ChartView> {
  const result = await embed(el, spec as VisualizationSpec, {
    mode: 'vega-lite',
    renderer: 'svg',
    actions: false,
    ast: true,
    expr: expressionInterpreter,
  });
  return {
    insert: async (dataset, rows) => {
      // resize(): new rows can widen the axis labels, and autosize only re-pads when asked to.
      await result.view.change(dataset, changeset().insert(rows as object[])).resize().runAsync();
    },
    finalize: () => result.finalize(),
  };
}
