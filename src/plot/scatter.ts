// Scatter plots of a 2-feature data set in the course layout: X is (2, m), one example per column,
// and Y holds the m class labels, drawn as the point colors.
import { NDArray } from '../tensor';
import { finite, numbersOf, skeleton, toNumbers } from './spec';
import type { ChartOptions, Row, SpecPart, Values, VegaLiteSpec } from './spec';

export interface ScatterOptions extends ChartOptions {
  /** Title of the horizontal axis, feature x1 (default 'x1'). */
  x?: string;
  /** Title of the vertical axis, feature x2 (default 'x2'). */
  y?: string;
  /** Title of the color legend (default 'class'). */
  legend?: string;
}

/** The two feature rows of X (2, m) and the m labels, checked against each other. */
export function features(X: NDArray, Y: Values, who: string): { x1: number[]; x2: number[]; labels: number[] } {
  if (!(X instanceof NDArray) || X.ndim !== 2 || X.shape[0] !== 2) {
    const shape = X instanceof NDArray ? `(${X.shape.join(', ')})` : typeof X;
    throw new Error(`${who}: X must be a (2, m) NDArray, one example per column; got ${shape}${X instanceof NDArray && X.ndim === 2 && X.shape[1] === 2 ? ' (pass X.T?)' : ''}`);
  }
  const m = X.shape[1]!;
  const all = numbersOf(X);
  const labels = toNumbers(Y, 'Y');
  if (labels.length !== m) throw new Error(`${who}: X has ${m} examples but Y has ${labels.length} labels`);
  return { x1: all.slice(0, m), x2: all.slice(m), labels };
}

/** Rows `{ x1, x2, label }`, one per example. */
export function pointRows(x1: readonly number[], x2: readonly number[], labels: readonly number[]): Row[] {
  const rows: Row[] = new Array(x1.length);
  for (let i = 0; i < x1.length; i++) rows[i] = { x1: finite(x1[i]!), x2: finite(x2[i]!), label: finite(labels[i]!) };
  return rows;
}

/** The points layer: circles colored by class, over the dataset named 'table'. */
export function pointsLayer(rows: Row[], opts: ScatterOptions, domains?: { x1: number[]; x2: number[] }): SpecPart {
  const scale = (domain: number[] | undefined) => (domain ? { zero: false, nice: false, domain } : { zero: false });
  return {
    data: { name: 'table', values: rows },
    mark: { type: 'circle', size: 40, opacity: 0.9, stroke: 'black', strokeWidth: 0.5, tooltip: true },
    encoding: {
      x: { field: 'x1', type: 'quantitative', title: opts.x ?? 'x1', scale: scale(domains?.x1) },
      y: { field: 'x2', type: 'quantitative', title: opts.y ?? 'x2', scale: scale(domains?.x2) },
      color: { field: 'label', type: 'nominal', title: opts.legend ?? 'class' },
    },
  };
}

/**
 * Points of a 2-feature data set colored by class. X is (2, m) (one example per column, as in the
 * course), Y the m labels as a (1, m) or (m,) NDArray or a number array. Rows are
 * `{ x1, x2, label }` in the dataset named 'table'.
 * @example display(plot.scatter(X, Y, { title: 'Training set' }));
 */
export function scatter(X: NDArray, Y: Values, opts: ScatterOptions = {}): VegaLiteSpec {
  const { x1, x2, labels } = features(X, Y, 'plot.scatter');
  const layer = pointsLayer(pointRows(x1, x2, labels), opts);
  const spec = skeleton(opts, 400, 400);
  return { ...spec, ...layer, $schema: spec.$schema };
}
