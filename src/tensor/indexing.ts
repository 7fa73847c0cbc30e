// Indexing. TypeScript has no `a[:, 1:3]`, so `slice(a, ':', '1:3')` takes numpy's slice syntax
// as strings and returns a view (shape/strides/offset only, no copy). Boolean masks and `take`
// gather into new arrays; `put` is the setter (`a[mask] = 0`, `a[:, 0] = v`). Gradients of
// slices, masks and takes scatter back into zeros shaped like the input.
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { allocate } from './dtype';
import { NDArray, contiguousData } from './ndarray';
import { normalizeAxis, sizeOf, stridesOf } from './shape';
import type { Shape } from './shape';
import { record } from './tape';
import { COPY, walkStrided } from './manipulation';

/**
 * One index of `slice`: an integer (drops the axis; negative counts from the end), a string in
 * numpy's syntax (`':'`, `'1:3'`, `'::-1'`, `'...'`, also several at once: `':, 0'`), or `null`
 * for numpy's `np.newaxis`.
 */
export type IndexSpec = number | string | null;

/** A parsed index (internal to indexing and assign). */
export type Item =
  | { readonly kind: 'int'; readonly index: number }
  | { readonly kind: 'slice'; readonly start: number | null; readonly stop: number | null; readonly step: number | null }
  | { readonly kind: 'newaxis' }
  | { readonly kind: 'ellipsis' };

const INVALID_INDEX = 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices';
const INTEGER = /^[+-]?\d+$/;

function parseBound(text: string, spec: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!INTEGER.test(t)) throw new TypeError(`invalid slice '${spec}': '${t}' is not an integer`);
  return Number(t);
}

function parseToken(token: string, spec: string): Item {
  const t = token.trim();
  if (t === '...') return { kind: 'ellipsis' };
  if (t === 'None' || t === 'np.newaxis' || t === 'newaxis') return { kind: 'newaxis' };
  if (INTEGER.test(t)) return { kind: 'int', index: Number(t) };
  const parts = t.split(':');
  if (parts.length < 2 || parts.length > 3) throw new TypeError(`invalid index '${spec}': ${INVALID_INDEX}`);
  const step = parts.length === 3 ? parseBound(parts[2]!, spec) : null;
  if (step === 0) throw new RangeError('slice step cannot be zero');
  return { kind: 'slice', start: parseBound(parts[0]!, spec), stop: parseBound(parts[1]!, spec), step };
}

/**
 * Parses `slice`-style index specs (internal: shared with assign.ts).
 * @example parseSpecs([':', 0]) // [{ kind: 'slice', ... }, { kind: 'int', index: 0 }]
 */
export function parseSpecs(specs: readonly IndexSpec[]): Item[] {
  const items: Item[] = [];
  for (const spec of specs) {
    if (spec === null) items.push({ kind: 'newaxis' });
    else if (typeof spec === 'number') {
      if (!Number.isInteger(spec)) throw new TypeError(`${INVALID_INDEX} (got ${spec})`);
      items.push({ kind: 'int', index: spec });
    } else if (typeof spec === 'string') {
      for (const token of spec.split(',')) items.push(parseToken(token, spec));
    } else throw new TypeError(`${INVALID_INDEX} (got ${typeof spec})`);
  }
  return items;
}

export interface View {
  shape: number[];
  strides: number[];
  offset: number;
}

/**
 * Applies parsed indices to a (shape, strides, offset) triple. Run on the input's own layout for
 * the forward view and on a fresh C-contiguous layout for the gradient scatter, so the same plan
 * serves both even when the input is itself a strided view.
 * @example applyIndex(x.shape, x.strides, x.offset, parseSpecs(['::-1']))
 */
export function applyIndex(shape: Shape, strides: readonly number[], offset: number, items: readonly Item[]): View {
  let consumed = 0;
  let ellipses = 0;
  for (const it of items) {
    if (it.kind === 'int' || it.kind === 'slice') consumed++;
    else if (it.kind === 'ellipsis') ellipses++;
  }
  if (ellipses > 1) throw new Error("an index can only have a single ellipsis ('...')");
  if (consumed > shape.length) {
    throw new RangeError(`too many indices for array: array is ${shape.length}-dimensional, but ${consumed} were indexed`);
  }
  const out: View = { shape: [], strides: [], offset };
  let axis = 0;
  const full = (): void => {
    out.shape.push(shape[axis]!);
    out.strides.push(strides[axis]!);
    axis++;
  };
  for (const it of items) {
    if (it.kind === 'newaxis') {
      out.shape.push(1);
      out.strides.push(0);
    } else if (it.kind === 'ellipsis') {
      for (let k = shape.length - consumed; k > 0; k--) full();
    } else if (it.kind === 'int') {
      const n = shape[axis]!;
      const i = it.index < 0 ? it.index + n : it.index;
      if (i < 0 || i >= n) throw new RangeError(`index ${it.index} is out of bounds for axis ${axis} with size ${n}`);
      out.offset += i * strides[axis]!;
      axis++;
    } else {
      const [start, length, step] = adjustSlice(it.start, it.stop, it.step, shape[axis]!);
      out.shape.push(length);
      out.strides.push(step * strides[axis]!);
      if (length > 0) out.offset += start * strides[axis]!;
      axis++;
    }
  }
  while (axis < shape.length) full();
  return out;
}

