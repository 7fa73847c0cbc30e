// The public face of the tape: np.grad.
import { add } from './binary';
import { full_like } from './creation';
import { NDArray } from './ndarray';
import { runGrad } from './tape';

export interface Grads<P> {
  /** The loss, as a number. */
  readonly value: number;
  /** Gradients shaped like the parameters, in the same form (array or object) they were given. */
  readonly grads: P;
}

/**
 * Reverse-mode gradients of a scalar loss. Only what runs inside `fn` is recorded, so plain
 * numpy-style code pays nothing. Parameters may be an array or an object of NDArrays.
 * @example
 * const { value, grads } = np.grad(() => np.sum(np.square(np.subtract(np.dot(W, X), Y)), { keepdims: true }), { W });
 * W = W.sub(grads.W.mul(0.1));
 */
export function grad<P extends readonly NDArray[] | Readonly<Record<string, NDArray>>>(fn: () => NDArray | number, params: P): Grads<P> {
  const list: NDArray[] = Array.isArray(params) ? [...(params as readonly NDArray[])] : Object.values(params as Record<string, NDArray>);
  for (const p of list) {
    if (!(p instanceof NDArray)) throw new TypeError('np.grad: every parameter must be an NDArray');
  }
  const { value, grads } = runGrad(
    () => {
      const v = fn();
      if (!(v instanceof NDArray)) {
        throw new TypeError('np.grad: the function must return the loss as an NDArray built from the parameters (it returned a plain number, which records nothing)');
      }
      return v;
    },
    list,
    (a, b) => add(a, b),
    (like, v) => full_like(like, v, 'float64'),
  );
  const loss = Number(value.item());
  if (Array.isArray(params)) return { value: loss, grads: grads as unknown as P };
  const keyed: Record<string, NDArray> = {};
  Object.keys(params).forEach((k, i) => (keyed[k] = grads[i]!));
  return { value: loss, grads: keyed as unknown as P };
}
