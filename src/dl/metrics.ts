// Measuring and preparing data: accuracy, confusion matrices, seeded train/dev/test splits,
// input normalization fitted on the training set only, and the grid of points for drawing a
// decision boundary.
import { np } from '../tensor';
import type { NDArray } from '../tensor';

/** Class labels per example (columns): a (1, m) or (m,) label row as it is, a (C, m) one-hot or probability array by argmax. */
function labels(a: NDArray): number[] {
  if (a.ndim === 2 && a.shape[0]! > 1) return (np.argmax(a, 0) as NDArray).tolist() as number[];
  return np.ravel(a).tolist() as number[];
}

/**
 * Fraction of examples where the prediction equals the label. Rows of labels (1, m) compare
 * elementwise; one-hot or probability arrays (C, m) compare by argmax.
 * @example dl.accuracy(model.predict(X), Y) // 0.9933333333333333
 */
export function accuracy(pred: NDArray, Y: NDArray): number {
  const p = labels(pred);
  const y = labels(Y);
  if (p.length !== y.length) throw new Error(`accuracy: ${p.length} predictions for ${y.length} labels`);
  let right = 0;
  for (let i = 0; i < p.length; i++) if (Number(p[i]) === Number(y[i])) right++;
  return right / p.length;
}

/**
 * counts[i][j] = number of examples of true class i predicted as class j (as scikit-learn's).
 * @example dl.confusionMatrix(model.predict(X), Y) // array([[148,   2], [  0, 150]])
 */
export function confusionMatrix(pred: NDArray, Y: NDArray, numClasses?: number): NDArray {
  const p = labels(pred).map(Number);
  const y = labels(Y).map(Number);
  const C = numClasses ?? Math.max(1, ...p, ...y) + 1;
  const counts = np.zeros([C, C], 'int32');
  for (let i = 0; i < p.length; i++) counts.data[counts.offset + y[i]! * C + p[i]!]! += 1;
  return counts;
}

/** One part of a split: examples as columns of X and Y. */
export interface Part {
  readonly X: NDArray;
  readonly Y: NDArray;
}

export interface SplitOptions {
  /** Fractions of the examples per part, summing to 1 (default [0.6, 0.2, 0.2]). */
  fractions?: readonly number[];
  /** np.random.seed(seed) before the permutation; omitted: the current stream is used. */
  seed?: number;
  /** Shuffle the columns first (default true); false keeps the order. */
  shuffle?: boolean;
}

export interface Split {
  readonly train: Part;
  /** Present when there are three fractions. */
  readonly dev?: Part;
  readonly test: Part;
  /** Every part in order. */
  readonly parts: Part[];
}

/**
 * Splits the columns of X (n_x, m) and Y (·, m) by a seeded permutation into parts of the given
 * fractions (rounded; the last part takes the rest): [train, test] or [train, dev, test].
 * @example const { train, dev, test } = dl.split(X, Y, { fractions: [0.98, 0.01, 0.01], seed: 0 });
 */
export function split(X: NDArray, Y: NDArray, { fractions = [0.6, 0.2, 0.2], seed, shuffle = true }: SplitOptions = {}): Split {
  const m = X.shape[X.ndim - 1]!;
  if (Y.shape[Y.ndim - 1] !== m) throw new Error(`split: X has ${m} examples (columns) but Y has ${Y.shape[Y.ndim - 1]}`);
  const total = fractions.reduce((a, b) => a + b, 0);
  if (fractions.length < 2 || Math.abs(total - 1) > 1e-9 || fractions.some((f) => f < 0)) throw new Error('split: fractions must be 2 or more non-negative numbers summing to 1');
  if (seed !== undefined) np.random.seed(seed);
  const order = shuffle ? (np.random.permutation(m).tolist() as number[]) : Array.from({ length: m }, (_, i) => i);
  const parts: Part[] = [];
  let start = 0;
  let acc = 0;
  fractions.forEach((f, i) => {
    acc += f;
    const end = i === fractions.length - 1 ? m : Math.round(acc * m);
    const cols = order.slice(start, end);
    parts.push({ X: np.take(X, cols, X.ndim - 1), Y: np.take(Y, cols, Y.ndim - 1) });
    start = end;
  });
  const [train, ...rest] = parts;
  return rest.length === 2 ? { train: train!, dev: rest[0]!, test: rest[1]!, parts } : { train: train!, test: rest[rest.length - 1]!, parts };
}

/**
 * A seeded train/test split: the first (1 - testSize) of a permutation trains.
 * @example const { train, test } = dl.trainTestSplit(X, Y, { testSize: 0.3, seed: 1 });
 */
export function trainTestSplit(X: NDArray, Y: NDArray, { testSize = 0.3, seed, shuffle = true }: { testSize?: number; seed?: number; shuffle?: boolean } = {}): Split {
  return split(X, Y, { fractions: [1 - testSize, testSize], seed, shuffle });
}

/** Input normalization fitted on a training set. */
export interface Normalizer {
  /** Per-feature mean (n_x, 1) of the training set. */
  readonly mean: NDArray;
  /** Per-feature standard deviation (n_x, 1) of the training set (1 where it was 0). */
  readonly std: NDArray;
  /** (X - mean) / std with the training statistics: use the same for dev and test sets. */
  apply(X: NDArray): NDArray;
}

/**
 * Learns mean and spread per feature (row) from training inputs Xtrain (n_x, m).
 * @example const norm = dl.fitNormalizer(Xtrain); const Xt = norm.apply(Xtest);
 */
export function fitNormalizer(Xtrain: NDArray): Normalizer {
  const mean = np.mean(Xtrain, { axis: 1, keepdims: true });
  const spread = np.std(Xtrain, { axis: 1, keepdims: true });
  // A constant feature carries no information; dividing by 1 keeps it finite (at 0).
  const std = np.where(np.equal(spread, 0), 1, spread);
  return { mean, std, apply: (X: NDArray) => np.divide(np.subtract(X, mean), std) };
}

/** The points of a grid over a 2-D input box, for drawing a model's decision regions. */
export interface DecisionGrid {
  /** Every grid point as a column: (2, nx·ny), x varying fastest (numpy's meshgrid + ravel). */
  readonly points: NDArray;
  /** The nx x-coordinates and ny y-coordinates. */
  readonly xs: NDArray;
  readonly ys: NDArray;
  /** [ny, nx]: reshape a (1, nx·ny) prediction to this to get an image of the regions. */
  readonly shape: [number, number];
}

/**
 * Grid points over [xmin, xmax] × [ymin, ymax], steps per axis (a number, or [nx, ny]).
 * @example
 * const grid = dl.decisionGrid(-1.5, 1.5, -1.5, 1.5, 100);
 * const regions = model.predict(grid.points).reshape(grid.shape);
 */
export function decisionGrid(xmin: number, xmax: number, ymin: number, ymax: number, steps: number | readonly [number, number] = 100): DecisionGrid {
  const [nx, ny] = typeof steps === 'number' ? [steps, steps] : steps;
  const xs = np.linspace(xmin, xmax, nx);
  const ys = np.linspace(ymin, ymax, ny);
  const points = np.zeros([2, nx * ny]);
  const P = points.data;
  const n = nx * ny;
  for (let iy = 0, k = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++, k++) {
      P[points.offset + k] = xs.data[xs.offset + ix]!;
      P[points.offset + n + k] = ys.data[ys.offset + iy]!;
    }
  }
  return { points, xs, ys, shape: [ny, nx] };
}
