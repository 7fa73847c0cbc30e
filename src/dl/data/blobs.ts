// scikit-learn's make_blobs (sklearn/datasets/_samples_generator.py), draw for draw on the global
// np.random stream: centers from uniform(centerBox) unless given, each cluster's points from
// normal(center, std) in cluster order, then sklearn.utils.shuffle. Deviations: labels are
// float64 (the toolkit's label dtype, exact for class indices) where sklearn's are int64, and
// the arguments are all checked before the first draw where sklearn checks some after drawing
// the centers (only the moment an error is raised differs).
import { NDArray, np } from '../../tensor';
import { globalRandomState } from '../../tensor/random';
import type { Dataset } from './types';

/** Options of makeBlobs, sklearn's keyword arguments in camelCase. */
export interface BlobsOptions {
  /** How many centers to draw (default 3), or the centers themselves as points [[x, y], ...]. */
  centers?: number | readonly (readonly number[])[] | NDArray;
  /** Standard deviation of every cluster, or one per cluster (default 1). */
  clusterStd?: number | readonly number[];
  /** Dimension of the points when the centers are drawn (default 2). */
  nFeatures?: number;
  /** Range [low, high) of each coordinate of a drawn center (default [-10, 10]). */
  centerBox?: readonly [number, number];
  /** Shuffle the points (default true); unshuffled, cluster 0's points come first. */
  shuffle?: boolean;
}

/** Blobs and where they are: centers is (nFeatures, nCenters), one center a column like X. */
export interface Blobs extends Dataset {
  centers: NDArray;
}

/**
 * Gaussian clusters for multi-class problems, scikit-learn's `make_blobs`. `n` is the total
 * (split as evenly as possible, the first clusters taking one more) or a count per cluster.
 * Y holds class indices 0..C-1 (float64); `oneHot(Y, C)` makes the (C, m) targets.
 *
 * @example np.random.seed(0); const { X, Y, centers } = makeBlobs(300, { centers: 4, clusterStd: 0.6 }); // X (2, 300)
 */
export function makeBlobs(n: number | readonly number[] = 100, options: BlobsOptions = {}): Blobs {
  const { clusterStd = 1, centerBox = [-10, 10], shuffle = true } = options;
  let { centers, nFeatures = 2 } = options;
  if (typeof n === 'number') {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer >= 1, got ${n}`);
  } else {
    if (n.some((k) => !Number.isInteger(k) || k < 0)) throw new RangeError('counts per cluster must be integers >= 0');
    // sklearn: with counts per cluster, the centers are drawn (one per count) or given, not counted.
    if (typeof centers === 'number') throw new TypeError('with counts per cluster, centers must be omitted or given as points');
    centers ??= n.length;
  }
  centers ??= 3;
  const given = typeof centers === 'number' ? null : pointsOf(centers);
  const nCenters = given === null ? (centers as number) : given.length;
  if (given !== null) nFeatures = given[0]!.length;
  if (!Number.isInteger(nCenters) || nCenters < 1) throw new RangeError(`centers must be a count >= 1 or a non-empty list of points, got ${String(centers)}`);
  if (!Number.isInteger(nFeatures) || nFeatures < 1) throw new RangeError(`nFeatures must be an integer >= 1, got ${nFeatures}`);
  if (typeof n !== 'number' && n.length !== nCenters) {
    throw new RangeError(`Length of n not consistent with number of centers: got ${n.length} counts and ${nCenters} centers`);
  }
  const stds = typeof clusterStd === 'number' ? new Array<number>(nCenters).fill(clusterStd) : [...clusterStd];
  if (stds.length !== nCenters) throw new RangeError(`Length of clusterStd not consistent with number of centers: got ${stds.length} and ${nCenters}`);
  if (stds.some((s) => !(s >= 0))) throw new RangeError('clusterStd must be >= 0');
  const counts = typeof n === 'number' ? evenCounts(n, nCenters) : [...n];

  const rs = globalRandomState();
  const [low, high] = centerBox;
  // Drawn as sklearn does: one (nCenters, nFeatures) uniform array, row by row.
  const C = given ?? rows(rs.uniform(low, high, [nCenters, nFeatures]).data as Float64Array, nFeatures);
  const m = counts.reduce((a, b) => a + b, 0);
  const pts = new Float64Array(m * nFeatures); // sklearn's (m, nFeatures) layout, for now
  const labels = new Float64Array(m);
  let start = 0;
  for (let c = 0; c < nCenters; c++) {
    // numpy's normal(loc=center, scale=std) is center + std * g; normal(0, std) gives 0 + std * g.
    const g = rs.normal(0, stds[c]!, [counts[c]!, nFeatures]).data as Float64Array;
    for (let i = 0; i < counts[c]!; i++) {
      for (let f = 0; f < nFeatures; f++) pts[(start + i) * nFeatures + f] = C[c]![f]! + g[i * nFeatures + f]!;
      labels[start + i] = c;
    }
    start += counts[c]!;
  }
  const order = shuffle ? (rs.permutation(m).data as Int32Array) : Int32Array.from({ length: m }, (_, i) => i);
  const X = new Float64Array(m * nFeatures);
  const Y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const k = order[i]!;
    for (let f = 0; f < nFeatures; f++) X[f * m + i] = pts[k * nFeatures + f]!;
    Y[i] = labels[k]!;
  }
  const centersT = new Float64Array(nFeatures * nCenters);
  for (let c = 0; c < nCenters; c++) for (let f = 0; f < nFeatures; f++) centersT[f * nCenters + c] = C[c]![f]!;
  return { X: new NDArray(X, [nFeatures, m]), Y: new NDArray(Y, [1, m]), centers: new NDArray(centersT, [nFeatures, nCenters]) };
}

/** sklearn's split of a total: n // C each, the first n % C clusters one more. */
function evenCounts(n: number, nCenters: number): number[] {
  const counts = new Array<number>(nCenters).fill(Math.floor(n / nCenters));
  for (let i = 0; i < n % nCenters; i++) counts[i]!++;
  return counts;
}

/** Given centers as rows of numbers, checked to be a non-empty rectangle. */
function pointsOf(centers: readonly (readonly number[])[] | NDArray): number[][] {
  const a = np.asarray(centers, 'float64');
  if (a.ndim !== 2 || a.shape[0] === 0 || a.shape[1] === 0) throw new RangeError('centers must be a non-empty list of points of equal length');
  return a.tolist() as number[][];
}

function rows(flat: Float64Array, width: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < flat.length; i += width) out.push(Array.from(flat.subarray(i, i + width)));
  return out;
}
