// Joining arrays: concatenate copies each input's rows into place; stack, vstack and hstack are
// views (expand_dims) followed by one concatenate, so a single backward rule (split the
// gradient along the axis, as views) serves them all.
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { allocate, promote } from './dtype';
import { NDArray, contiguousData } from './ndarray';
import { formatShape, normalizeAxis, sameShape, sizeOf } from './shape';
import { record } from './tape';
import { expand_dims, ravel } from './manipulation';

interface Split {
  readonly axis: number;
  readonly starts: readonly number[];
}

const concatenateBackward = (g: NDArray, inputs: readonly NDArray[], _out: NDArray, saved: unknown) => {
  const { axis, starts } = saved as Split;
  const stride = g.strides[axis]!;
  return inputs.map((x, i) => new NDArray(g.data, [...x.shape], g.strides, g.offset + starts[i]! * stride));
};

/** Below this many elements per row, a plain loop beats `set(subarray(...))`, which allocates. */
const SET_MIN = 128;

/**
 * Joins arrays along an existing axis (the flattened arrays when `axis` is null); dtypes promote
 * as in numpy (`int32` with `float64` gives `float64`).
 * @example np.concatenate([np.zeros([2, 3]), np.ones([1, 3])]).shape // [3, 3]
 * @example np.concatenate([a, b], 1)                               // side by side
 */
export function concatenate(arrays: readonly ArrayLike[], axis: number | null = 0): NDArray {
  if (arrays.length === 0) throw new Error('need at least one array to concatenate');
  let xs = arrays.map((a) => asArray(a));
  if (axis === null) {
    xs = xs.map((x) => ravel(x));
    axis = 0;
  }
  const first = xs[0]!;
  if (first.ndim === 0) throw new Error('zero-dimensional arrays cannot be concatenated');
  const nd = first.ndim;
  const ax = normalizeAxis(axis, nd);
  let dtype = first.dtype;
  let total = 0;
  const starts: number[] = [];
  xs.forEach((x, i) => {
    if (x.ndim !== nd) {
      throw new Error(`all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${x.ndim} dimension(s)`);
    }
    for (let d = 0; d < nd; d++) {
      if (d !== ax && x.shape[d] !== first.shape[d]) {
        throw new Error(`all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${first.shape[d]} and the array at index ${i} has size ${x.shape[d]}`);
      }
    }
    dtype = promote(dtype, x.dtype);
    starts.push(total);
    total += x.shape[ax]!;
  });
  const shape = [...first.shape];
  shape[ax] = total;
  const outer = sizeOf(first.shape.slice(0, ax));
  const inner = sizeOf(first.shape.slice(ax + 1));
  const out = allocate(dtype, sizeOf(shape));
  const outRow = total * inner;
  xs.forEach((x, i) => {
    // Each input contributes one contiguous run of `row` elements per outer index.
    const src = contiguousData(x);
    const row = x.shape[ax]! * inner;
    const at = starts[i]! * inner;
    const sameType = x.dtype === dtype;
    for (let o = 0; o < outer; o++) {
      const s = o * row;
      const d = o * outRow + at;
      if (sameType && row >= SET_MIN) out.set(src.subarray(s, s + row), d);
      else for (let j = 0; j < row; j++) out[d + j] = src[s + j]!;
    }
  });
  const result = new NDArray(out, shape);
  record(result, xs, concatenateBackward, { axis: ax, starts } satisfies Split);
  return result;
}

/**
 * Joins same-shaped arrays along a new axis.
 * @example np.stack([np.zeros(3), np.ones(3)]).shape     // [2, 3]
 * @example np.stack([np.zeros(3), np.ones(3)], 1).shape  // [3, 2]
 */
export function stack(arrays: readonly ArrayLike[], axis = 0): NDArray {
  if (arrays.length === 0) throw new Error('need at least one array to stack');
  const xs = arrays.map((a) => asArray(a));
  const shape = xs[0]!.shape;
  xs.forEach((x, i) => {
    if (!sameShape(x.shape, shape)) {
      throw new Error(`all input arrays must have the same shape, but the array at index 0 has shape ${formatShape(shape)} and the array at index ${i} has shape ${formatShape(x.shape)}`);
    }
  });
  const ax = normalizeAxis(axis, shape.length + 1);
  return concatenate(xs.map((x) => expand_dims(x, ax)), ax);
}

/**
 * Stacks rows: 1-D arrays of length N become rows of shape (1, N) first, as numpy's vstack.
 * @example np.vstack([np.array([1, 2]), np.array([3, 4])]) // array([[1, 2], [3, 4]])
 */
export function vstack(arrays: readonly ArrayLike[]): NDArray {
  const xs = arrays.map((a) => {
    const x = asArray(a);
    return x.ndim === 0 ? expand_dims(x, [0, 1]) : x.ndim === 1 ? expand_dims(x, 0) : x;
  });
  return concatenate(xs, 0);
}

/**
 * Stacks horizontally: 1-D arrays are joined end to end, others along axis 1 (numpy's hstack).
 * @example np.hstack([np.array([1, 2]), np.array([3])]) // array([1, 2, 3])
 */
export function hstack(arrays: readonly ArrayLike[]): NDArray {
  const xs = arrays.map((a) => {
    const x = asArray(a);
    return x.ndim === 0 ? expand_dims(x, 0) : x;
  });
  if (xs.length === 0) throw new Error('need at least one array to concatenate');
  return concatenate(xs, xs[0]!.ndim === 1 ? 0 : 1);
}