/** Python's slice.indices plus length: clamps start/stop to the axis as CPython does. */
function adjustSlice(start0: number | null, stop0: number | null, step0: number | null, n: number): [number, number, number] {
  const step = step0 ?? 1;
  const neg = step < 0;
  const clamp = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (v < 0) {
      v += n;
      return v < 0 ? (neg ? -1 : 0) : v;
    }
    return v >= n ? (neg ? n - 1 : n) : v;
  };
  const start = clamp(start0, neg ? n - 1 : 0);
  const stop = clamp(stop0, neg ? -1 : n);
  let length = 0;
  if (neg) {
    if (stop < start) length = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) length = Math.floor((stop - start - 1) / step) + 1;
  return [start, length, step];
}

const sliceBackward = (g: NDArray, inputs: readonly NDArray[], _out: NDArray, saved: unknown) => {
  const shape = inputs[0]!.shape;
  const gx = allocate(g.dtype, sizeOf(shape));
  const v = applyIndex(shape, stridesOf(shape), 0, saved as Item[]);
  walkStrided(COPY, v.shape, gx, v.offset, v.strides, g.data, g.offset, g.strides);
  return [new NDArray(gx, [...shape])];
};

/**
 * numpy's basic indexing `a[...]`, as a view sharing `a`'s buffer (writes show through).
 * Missing trailing indices mean `':'`; integer indices drop their axis, so indexing every axis
 * gives a 0-d array (use `.item()` for the number).
 * @example np.slice(X, ':', '0:64') // X[:, 0:64]
 * @example np.slice(x, '::-1')      // x[::-1], reversed (negative stride, still a view)
 * @example np.slice(x, null, '...') // x[np.newaxis, ...]
 */
export function slice(a: ArrayLike, ...specs: IndexSpec[]): NDArray {
  const x = asArray(a);
  const items = parseSpecs(specs);
  const v = applyIndex(x.shape, x.strides, x.offset, items);
  const out = new NDArray(x.data, v.shape, v.strides, v.offset);
  record(out, [x], sliceBackward, items);
  return out;
}

/**
 * Checks a boolean index against the leading axes of `shape` (numpy's IndexError wording).
 * @example checkMask([3, 4], m) // throws unless m is bool of shape (3,) or (3, 4)
 */
export function checkMask(shape: Shape, m: NDArray): void {
  if (m.dtype !== 'bool') {
    throw new TypeError(`a mask must be a bool array, got ${m.dtype}; use np.take(a, indices) for integer indices`);
  }
  if (m.ndim > shape.length) throw new RangeError(`too many indices for array: array is ${shape.length}-dimensional, but ${m.ndim} were indexed`);
  for (let d = 0; d < m.ndim; d++) {
    if (m.shape[d] !== shape[d]) {
      throw new RangeError(`boolean index did not match indexed array along axis ${d}; size of axis is ${shape[d]} but size of corresponding boolean axis is ${m.shape[d]}`);
    }
  }
}

/** Flat (C-order) positions of the true entries of a mask. */
function truePositions(m: NDArray): Int32Array {
  const md = contiguousData(m);
  let count = 0;
  for (let i = 0; i < md.length; i++) if (md[i] !== 0) count++;
  const pos = new Int32Array(count);
  for (let i = 0, k = 0; i < md.length; i++) if (md[i] !== 0) pos[k++] = i;
  return pos;
}

interface Gather {
  /** Flat positions in the leading (mask) axes, or normalized indices for take. */
  readonly pos: Int32Array;
  readonly inner: number;
}

const maskBackward = (g: NDArray, inputs: readonly NDArray[], _out: NDArray, saved: unknown) => {
  const { pos, inner } = saved as Gather;
  const x = inputs[0]!;
  const gx = allocate(g.dtype, x.size);
  const gd = contiguousData(g);
  for (let k = 0; k < pos.length; k++) {
    const dst = pos[k]! * inner;
    const src = k * inner;
    for (let j = 0; j < inner; j++) gx[dst + j] = gd[src + j]!;
  }
  return [new NDArray(gx, [...x.shape]), null];
};

