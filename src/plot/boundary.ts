// The decision boundary of a 2-feature classifier: its output on a grid covering the data, as a
// heat map, with the data points on top.
import { NDArray, np } from '../tensor';
import { finite, numbersOf, skeleton, toNumbers } from './spec';
import { features, pointRows, pointsLayer } from './scatter';
import type { Row, SpecPart, Values, VegaLiteSpec } from './spec';
import type { ScatterOptions } from './scatter';

export interface DecisionBoundaryOptions extends ScatterOptions {
  /** Grid points per axis; the heat map has steps² cells (at most 100, i.e. 10,000 cells). */
  steps?: number;
  /** How far the grid extends beyond the data on every side, in feature units. */
  padding?: number;
  /** Title of the heat map legend (default 'output'). */
  output?: string;
}

/** Largest grid side: steps² rows is what a notebook chart still draws quickly. */
export const MAX_STEPS = 100;

/**
 * Calls `predict` once on a (2, steps²) grid spanning the data ± padding (column k is the point
 * (xs[k % steps], ys[floor(k / steps)])), and draws its output as a heat map (dataset 'grid',
 * rows `{ x1, x2, p }`, one per cell) under the points colored by class (dataset 'table').
 * `predict` returns one number per column: a probability (then the colors span 0..1) or a label.
 * @example
 * display(plot.decisionBoundary((grid) => forward(grid, params), X, Y, { title: 'Learned boundary' }));
 */
export function decisionBoundary(
  predict: (grid: NDArray) => NDArray | readonly number[],
  X: NDArray,
  Y: Values,
  opts: DecisionBoundaryOptions = {},
): VegaLiteSpec {
  const steps = opts.steps ?? 100;
  const padding = opts.padding ?? 0.5;
  if (!Number.isInteger(steps) || steps < 2 || steps > MAX_STEPS) {
    throw new RangeError(`plot.decisionBoundary: steps must be an integer from 2 to ${MAX_STEPS} (steps² rows), got ${steps}`);
  }
  const { x1, x2, labels } = features(X, Y, 'plot.decisionBoundary');
  if (x1.length === 0) throw new Error('plot.decisionBoundary: X has no examples');
  const [lo1, hi1] = extent(x1, padding);
  const [lo2, hi2] = extent(x2, padding);
  const xs = numbersOf(np.linspace(lo1, hi1, steps));
  const ys = numbersOf(np.linspace(lo2, hi2, steps));
  const k = steps * steps;
  const data = new Float64Array(2 * k);
  for (let j = 0; j < steps; j++) {
    for (let i = 0; i < steps; i++) {
      data[j * steps + i] = xs[i]!;
      data[k + j * steps + i] = ys[j]!;
    }
  }
  const out = predict(new NDArray(data, [2, k]));
  const p = toNumbers(out, 'the output of predict');
  if (p.length !== k) throw new Error(`plot.decisionBoundary: predict returned ${p.length} values for a grid of ${k} points`);

  const grid: Row[] = new Array(k);
  for (let c = 0; c < k; c++) grid[c] = { x1: data[c]!, x2: data[k + c]!, p: finite(p[c]!) };
  // Each row is a cell center; the cell reaches half a step either side.
  const h1 = (hi1 - lo1) / (steps - 1) / 2;
  const h2 = (hi2 - lo2) / (steps - 1) / 2;
  const domains = { x1: [lo1 - h1, hi1 + h1], x2: [lo2 - h2, hi2 + h2] };
  const probability = p.every((v) => !Number.isFinite(v) || (v >= 0 && v <= 1));
  const color: Record<string, unknown> = { field: 'p', type: 'quantitative', title: opts.output ?? 'output' };
  color['scale'] = probability ? { scheme: 'blueorange', domain: [0, 1] } : { scheme: 'blueorange' };
  // nice: false keeps the heat map flush with the frame, so tick counts must be set by hand.
  const axis = (title: string, domain: number[]) => ({ type: 'quantitative', title, axis: { tickCount: 6 }, scale: { zero: false, nice: false, domain } });

  const heat: SpecPart = {
    data: { name: 'grid', values: grid },
    transform: [
      { calculate: `datum.x1 - ${h1}`, as: 'x1_lo' },
      { calculate: `datum.x1 + ${h1}`, as: 'x1_hi' },
      { calculate: `datum.x2 - ${h2}`, as: 'x2_lo' },
      { calculate: `datum.x2 + ${h2}`, as: 'x2_hi' },
    ],
    mark: { type: 'rect', opacity: 0.55, strokeWidth: 0 },
    encoding: {
      x: { field: 'x1_lo', ...axis(opts.x ?? 'x1', domains.x1) },
      x2: { field: 'x1_hi' },
      y: { field: 'x2_lo', ...axis(opts.y ?? 'x2', domains.x2) },
      y2: { field: 'x2_hi' },
      color,
    },
  };
  const points = pointsLayer(pointRows(x1, x2, labels), opts, domains);
  const spec = skeleton(opts, 400, 400);
  spec['layer'] = [heat, points];
  // The heat map's continuous colors and the classes' categorical colors are separate scales.
  spec['resolve'] = { scale: { color: 'independent' } };
  return spec;
}

/** [min - padding, max + padding] of the finite values (a unit span around a constant feature). */
function extent(v: readonly number[], padding: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo > hi) throw new Error('plot.decisionBoundary: X has no finite values');
  if (lo === hi && padding === 0) return [lo - 0.5, hi + 0.5];
  return [lo - padding, hi + padding];
}
