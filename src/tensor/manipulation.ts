// Shape manipulation. Transposes, squeezes, expand_dims and broadcasts change only the shape and
// strides (O(ndim), no copy); each records a backward rule that undoes its shape change on the
// gradient. Also home of the strided walk that copies or accumulates between two views, which
// indexing and the backward rules share.
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { allocate } from './dtype';
import type { TypedArray } from './dtype';
import { NDArray, contiguousCopy } from './ndarray';
import { formatShape, normalizeAxis, sizeOf } from './shape';
import type { Shape } from './shape';
import { record } from './tape';

/** A shape argument as numpy takes it: `3` or `[2, 3]`. */
export type ShapeLike = number | readonly number[];

/**
 * Checks a shape argument (numpy's wording) and returns it as an array.
 * @example toShape(3) // [3]
 */
export function toShape(shape: ShapeLike): number[] {
  const dims = typeof shape === 'number' ? [shape] : [...shape];
  for (const d of dims) {
    if (!Number.isInteger(d)) throw new TypeError(`expected a sequence of integers or a single integer, got '${d}'`);
    if (d < 0) throw new RangeError('negative dimensions are not allowed');
  }
  return dims;
}

/** How `walkStrided` combines a source element into a destination element. */
export type WalkMode = 0 | 1 | 2;
export const COPY: WalkMode = 0;
export const ADD: WalkMode = 1;
/** Copy into a bool array: any non-zero (or NaN) becomes 1, as numpy casts to bool. */
export const COPY_BOOL: WalkMode = 2;

/**
 * Visits `shape` in C order over two strided views at once (dst and src), applying `mode`.
 * Broadcasting is a zero stride on the side that repeats. The innermost axis is a tight loop; the
 * outer axes advance with an odometer, so nothing is allocated per element.
 * @example walkStrided(COPY, v.shape, out.data, v.offset, v.strides, src.data, src.offset, src.strides)
 */
export function walkStrided(
  mode: WalkMode,
  shape: Shape,
  dst: TypedArray,
  dstOffset: number,
  dstStrides: readonly number[],
  src: TypedArray,
  srcOffset: number,
  srcStrides: readonly number[],
): void {
  const nd = shape.length;
  if (sizeOf(shape) === 0) return;
  if (nd === 0) {
    if (mode === ADD) dst[dstOffset] += src[srcOffset]!;
    else dst[dstOffset] = mode === COPY_BOOL ? (src[srcOffset] !== 0 ? 1 : 0) : src[srcOffset]!;
    return;
  }
  const last = nd - 1;
  const n = shape[last]!;
  const ds = dstStrides[last]!;
  const ss = srcStrides[last]!;
  const idx = new Int32Array(nd);
  let dp = dstOffset;
  let sp = srcOffset;
  for (;;) {
    if (mode === COPY) for (let i = 0, p = dp, q = sp; i < n; i++, p += ds, q += ss) dst[p] = src[q]!;
    else if (mode === ADD) for (let i = 0, p = dp, q = sp; i < n; i++, p += ds, q += ss) dst[p] += src[q]!;
    else for (let i = 0, p = dp, q = sp; i < n; i++, p += ds, q += ss) dst[p] = src[q] !== 0 ? 1 : 0;
    let d = last - 1;
    while (d >= 0) {
      idx[d]!++;
      dp += dstStrides[d]!;
      sp += srcStrides[d]!;
      if (idx[d]! < shape[d]!) break;
      dp -= idx[d]! * dstStrides[d]!;
      sp -= idx[d]! * srcStrides[d]!;
      idx[d] = 0;
      d--;
    }
    if (d < 0) return;
  }
}

/**
 * Sums `g` down to `shape` (the inverse of broadcasting `shape` up to `g.shape`): the backward
 * rule of every broadcast. Returns `g` itself when nothing was broadcast.
 * @example sumToShape(g, [3]) // g of shape (2, 3) summed over axis 0
 */
