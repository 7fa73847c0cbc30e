// Costs, in the course's arithmetic. Each returns a plain number; inside np.grad it returns a
// 0-d NDArray instead (as np.sum does), so the value stays on the tape and can be
// differentiated — the types say number in both cases, like np.sum's.
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { logSoftmax } from './activations';
import type { Params } from './types';

export interface LossOptions {
  /** 'mean' (default) divides by the number of examples m; 'sum' does not (opt_utils' compute_cost). */
  reduction?: 'mean' | 'sum';
}

/** factor * s, keeping s on the tape when it is a 0-d array (inside np.grad). */
function scaled(factor: number, s: number | NDArray): number {
  // A 0-d NDArray only reaches here inside np.grad, where the caller wants it back.
  return (typeof s === 'number' ? factor * s : np.multiply(factor, s)) as unknown as number;
}

/**
 * a + b where either may be a tape value (0-d array) inside np.grad, as the costs above return.
 * @example const J = plus(dl.binaryCrossEntropy(A, Y), dl.l2Penalty(params, 0.7, m));
 */
export function plus(a: number, b: number): number {
  return (typeof a === 'number' && typeof b === 'number' ? a + b : np.add(a, b)) as unknown as number;
}

/** Examples are columns: m is the size of the last axis. */
const examples = (Y: NDArray) => (Y.ndim === 0 ? 1 : Y.shape[Y.ndim - 1]!);

/**
 * The course's cross-entropy cost of sigmoid outputs A against labels Y (both (1, m)):
 * logprobs = -log(A)·Y + -log(1 - A)·(1 - Y); cost = (1/m) · nansum(logprobs).
 * nansum skips the nan of 0 · log(0) (a saturated unit on the right side) while an inf from a
 * saturated unit on the wrong side stays inf: the course's randn·10 start has cost inf.
 * @example dl.binaryCrossEntropy(np.array([[0.8, 0.1]]), np.array([[1, 0]])) // 0.164252033486018
 */
export function binaryCrossEntropy(A: NDArray, Y: NDArray, { reduction = 'mean' }: LossOptions = {}): number {
  const logprobs = np.add(np.multiply(np.negative(np.log(A)), Y), np.multiply(np.negative(np.log(np.subtract(1, A))), np.subtract(1, Y)));
  const s = np.nansum(logprobs);
  return reduction === 'sum' ? s : scaled(1 / examples(Y), s);
}

export interface CategoricalOptions extends LossOptions {
  /** Whether the first argument holds scores Z (default) or probabilities A = softmax(Z). */
  fromLogits?: boolean;
  /** The class axis (0: classes are rows, examples columns). */
  axis?: number;
}

/**
 * Softmax cross-entropy -(1/m) Σ Y·log ŷ with Y one-hot (C, m). From scores (the default) it
 * uses log-softmax, which never takes log(0); from probabilities, 0·log(0) counts as 0.
 * @example dl.categoricalCrossEntropy(np.array([[2], [0]]), np.array([[1], [0]])) // 0.1269280110429726
 */
export function categoricalCrossEntropy(Z: NDArray, Y: NDArray, { fromLogits = true, axis = 0, reduction = 'mean' }: CategoricalOptions = {}): number {
  const logp = fromLogits ? logSoftmax(Z, axis) : np.log(Z);
  const s = np.nansum(np.multiply(Y, logp));
  return scaled(reduction === 'sum' ? -1 : -1 / examples(Y), s);
}

/**
 * The weight matrices of a parameter dictionary (W1, W2, ...), in order; biases and
 * batch-norm scales are not penalized.
 * @example weightKeys({ W1, b1, W2, b2 }) // ['W1', 'W2']
 */
export function weightKeys(params: Params): string[] {
  return Object.keys(params).filter((k) => /^W\d+$/.test(k));
}

/**
 * The L2 cost term (1/m)·(λ/2)·Σ_l ||W_l||² (the course's order of operations).
 * @example const cost = dl.binaryCrossEntropy(A3, Y) + dl.l2Penalty(params, 0.7, m);
 */
export function l2Penalty(params: Params, lambda: number, m: number): number {
  let total: number | NDArray = 0;
  for (const k of weightKeys(params)) total = plus(total as number, np.sum(np.square(params[k]!)));
  return scaled((1 / m) * (lambda / 2), total);
}

/**
 * The L1 cost term (1/m)·(λ/2)·Σ_l Σ|W_l| (the lecture's λ/2m scaling); its gradient is
 * (λ/2m)·sign(W): see dl.l1Grad.
 * @example const cost = dl.binaryCrossEntropy(A3, Y) + dl.l1Penalty(params, 0.1, m);
 */
export function l1Penalty(params: Params, lambda: number, m: number): number {
  let total: number | NDArray = 0;
  for (const k of weightKeys(params)) total = plus(total as number, np.sum(np.abs(params[k]!)));
  return scaled((1 / m) * (lambda / 2), total);
}
