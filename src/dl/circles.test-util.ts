// Test helper: the course's circles sets, drawn as the course draws them (seed, then make_circles).
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { makeCircles } from './data';

/** The course's training set: np.random.seed(1), 300 points, noise 0.05. */
export function trainCircles(): { X: NDArray; Y: NDArray } {
  np.random.seed(1);
  return makeCircles(300, { noise: 0.05 });
}

/** The course's test set: np.random.seed(2), 100 points. */
export function testCircles(): { X: NDArray; Y: NDArray } {
  np.random.seed(2);
  return makeCircles(100, { noise: 0.05 });
}