export function sumToShape(g: NDArray, shape: Shape): NDArray {
  if (g.ndim === shape.length && g.shape.every((d, i) => d === shape[i])) return g;
  const out = allocate(g.dtype, sizeOf(shape));
  // Strides of `out` seen from g's axes: 0 along axes that were broadcast, so they accumulate.
  const outStrides = new Array<number>(g.ndim).fill(0);
  const lead = g.ndim - shape.length;
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] !== 1 || g.shape[lead + d] === 1) outStrides[lead + d] = s;
    s *= shape[d]!;
  }
  walkStrided(ADD, g.shape, out, 0, outStrides, g.data, g.offset, g.strides);
  return new NDArray(out, [...shape]);
}

/** A view of `x` with its axes permuted (no checks, no recording). */
function permuted(x: NDArray, perm: readonly number[]): NDArray {
  return new NDArray(
    x.data,
    perm.map((p) => x.shape[p]!),
    perm.map((p) => x.strides[p]!),
    x.offset,
  );
}

const transposeBackward = (g: NDArray, _inputs: readonly NDArray[], _out: NDArray, perm: unknown) => {
  const p = perm as number[];
  const inverse = new Array<number>(p.length);
  for (let i = 0; i < p.length; i++) inverse[p[i]!] = i;
  return [permuted(g, inverse)];
};

const reshapeBackward = (g: NDArray, inputs: readonly NDArray[]) => [g.reshape(inputs[0]!.shape)];

/**
 * Permutes the axes (reversed by default), as a view: `np.transpose(x, [1, 0, 2])`.
 * @example np.transpose(np.zeros([2, 3])).shape // [3, 2]
 */
export function transpose(a: ArrayLike, axes?: readonly number[] | null): NDArray {
  const x = asArray(a);
  let perm: number[];
  if (axes === undefined || axes === null) perm = x.shape.map((_, i) => x.ndim - 1 - i);
  else {
    if (axes.length !== x.ndim) throw new Error("axes don't match array");
    perm = axes.map((ax) => normalizeAxis(ax, x.ndim));
    if (new Set(perm).size !== perm.length) throw new Error('repeated axis in transpose');
  }
  const out = permuted(x, perm);
  record(out, [x], transposeBackward, perm);
  return out;
}

/**
 * Exchanges two axes, as a view.
 * @example np.swapaxes(np.zeros([2, 3, 4]), 0, 2).shape // [4, 3, 2]
 */
export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  const x = asArray(a);
  const i = normalizeAxis(axis1, x.ndim);
  const j = normalizeAxis(axis2, x.ndim);
  const perm = x.shape.map((_, k) => k);
  perm[i] = j;
  perm[j] = i;
  return transpose(x, perm);
}

function axisList(axes: number | readonly number[], ndim: number, name: string): number[] {
  const list = (typeof axes === 'number' ? [axes] : axes).map((ax) => normalizeAxis(ax, ndim));
  if (new Set(list).size !== list.length) throw new Error(`repeated axis in \`${name}\` argument`);
  return list;
}

/**
 * Moves axes to new positions, the others keeping their order (numpy's algorithm), as a view.
 * @example np.moveaxis(np.zeros([2, 3, 4]), 0, -1).shape // [3, 4, 2]
 */
