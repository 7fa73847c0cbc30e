// scikit-learn's two-class toy sets (sklearn/datasets/_samples_generator.py, current version):
// make_circles and make_moons, step for step, drawing from the global np.random stream as sklearn
// does with random_state=None. That is how the course makes its sets, so `np.random.seed(1);
// makeCircles(300, { noise: 0.05 })` is its circles training set.
import { NDArray, np } from '../../tensor';
import { globalRandomState } from '../../tensor/random';
import type { Dataset } from './types';

/** Options of makeCircles, sklearn's keyword arguments. */
export interface CirclesOptions {
  /** Standard deviation of Gaussian noise added to the points (default null: none, no draws). */
  noise?: number | null;
  /** Radius of the inner circle relative to the outer one, in [0, 1) (default 0.8). */
  factor?: number;
  /** Shuffle the points (default true); unshuffled, the outer class comes first. */
  shuffle?: boolean;
}

/** Options of makeMoons, sklearn's keyword arguments. */
export interface MoonsOptions {
  /** Standard deviation of Gaussian noise added to the points (default null: none, no draws). */
  noise?: number | null;
  /** Shuffle the points (default true); unshuffled, the outer moon comes first. */
  shuffle?: boolean;
}

/**
 * Two concentric circles in 2-D, scikit-learn's `make_circles`: outer circle label 0, inner
 * (radius `factor`) label 1. `n` is a total (n // 2 outer points, the rest inner) or a pair
 * [outer, inner]. Draws from the global np.random state: first a shuffle of the point order, then
 * the noise, exactly as sklearn does.
 *
 * @example np.random.seed(1); const { X, Y } = makeCircles(300, { noise: 0.05 }); // X (2, 300), Y (1, 300)
 */
export function makeCircles(n: number | readonly [number, number] = 100, { noise = null, factor = 0.8, shuffle = true }: CirclesOptions = {}): Dataset {
  const [nOut, nIn] = splitCount(n);
  if (!(factor >= 0 && factor < 1)) throw new RangeError(`factor must be in [0, 1), got ${factor}`);
  const tOut = np.linspace(0, 2 * Math.PI, nOut, { endpoint: false }).data;
  const tIn = np.linspace(0, 2 * Math.PI, nIn, { endpoint: false }).data;
  const xs = new Float64Array(nOut + nIn);
  const ys = new Float64Array(nOut + nIn);
  for (let i = 0; i < nOut; i++) {
    xs[i] = Math.cos(tOut[i]!);
    ys[i] = Math.sin(tOut[i]!);
  }
  for (let i = 0; i < nIn; i++) {
    xs[nOut + i] = Math.cos(tIn[i]!) * factor;
    ys[nOut + i] = Math.sin(tIn[i]!) * factor;
  }
  return finish(xs, ys, nOut, shuffle, noise);
}

/**
 * Two interleaving half circles in 2-D, scikit-learn's `make_moons`: the upper moon
 * (cos t, sin t) label 0, the lower (1 - cos t, 1 - sin t - 0.5) label 1, t = linspace(0, pi).
 * `n` is a total (n // 2 upper points) or a pair [upper, lower]. Draws from the global np.random
 * state: a shuffle, then the noise.
 *
 * @example np.random.seed(3); const { X, Y } = makeMoons(300, { noise: 0.2 }); // the optimization lesson's set
 */
export function makeMoons(n: number | readonly [number, number] = 100, { noise = null, shuffle = true }: MoonsOptions = {}): Dataset {
  const [nOut, nIn] = splitCount(n);
  const tOut = np.linspace(0, Math.PI, nOut).data;
  const tIn = np.linspace(0, Math.PI, nIn).data;
  const xs = new Float64Array(nOut + nIn);
  const ys = new Float64Array(nOut + nIn);
  for (let i = 0; i < nOut; i++) {
    xs[i] = Math.cos(tOut[i]!);
    ys[i] = Math.sin(tOut[i]!);
  }
  for (let i = 0; i < nIn; i++) {
    xs[nOut + i] = 1 - Math.cos(tIn[i]!);
    // Same order of operations as sklearn's `1 - sin(t) - 0.5`, for the same rounding.
    ys[nOut + i] = 1 - Math.sin(tIn[i]!) - 0.5;
  }
  return finish(xs, ys, nOut, shuffle, noise);
}

/** sklearn's n_samples: an int (n // 2 of class 0, the rest class 1) or a pair of counts. */
function splitCount(n: number | readonly [number, number]): [number, number] {
  if (typeof n === 'number') {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer >= 1, got ${n}`);
    const nOut = Math.floor(n / 2);
    return [nOut, n - nOut];
  }
  if (n.length !== 2) throw new RangeError('when a pair, n must have exactly two elements');
  const [a, b] = n;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0) throw new RangeError(`counts must be integers >= 0, got [${a}, ${b}]`);
  return [a, b];
}

/**
 * The common tail of both generators: labels (class 0 first), sklearn.utils.shuffle (a
 * RandomState.shuffle of arange(m)), then noise drawn in sklearn's (m, 2) C order (x then y of
 * each point), laid out as (2, m) columns.
 */
function finish(xs: Float64Array, ys: Float64Array, nOut: number, shuffle: boolean, noise: number | null): Dataset {
  // Checked before any draw, so a bad call leaves the global stream where it was.
  if (noise !== null && !(noise >= 0)) throw new RangeError(`noise must be >= 0 or null, got ${noise}`);
  const m = xs.length;
  const rs = globalRandomState();
  const order = shuffle ? (rs.permutation(m).data as Int32Array) : Int32Array.from({ length: m }, (_, i) => i);
  // sklearn adds `normal(scale=noise)`, i.e. 0 + noise * g, which is what rs.normal returns.
  const jitter = noise === null ? null : (rs.normal(0, noise, [m, 2]).data as Float64Array);
  const X = new Float64Array(2 * m);
  const Y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const k = order[i]!;
    X[i] = jitter === null ? xs[k]! : xs[k]! + jitter[2 * i]!;
    X[m + i] = jitter === null ? ys[k]! : ys[k]! + jitter[2 * i + 1]!;
    Y[i] = k < nOut ? 0 : 1;
  }
  return { X: new NDArray(X, [2, m]), Y: new NDArray(Y, [1, m]) };
}
