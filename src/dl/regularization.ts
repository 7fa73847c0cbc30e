// Regularization helpers: inverted dropout as the course writes it, and the gradient terms of
// the L2 and L1 penalties (their cost terms are in losses.ts).
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { weightKeys } from './losses';
import type { Grads, Params } from './types';

/**
 * A fresh dropout mask, drawn from np.random as the course does:
 * D = np.random.rand(*shape); D = (D < keep_prob).astype(int). Returns int 0/1.
 * @example np.random.seed(1); const D1 = dl.dropoutMask([2, 5], 0.7);
 */
export function dropoutMask(shape: readonly number[], keepProb: number): NDArray {
  if (!(keepProb > 0 && keepProb <= 1)) throw new RangeError(`keepProb must be in (0, 1], got ${keepProb}`);
  const D = np.random.rand(...(shape as number[]));
  // rand() with no dims returns a number; a 0-d mask is of no use, so shapes need one axis.
  if (typeof D === 'number') throw new Error('dropoutMask needs a shape with at least one axis');
  return np.less(D, keepProb).astype('int32');
}

/**
 * Inverted dropout: A = A * D, then A = A / keepProb (so the expected value of A is unchanged
 * and nothing needs scaling at test time).
 * @example const D1 = dl.dropoutMask(A1.shape, 0.8); A1 = dl.applyDropout(A1, D1, 0.8);
 */
export function applyDropout(A: NDArray, D: NDArray, keepProb: number): NDArray {
  return np.divide(np.multiply(A, D), keepProb);
}

/**
 * The backward pass of dropout: the same mask and scale on the gradient, dA = dA * D / keepProb.
 * @example dA1 = dl.dropoutBackward(dA1, D1, 0.8);
 */
export function dropoutBackward(dA: NDArray, D: NDArray, keepProb: number): NDArray {
  return np.divide(np.multiply(dA, D), keepProb);
}

/**
 * The L2 term of dW: (λ/m)·W (the course adds it: dW3 = 1/m dZ3·A2ᵀ + λ/m W3).
 * @example dW1 = np.add(dW1, dl.l2Grad(W1, 0.7, m));
 */
export function l2Grad(W: NDArray, lambda: number, m: number): NDArray {
  return np.multiply(lambda / m, W);
}

/**
 * The L1 term of dW: (λ/2m)·sign(W), the gradient of dl.l1Penalty.
 * @example dW1 = np.add(dW1, dl.l1Grad(W1, 0.1, m));
 */
export function l1Grad(W: NDArray, lambda: number, m: number): NDArray {
  return np.multiply((1 / m) * (lambda / 2), np.sign(W));
}

/**
 * Adds the L2 (or L1) term to every dW_l of `grads` in place (keys dW1 or W1), for the
 * weights of `params`; biases are not penalized.
 * @example dl.addPenaltyGrads(grads, params, 0.7, m);
 */
export function addPenaltyGrads(grads: Grads, params: Params, lambda: number, m: number, kind: 'l2' | 'l1' = 'l2'): Grads {
  if (lambda === 0) return grads;
  for (const k of weightKeys(params)) {
    const g = grads['d' + k] ?? grads[k];
    if (g === undefined) throw new Error(`addPenaltyGrads: no gradient for ${k} (expected d${k})`);
    const term = kind === 'l2' ? l2Grad(params[k]!, lambda, m) : l1Grad(params[k]!, lambda, m);
    np.add(g, term, { out: g });
  }
  return grads;
}
