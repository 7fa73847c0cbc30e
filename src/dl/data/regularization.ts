// The regularization lessons' data set: ours, built to play the part of the course's "football"
// set (which is not ours to ship). The recipe is in regularizationSet's doc comment, and
// scripts/fixtures/data.py restates it in numpy, draw for draw.
import { NDArray } from '../../tensor';
import { RandomState } from '../../tensor/random';
import type { Dataset, Split } from './types';

/** Options of regularizationSet. */
export interface RegularizationSetOptions {
  /** Seed of the generator (default 7, the set the lessons' numbers refer to). */
  seed?: number;
  /** Training examples (default 211, as the course's set). */
  train?: number;
  /** Test examples (default 200). */
  test?: number;
}

const BOX = 0.75; // points are drawn in [-BOX, BOX)^2
const JITTER = 0.09; // std of the noise that blurs the classes along the boundary
const CLUMPS = 2; // clumps of mislabelled points per set
const CLUMP_SIZE = 3;
const CLUMP_STD = 0.04;

/** The true boundary, x2 = 1.6 x1^3 - 0.4 x1 + 0.05: an S-curve a small network can follow. */
function boundary(x1: number): number {
  // Products rather than x1 ** 3, to round as the numpy recipe's products do.
  return 1.6 * x1 * x1 * x1 - 0.4 * x1 + 0.05;
}

/**
 * A small noisy 2-D binary set on which an unregularized network overfits: with the course's
 * [2, 20, 3, 1] ReLU/sigmoid network (weights randn / sqrt(n_prev) after np.random.seed(3)),
 * learning rate 0.3 and 30,000 full-batch iterations, the default set gives 95.3% train and
 * 88.5% test accuracy; L2 with lambda 0.7 gives 93.4% / 90.0% and dropout (keep 0.86, masks
 * after np.random.seed(1)) 95.3% / 90.5%. Measured in numpy: scripts/fixtures/data.py --overfit.
 *
 * Recipe, per set (training set first, then test, both from one RandomState(seed); the same
 * numbers as np.random.seed(seed) followed by these calls, without touching np.random's state):
 * 1. k = m - 6 points X = uniform(-0.75, 0.75, (2, k)); label 1 above the curve
 *    x2 = 1.6 x1^3 - 0.4 x1 + 0.05, else 0; then X += normal(0, 0.09, (2, k)) (labels kept),
 *    so the classes overlap along the curve.
 * 2. Two clumps of mislabelled points: centers C = uniform(-0.75, 0.75, (2, 2)), three points
 *    each at C + normal(0, 0.04, (2, 6)) (clump after clump), labelled opposite to the side of
 *    the curve their center lies on. A flexible network bends its boundary to take them in.
 * 3. Columns reordered by permutation(m).
 *
 * @example const { train, test } = regularizationSet(); // train.X (2, 211), test.Y (1, 200)
 */
export function regularizationSet({ seed = 7, train = 211, test = 200 }: RegularizationSetOptions = {}): Split {
  for (const [name, m] of [['train', train], ['test', test]] as const) {
    if (!Number.isInteger(m) || m < CLUMPS * CLUMP_SIZE) throw new RangeError(`${name} must be an integer >= ${CLUMPS * CLUMP_SIZE}, got ${m}`);
  }
  const rs = new RandomState(seed);
  const trainSet = part(rs, train);
  return { train: trainSet, test: part(rs, test) };
}

/** One set of m examples, drawn in the recipe's order. */
function part(rs: RandomState, m: number): Dataset {
  const k = m - CLUMPS * CLUMP_SIZE;
  const c = CLUMPS * CLUMP_SIZE;
  const x1 = new Float64Array(m);
  const x2 = new Float64Array(m);
  const y = new Float64Array(m);
  const U = rs.uniform(-BOX, BOX, [2, k]).data as Float64Array;
  for (let i = 0; i < k; i++) y[i] = U[k + i]! > boundary(U[i]!) ? 1 : 0;
  const J = rs.normal(0, JITTER, [2, k]).data as Float64Array;
  for (let i = 0; i < k; i++) {
    x1[i] = U[i]! + J[i]!;
    x2[i] = U[k + i]! + J[k + i]!;
  }
  const C = rs.uniform(-BOX, BOX, [2, CLUMPS]).data as Float64Array;
  const G = rs.normal(0, CLUMP_STD, [2, c]).data as Float64Array;
  for (let j = 0; j < c; j++) {
    const q = Math.floor(j / CLUMP_SIZE);
    x1[k + j] = C[q]! + G[j]!;
    x2[k + j] = C[CLUMPS + q]! + G[c + j]!;
    y[k + j] = C[CLUMPS + q]! <= boundary(C[q]!) ? 1 : 0;
  }
  const order = rs.permutation(m).data as Int32Array;
  const X = new Float64Array(2 * m);
  const Y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const o = order[i]!;
    X[i] = x1[o]!;
    X[m + i] = x2[o]!;
    Y[i] = y[o]!;
  }
  return { X: new NDArray(X, [2, m]), Y: new NDArray(Y, [1, m]) };
}
