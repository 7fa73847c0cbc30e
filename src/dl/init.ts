// Weight initialization, drawn from the global np.random stream in the course's order (W1, then
// W2, ...; the biases are zeros and draw nothing), so that the same seed gives the same weights
// as the course's numpy code.
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import type { Params } from './types';

/** How weights are drawn: the course's four choices. */
export type InitMethod = 'zeros' | 'random' | 'he' | 'xavier';

export interface InitOptions {
  /** Factor of 'random' (default 10: the course's "large random" weights). */
  scale?: number;
  /** Calls np.random.seed(seed) first (the course uses 3); without it the current stream is used. */
  seed?: number;
}

/**
 * One weight matrix of shape (n, nPrev), drawn as the course does:
 * zeros; randn * scale; He randn * sqrt(2 / nPrev); Xavier randn / sqrt(nPrev)
 * (the course's reg_utils divides, which is the same scale as * sqrt(1 / nPrev) up to rounding;
 * dividing keeps its numbers bit for bit).
 * @example np.random.seed(3); const W1 = initWeight(4, 2, 'he'); // W1[0] = [1.78862847, 0.43650985]
 */
export function initWeight(n: number, nPrev: number, method: InitMethod, scale = 10): NDArray {
  switch (method) {
    case 'zeros':
      return np.zeros([n, nPrev]);
    case 'random':
      return np.multiply(np.random.randn(n, nPrev), scale);
    case 'he':
      return np.multiply(np.random.randn(n, nPrev), Math.sqrt(2 / nPrev));
    case 'xavier':
      return np.divide(np.random.randn(n, nPrev), Math.sqrt(nPrev));
    default:
      throw new Error(`unknown initialization '${String(method)}': use 'zeros', 'random', 'he' or 'xavier'`);
  }
}

/**
 * The course's initialize_parameters: for l = 1..L, W_l = randn(n_l, n_{l-1}) * factor and
 * b_l = zeros(n_l, 1), where `layers` = [n_x, n_1, ..., n_L].
 * @example
 * const params = dl.initializeParameters([2, 4, 1], 'he', { seed: 3 });
 * params.W1.get(0, 0); // 1.7886284734303186
 */
export function initializeParameters(layers: readonly number[], method: InitMethod, { scale = 10, seed }: InitOptions = {}): Params {
  if (layers.length < 2) throw new Error('initializeParameters needs at least [n_x, n_1]');
  if (seed !== undefined) np.random.seed(seed);
  const params: Params = {};
  for (let l = 1; l < layers.length; l++) {
    params['W' + l] = initWeight(layers[l]!, layers[l - 1]!, method, scale);
    params['b' + l] = np.zeros([layers[l]!, 1]);
  }
  return params;
}
