// Small numpy names that have no better home: constants, casts, function forms of methods.
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import type { NDArray } from './ndarray';

export const pi = Math.PI;
export const e = Math.E;
export const inf = Infinity;
export const nan = NaN;
/** `np.slice(x, ':', np.newaxis)` adds an axis, as numpy's `x[:, np.newaxis]`. */
export const newaxis = null;

/**
 * numpy's `np.reshape(a, shape)`: a view when `a` is contiguous.
 * @example np.reshape(np.arange(6), [2, 3])
 */
export function reshape(a: ArrayLike, shape: number | readonly number[]): NDArray {
  return asArray(a).reshape(typeof shape === 'number' ? [shape] : shape);
}

/** numpy's `np.shape(a)`. @example np.shape([[1, 2, 3]]) // [1, 3] */
export function shape(a: ArrayLike): number[] {
  return [...asArray(a).shape];
}

/** Casts to float64, as numpy's `np.float64(x)`. @example np.float64(np.greater(A, 0)) */
export function float64(a: ArrayLike): NDArray {
  return asArray(a).astype('float64');
}

/** Casts to float32. @example np.float32(W) */
export function float32(a: ArrayLike): NDArray {
  return asArray(a).astype('float32');
}

/** Casts to int32. @example np.int32(np.greater(A, 0)) */
export function int32(a: ArrayLike): NDArray {
  return asArray(a).astype('int32');
}

/**
 * The course's `np.int64(A > 0)`: an integer array (stored as int32 here, which holds every
 * value the lessons cast).
 * @example const dZ = np.multiply(dA, np.int64(np.greater(A, 0)));
 */
export function int64(a: ArrayLike): NDArray {
  return asArray(a).astype('int32');
}
