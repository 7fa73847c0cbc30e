// Mini-batches exactly as the course's random_mini_batches makes them.
import { np } from '../tensor';
import type { NDArray } from '../tensor';

/** One mini-batch: [X_batch, Y_batch], a tuple as the course's list of tuples. */
export type MiniBatch = [X: NDArray, Y: NDArray];

/**
 * Shuffles the m columns of X (n_x, m) and Y (1, m) with one permutation, then cuts them into
 * floor(m / size) full batches of `size` columns and, when m is not a multiple of size, one
 * shorter last batch. As the course: np.random.seed(seed); permutation =
 * np.random.permutation(m); X[:, permutation]... Pass seed = null to draw from the current
 * np.random stream without reseeding. The batches are views of one shuffled copy.
 * @example
 * const batches = dl.randomMiniBatches(X, Y, 64, 0);
 * for (const [Xb, Yb] of batches) { ... }
 */
export function randomMiniBatches(X: NDArray, Y: NDArray, size = 64, seed: number | null = 0): MiniBatch[] {
  if (!(Number.isInteger(size) && size > 0)) throw new RangeError(`mini-batch size must be a positive integer, got ${size}`);
  const m = X.shape[1]!;
  if (Y.shape[Y.ndim - 1] !== m) throw new Error(`X has ${m} examples (columns) but Y has ${Y.shape[Y.ndim - 1]}`);
  if (seed !== null) np.random.seed(seed);
  const permutation = np.random.permutation(m);
  const shuffledX = np.take(X, permutation, 1);
  const shuffledY = np.take(Y.ndim === 1 ? Y.reshape(1, m) : Y, permutation, 1);
  const batches: MiniBatch[] = [];
  for (let start = 0; start < m; start += size) {
    const cols = `${start}:${Math.min(start + size, m)}`;
    batches.push([shuffledX.slice(':', cols), shuffledY.slice(':', cols)]);
  }
  return batches;
}