export function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const x = asArray(a);
  const src = axisList(source, x.ndim, 'source');
  const dst = axisList(destination, x.ndim, 'destination');
  if (src.length !== dst.length) throw new Error('`source` and `destination` arguments must have the same number of elements');
  const order = x.shape.map((_, k) => k).filter((k) => !src.includes(k));
  const pairs = dst.map((d, k) => [d, src[k]!] as const).sort((p, q) => p[0] - q[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transpose(x, order);
}

/**
 * Removes axes of length one (all of them, or the given ones), as a view.
 * @example np.squeeze(np.zeros([1, 3, 1])).shape // [3]
 */
export function squeeze(a: ArrayLike, axis?: number | readonly number[] | null): NDArray {
  const x = asArray(a);
  let drop: number[];
  if (axis === undefined || axis === null) drop = x.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  else {
    drop = axisList(axis, x.ndim, 'axis');
    for (const d of drop) if (x.shape[d] !== 1) throw new Error(`cannot select an axis to squeeze out which has size not equal to one (axis ${d} of shape ${formatShape(x.shape)})`);
  }
  const shape: number[] = [];
  const strides: number[] = [];
  for (let d = 0; d < x.ndim; d++) {
    if (drop.includes(d)) continue;
    shape.push(x.shape[d]!);
    strides.push(x.strides[d]!);
  }
  const out = new NDArray(x.data, shape, strides, x.offset);
  record(out, [x], reshapeBackward);
  return out;
}

/**
 * Inserts axes of length one at the given positions of the result, as a view.
 * @example np.expand_dims(np.zeros(3), 0).shape // [1, 3]
 */
export function expand_dims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  const x = asArray(a);
  const list = typeof axis === 'number' ? [axis] : axis;
  const nd = x.ndim + list.length;
  const at = list.map((ax) => normalizeAxis(ax, nd));
  if (new Set(at).size !== at.length) throw new Error('repeated axis');
  const shape: number[] = [];
  const strides: number[] = [];
  for (let d = 0, k = 0; d < nd; d++) {
    if (at.includes(d)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(x.shape[k]!);
      strides.push(x.strides[k]!);
      k++;
    }
  }
  const out = new NDArray(x.data, shape, strides, x.offset);
  record(out, [x], reshapeBackward);
  return out;
}

/**
 * The elements as a 1-D array: a view when the array is contiguous, else a copy.
 * @example np.ravel(np.zeros([2, 3])).shape // [6]
 */
export function ravel(a: ArrayLike): NDArray {
  const x = asArray(a);
  return x.reshape([x.size]);
}

/**
 * The elements as a new 1-D array (always a copy, as numpy's `a.flatten()`).
 * @example np.flatten(np.eye(2)) // array([1., 0., 0., 1.])
 */
export function flatten(a: ArrayLike): NDArray {
  const x = asArray(a);
  const out = new NDArray(contiguousCopy(x), [x.size]);
  record(out, [x], reshapeBackward);
  return out;
}

/**
 * The broadcast view of `x` to `shape` (numpy's rules), without recording (for internal use).
 * @example broadcastView(row, [4, 3])
 */
export function broadcastView(x: NDArray, shape: Shape): NDArray {
  const lead = shape.length - x.ndim;
  if (lead < 0) {
    throw new Error(`input operand has more dimensions than allowed by the axis remapping: cannot broadcast shape ${formatShape(x.shape)} to ${formatShape(shape)}`);
  }
  const strides = new Array<number>(shape.length).fill(0);
  for (let d = 0; d < x.ndim; d++) {
    const n = x.shape[d]!;
    if (n === shape[lead + d]) strides[lead + d] = n === 1 ? 0 : x.strides[d]!;
    else if (n !== 1) {
      throw new Error(`operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(x.shape)}  and requested shape ${formatShape(shape)}`);
    }
  }
  return new NDArray(x.data, [...shape], strides, x.offset);
}

const broadcastBackward = (g: NDArray, inputs: readonly NDArray[]) => [sumToShape(g, inputs[0]!.shape)];

/**
 * A read-only-by-convention view of `a` repeated to `shape` (zero strides, no copy); writing
 * through it would change every repeat at once.
 * @example np.broadcast_to(np.array([1, 2, 3]), [2, 3]).tolist() // [[1, 2, 3], [1, 2, 3]]
 */
export function broadcast_to(a: ArrayLike, shape: ShapeLike): NDArray {
  const x = asArray(a);
  const out = broadcastView(x, toShape(shape));
  record(out, [x], broadcastBackward);
  return out;
}