/**
 * numpy's `a[mask]`: the elements (or sub-arrays) where the bool mask is true, as a new array.
 * The mask has the full shape of `a` (result is 1-D) or its leading axes (result keeps the rest).
 * @example np.mask(x, np.greater(x, 0)) // x[x > 0]
 * @example np.mask(X, [true, false, true]) // rows 0 and 2 of X
 */
export function mask(a: ArrayLike, where: ArrayLike): NDArray {
  const x = asArray(a);
  const m = asArray(where);
  checkMask(x.shape, m);
  const pos = truePositions(m);
  const rest = x.shape.slice(m.ndim);
  const inner = sizeOf(rest);
  const src = contiguousData(x);
  const out = allocate(x.dtype, pos.length * inner);
  if (inner === 1) for (let k = 0; k < pos.length; k++) out[k] = src[pos[k]!]!;
  else {
    for (let k = 0; k < pos.length; k++) {
      const s = pos[k]! * inner;
      const d = k * inner;
      for (let j = 0; j < inner; j++) out[d + j] = src[s + j]!;
    }
  }
  const result = new NDArray(out, [pos.length, ...rest]);
  record(result, [x, m], maskBackward, { pos, inner } satisfies Gather);
  return result;
}

interface TakePlan extends Gather {
  readonly outer: number;
  readonly n: number;
}

/**
 * Integer indices as an Int32Array, negatives wrapped, each checked against an axis of size n.
 * @example normalizeIndices(asArray([0, -1]), 3, 0) // Int32Array [0, 2]
 */
export function normalizeIndices(ind: NDArray, n: number, axis: number): Int32Array {
  if (ind.dtype === 'bool') throw new TypeError('take needs integer indices, got a bool array; use np.mask(a, m) for boolean masks');
  if (ind.dtype !== 'int32') throw new TypeError(`arrays used as indices must be of integer type, got ${ind.dtype}`);
  const raw = contiguousData(ind);
  const out = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i]!;
    const w = v < 0 ? v + n : v;
    if (w < 0 || w >= n) throw new RangeError(`index ${v} is out of bounds for axis ${axis} with size ${n}`);
    out[i] = w;
  }
  return out;
}

const takeBackward = (g: NDArray, inputs: readonly NDArray[], _out: NDArray, saved: unknown) => {
  const { pos, inner, outer, n } = saved as TakePlan;
  const x = inputs[0]!;
  const gx = allocate(g.dtype, x.size);
  const gd = contiguousData(g);
  const m = pos.length;
  // Scatter-add: an index that appears twice receives both gradients.
  for (let o = 0, q = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const base = (o * n + pos[j]!) * inner;
      for (let i = 0; i < inner; i++) gx[base + i] += gd[q++]!;
    }
  }
  return [new NDArray(gx, [...x.shape]), null];
};

/**
 * numpy's `np.take`: elements at integer indices along `axis` (of the flattened array when
 * `axis` is omitted or null), as a new array of shape `a.shape[:axis] + indices.shape +
 * a.shape[axis+1:]`. Negative indices count from the end.
 * @example np.take(np.array([10, 20, 30]), [2, 0]) // array([30, 10])
 * @example np.take(X, [0, 2], 1)                  // columns 0 and 2
 */
export function take(a: ArrayLike, indices: ArrayLike, axis?: number | null): NDArray {
  const x = asArray(a);
  const ind = asArray(indices);
  const flat = axis === undefined || axis === null;
  const ax = flat ? 0 : normalizeAxis(axis, x.ndim);
  const n = flat ? x.size : x.shape[ax]!;
  const outer = flat ? 1 : sizeOf(x.shape.slice(0, ax));
  const inner = flat ? 1 : sizeOf(x.shape.slice(ax + 1));
  const pos = normalizeIndices(ind, n, ax);
  const m = pos.length;
  const src = contiguousData(x);
  const out = allocate(x.dtype, outer * m * inner);
  for (let o = 0, q = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const base = (o * n + pos[j]!) * inner;
      for (let i = 0; i < inner; i++) out[q++] = src[base + i]!;
    }
  }
  const shape = flat ? [...ind.shape] : [...x.shape.slice(0, ax), ...ind.shape, ...x.shape.slice(ax + 1)];
  const result = new NDArray(out, shape);
  record(result, [x, ind], takeBackward, { pos, inner, outer, n } satisfies TakePlan);
  return result;
}
