// Histograms of one set of values: weights, activations, gradients.
import { NDArray } from '../tensor';
import { finite, numbersOf, skeleton, toNumbers } from './spec';
import type { ChartOptions, Row, Values, VegaLiteSpec } from './spec';

export interface HistogramOptions extends ChartOptions {
  /** The most bins Vega-Lite may use; it picks round bin edges, so there may be fewer. */
  bins?: number;
  /** Title of the value axis (default 'value'). */
  x?: string;
}

/**
 * A histogram of the values, binned by Vega-Lite (`bin: { maxbins }`, round edges). An NDArray of
 * any shape is flattened. Rows are `{ value }` in the dataset named 'table'.
 * @example display(plot.histogram(W1, { bins: 50, title: 'W1 after training' }));
 */
export function histogram(values: Values, opts: HistogramOptions = {}): VegaLiteSpec {
  const bins = opts.bins ?? 30;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`plot.histogram: bins must be a positive integer, got ${bins}`);
  const numbers = values instanceof NDArray ? numbersOf(values) : toNumbers(values, 'values');
  const rows: Row[] = numbers.map((v) => ({ value: finite(v) }));
  const spec = skeleton(opts, 560, 300);
  spec.data = { name: 'table', values: rows };
  spec['mark'] = { type: 'bar', tooltip: true };
  spec['encoding'] = {
    x: { field: 'value', type: 'quantitative', bin: { maxbins: bins }, title: opts.x ?? 'value' },
    y: { aggregate: 'count', type: 'quantitative', title: 'count' },
  };
  return spec;
}
