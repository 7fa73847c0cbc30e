// Test helper: the course's circles data, built as scikit-learn's make_circles builds it on the
// global np.random state (the data-set module of src/dl/data will replace this helper).
import { np } from '../tensor';
import type { NDArray } from '../tensor';

/**
 * make_circles(n, noise, factor) after the caller's np.random.seed, transposed as the course
 * does: X (2, n), Y (1, n) int (outer circle 0, inner 1).
 */
export function courseCircles(n: number, noise: number, factor = 0.8): { X: NDArray; Y: NDArray } {
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const linOut = np.linspace(0, 2 * Math.PI, nOut, { endpoint: false });
  const linIn = np.linspace(0, 2 * Math.PI, nIn, { endpoint: false });
  const xs = np.concatenate([np.cos(linOut), np.multiply(np.cos(linIn), factor)]);
  const ys = np.concatenate([np.sin(linOut), np.multiply(np.sin(linIn), factor)]);
  let X = np.stack([xs, ys], 1); // (n, 2): one point per row, outer circle first
  const labels = np.concatenate([np.zeros(nOut, 'int32'), np.ones(nIn, 'int32')]);
  // sklearn.utils.shuffle: indices = arange(n); random_state.shuffle(indices); X[indices]
  const idx = np.arange(n);
  np.random.shuffle(idx);
  X = np.take(X, idx, 0);
  const y = np.take(labels, idx);
  X = np.add(X, np.random.normal(0, noise, [n, 2]));
  return { X: np.array(X.T), Y: y.reshape(1, n) };
}

/** The course's training set: np.random.seed(1), 300 points, noise 0.05. */
export function trainCircles(): { X: NDArray; Y: NDArray } {
  np.random.seed(1);
  return courseCircles(300, 0.05);
}

/** The course's test set: np.random.seed(2), 100 points. */
export function testCircles(): { X: NDArray; Y: NDArray } {
  np.random.seed(2);
  return courseCircles(100, 0.05);
}
