// One-hot targets for softmax: class indices as one row, (1, m), become a (C, m) matrix with a
// single 1 per column, the course's convert_to_one_hot (np.eye(C)[Y.reshape(-1)].T).
import { NDArray, np } from '../../tensor';
import type { ArrayLike } from '../../tensor/convert';

/**
 * (C, m) float64 one-hot matrix of class indices Y, given as (1, m), (m,) or a plain list:
 * column i has its 1 in row Y[i]. Indices must be integers in [0, C).
 *
 * @example oneHot(np.array([[1, 0, 2]]), 3) // [[0, 1, 0], [1, 0, 0], [0, 0, 1]]
 */
export function oneHot(Y: ArrayLike, C: number): NDArray {
  if (!Number.isInteger(C) || C < 1) throw new RangeError(`C must be an integer >= 1, got ${C}`);
  const y = np.asarray(Y);
  if (y.ndim > 2 || (y.ndim === 2 && y.shape[0] !== 1)) throw new RangeError(`Y must be (1, m) or (m,), got shape (${y.shape.join(', ')})`);
  const labels = y.ndim === 0 ? [y.item() as number] : (np.ravel(y).tolist() as number[]);
  const m = labels.length;
  const out = new Float64Array(C * m);
  for (let i = 0; i < m; i++) {
    const c = Number(labels[i]);
    if (!Number.isInteger(c) || c < 0 || c >= C) throw new RangeError(`label ${labels[i]} at column ${i} is not a class index in [0, ${C})`);
    out[c * m + i] = 1;
  }
  return new NDArray(out, [C, m]);
}
