// Eigen-decomposition of symmetric matrices by the cyclic Jacobi method: each rotation zeroes one
// off-diagonal pair, and sweeps over all pairs converge quadratically. It is O(n³) per sweep with
// a handful of sweeps, so meant for the lesson-sized matrices (n up to ~100) where its simplicity
// and its accuracy (eigenvalues to about machine precision relative to ‖A‖) beat the
// tridiagonalisation LAPACK uses. Not differentiable: nothing is recorded on the tape.
import { NDArray, contiguousData } from '../ndarray';
import { allocate } from '../dtype';
import { asArray } from '../convert';
import type { ArrayLike } from '../convert';

export interface EighResult {
  /** Ascending, shape (..., n). */
  readonly eigenvalues: NDArray;
  /** Column j is the unit eigenvector of eigenvalue j, shape (..., n, n). */
  readonly eigenvectors: NDArray;
}

/** Sweeps allowed before giving up; converged matrices take 6-10. */
const MAX_SWEEPS = 100;

/**
 * numpy's `np.linalg.eigh(a)` for a symmetric matrix (or a stack of them): eigenvalues in
 * ascending order and the eigenvectors as columns, so that `A·v[:, j] = w[j]·v[:, j]`. As numpy
 * does, only the lower triangle of `a` is read. Eigenvector signs are arbitrary.
 * @example
 * const { eigenvalues, eigenvectors } = linalg.eigh([[2, 1], [1, 2]]);  // eigenvalues [1, 3]
 */
export function eigh(a: ArrayLike): EighResult {
  const [w, v] = decompose(asArray(a), true, 'eigh');
  return { eigenvalues: w, eigenvectors: v! };
}

/**
 * numpy's `np.linalg.eigvalsh(a)`: the eigenvalues of a symmetric matrix, ascending.
 * @example
 * linalg.eigvalsh([[2, 0], [0, -1]]);  // [-1, 2]
 */
export function eigvalsh(a: ArrayLike): NDArray {
  return decompose(asArray(a), false, 'eigvalsh')[0];
}

function decompose(A: NDArray, vectors: boolean, op: string): [NDArray, NDArray | null] {
  if (A.ndim < 2) throw new Error(`${op}: ${A.ndim}-dimensional array given. Array must be at least two-dimensional`);
  const n = A.shape[A.ndim - 1]!;
  if (A.shape[A.ndim - 2] !== n) throw new Error(`${op}: Last 2 dimensions of the array must be square`);
  const dtype = A.dtype === 'float32' ? 'float32' : 'float64';
  const src = contiguousData(A);
  const count = n === 0 ? 0 : A.size / (n * n);
  const W = allocate(dtype, count * n);
  const V = vectors ? allocate(dtype, count * n * n) : null;
  const a = new Float64Array(n * n);
  const v = new Float64Array(n * n);
  const w = new Float64Array(n);
  const order = new Array<number>(n);
  for (let t = 0; t < count; t++) {
    const base = t * n * n;
    // The lower triangle, mirrored: numpy's UPLO='L'.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = src[base + i * n + j]!;
    }
    jacobi(a, v, n, vectors, op);
    for (let i = 0; i < n; i++) {
      w[i] = a[i * n + i]!;
      order[i] = i;
    }
    order.sort((x, y) => w[x]! - w[y]!);
    for (let j = 0; j < n; j++) {
      const c = order[j]!;
      W[t * n + j] = w[c]!;
      if (V !== null) for (let i = 0; i < n; i++) V[base + i * n + j] = v[i * n + c]!;
    }
  }
  const lead = A.shape.slice(0, -2);
  return [new NDArray(W, [...lead, n]), V === null ? null : new NDArray(V, [...lead, n, n])];
}

/**
 * Diagonalises the symmetric n×n `a` in place; with `vectors`, `v` ends up holding the rotations'
 * product, whose columns are the eigenvectors. Rotation formulas as in Numerical Recipes §11.1
 * (the form with small rounding error: t = tan θ from the smaller root).
 */
function jacobi(a: Float64Array, v: Float64Array, n: number, vectors: boolean, op: string): void {
  if (vectors) {
    v.fill(0);
    for (let i = 0; i < n; i++) v[i * n + i] = 1;
  }
  let total = 0;
  for (let i = 0; i < n * n; i++) total += a[i]! * a[i]!;
  if (!Number.isFinite(total)) throw new Error(`${op}: Array must not contain infs or NaNs`);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! * a[p * n + q]!;
    // Converged when what is left off the diagonal is below rounding of the whole matrix.
    if (off <= total * 1e-34 || off === 0) return;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        // A pair already negligible next to both diagonal entries is set to 0 rather than rotated.
        if (sweep > 3 && Math.abs(app) + 100 * Math.abs(apq) === Math.abs(app) && Math.abs(aqq) + 100 * Math.abs(apq) === Math.abs(aqq)) {
          a[p * n + q] = a[q * n + p] = 0;
          continue;
        }
        if (apq === 0) continue;
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[p * n + q] = a[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue;
          const arp = a[r * n + p]!;
          const arq = a[r * n + q]!;
          a[r * n + p] = a[p * n + r] = c * arp - s * arq;
          a[r * n + q] = a[q * n + r] = s * arp + c * arq;
        }
        if (vectors) {
          for (let r = 0; r < n; r++) {
            const vrp = v[r * n + p]!;
            const vrq = v[r * n + q]!;
            v[r * n + p] = c * vrp - s * vrq;
            v[r * n + q] = s * vrp + c * vrq;
          }
        }
      }
    }
  }
  throw new Error(`${op}: Eigenvalues did not converge`);
}
