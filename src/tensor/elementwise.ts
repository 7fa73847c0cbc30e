// The machinery every elementwise op shares: result dtypes, the `out` argument, and dispatch
// to the generated kernels — contiguous same-shape, array with a JS number, and strided
// broadcasting (dims collapsed first, so most broadcasts run as one 2-D kernel call). Nothing
// here records on the autograd tape; the public ops in binary.ts, unary.ts... do that.
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { allocateUninit, floatType, promote, promoteScalar } from './dtype';
import type { DType } from './dtype';
import { BinaryKernels, FLOAT, UnaryKernels, category, kernelKey } from './elementwise-kernels';
import { NDArray } from './ndarray';
import { broadcastShapes, formatShape, sameShape, sizeOf } from './shape';

/** The optional output array of elementwise ops: `np.add(a, b, { out: a })`. */
export interface OutOptions {
  /** Written in place and returned; its shape must be the broadcast shape. */
  out?: NDArray;
}

export interface BinaryOp {
  readonly kernels: BinaryKernels;
  /** 'same': the promoted dtype; 'float': true division's float dtype; 'bool': comparisons. */
  readonly result: 'same' | 'float' | 'bool';
  /** For 'same' ops on two bools: the result dtype, or the TypeError numpy raises. */
  readonly boolAs?: DType;
  readonly boolError?: string;
  /** Extra checks numpy makes (integer powers), run before computing. */
  readonly validate?: (a: NDArray, b: NDArray | number, dtype: DType) => void;
}

export interface UnaryOp {
  readonly kernels: UnaryKernels;
  readonly result: 'same' | 'float' | 'bool';
  readonly boolAs?: DType;
  readonly boolError?: string;
}

function resultDtype(op: BinaryOp | UnaryOp, promoted: DType): DType {
  if (op.result === 'bool') return 'bool';
  if (op.result === 'float') return floatType(promoted);
  if (promoted !== 'bool') return promoted;
  if (op.boolError !== undefined) throw new TypeError(op.boolError);
  return op.boolAs ?? 'bool';
}

/** Comparisons compute the same expression whatever the dtype: one kernel family serves all. */
function catOf(op: BinaryOp | UnaryOp, dtype: DType): number {
  return op.result === 'bool' ? FLOAT : category(dtype);
}

const KIND: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 2 };

/** numpy's checks on `out`: exact shape, and a dtype the result can be cast to ('same_kind'). */
export function checkOut(name: string, out: NDArray, shape: readonly number[], dtype: DType): NDArray {
  if (!sameShape(out.shape, shape)) {
    throw new Error(`non-broadcastable output operand with shape ${formatShape(out.shape)} doesn't match the broadcast shape ${formatShape(shape)}`);
  }
  if (KIND[out.dtype] < KIND[dtype]) {
    throw new TypeError(`Cannot cast ufunc '${name}' output from dtype('${dtype}') to dtype('${out.dtype}') with casting rule 'same_kind'`);
  }
  return out;
}

/** True when writing element k of `o` before reading element k of `x` could clobber x. */
function overlaps(o: NDArray, x: NDArray): boolean {
  if (o.data !== x.data) return false;
  if (o.offset !== x.offset || o.ndim !== x.ndim) return true;
  for (let i = 0; i < o.ndim; i++) if (o.strides[i] !== x.strides[i] && o.shape[i] !== 1) return true;
  return false;
}

// Results come from allocateUninit: every path below writes each element of the output.

/** Elementwise binary op with numpy broadcasting; JS numbers stay scalars (never wrapped). */
export function binaryRaw(op: BinaryOp, a: ArrayLike, b: ArrayLike, out?: NDArray): NDArray {
  if (a instanceof NDArray) {
    if (typeof b === 'number') return withScalar(op, a, b, b, false, out);
    if (b instanceof NDArray) return withArray(op, a, b, out);
    if (typeof b === 'boolean') return withScalar(op, a, b ? 1 : 0, b, false, out);
    return withArray(op, a, asArray(b), out);
  }
  if (b instanceof NDArray && (typeof a === 'number' || typeof a === 'boolean')) return withScalar(op, b, +a, a, true, out);
  return withArray(op, asArray(a), asArray(b), out);
}

function withScalar(op: BinaryOp, arr: NDArray, v: number, raw: number | boolean, left: boolean, out: NDArray | undefined): NDArray {
  const promoted = promoteScalar(arr.dtype, raw);
  const dtype = resultDtype(op, promoted);
  if (op.validate !== undefined) op.validate(left ? asArray(v) : arr, left ? arr : v, dtype);
  // numpy 2 casts a Python scalar to a float32 array's dtype before computing (NEP 50).
  if (promoted === 'float32') v = Math.fround(v);
  const o = out === undefined ? new NDArray(allocateUninit(dtype, arr.size), arr.shape) : checkOut(op.kernels.name, out, arr.shape, dtype);
  if (arr.contiguous && o.contiguous && (o.data !== arr.data || o.offset === arr.offset)) {
    const key = kernelKey(catOf(op, dtype), arr.dtype, arr.dtype, o.dtype);
    if (left) op.kernels.scalarL(key)(v, arr.data, arr.offset, o.data, o.offset, arr.size);
    else op.kernels.scalarR(key)(arr.data, arr.offset, v, o.data, o.offset, arr.size);
    return o;
  }
  // Off the fast path (a strided view): a 0-d array broadcasts like the scalar.
  const s = new NDArray(Float64Array.of(v), []);
  return left ? stridedBinary(op, s, arr, o, dtype) : stridedBinary(op, arr, s, o, dtype);
}

function withArray(op: BinaryOp, a: NDArray, b: NDArray, out: NDArray | undefined): NDArray {
  const dtype = resultDtype(op, promote(a.dtype, b.dtype));
  if (op.validate !== undefined) op.validate(a, b, dtype);
  const shape = sameShape(a.shape, b.shape) ? a.shape : broadcastShapes(a.shape, b.shape);
  const o = out === undefined ? new NDArray(allocateUninit(dtype, sizeOf(shape)), shape) : checkOut(op.kernels.name, out, shape, dtype);
  if (shape === a.shape && a.contiguous && b.contiguous && o.contiguous && !overlaps(o, a) && !overlaps(o, b)) {
    const key = kernelKey(catOf(op, dtype), a.dtype, b.dtype, o.dtype);
    op.kernels.same(key)(a.data, a.offset, b.data, b.offset, o.data, o.offset, o.size);
    return o;
  }
  return stridedBinary(op, a, b, o, dtype);
}

/** The stride of x along axis `axis` of an nd-dim broadcast: 0 where x is broadcast. */
function bstride(x: NDArray, axis: number, nd: number): number {
  const k = axis - (nd - x.ndim);
  return k < 0 || x.shape[k] === 1 ? 0 : x.strides[k]!;
}

function stridedBinary(op: BinaryOp, a: NDArray, b: NDArray, o: NDArray, dtype: DType): NDArray {
  if (o.size === 0) return o;
  if (overlaps(o, a) || overlaps(o, b)) {
    const tmp = stridedBinary(op, a, b, new NDArray(allocateUninit(o.dtype, o.size), o.shape), dtype);
    return copyInto(o, tmp);
  }
  const k = op.kernels.strided(kernelKey(catOf(op, dtype), a.dtype, b.dtype, o.dtype));
  const nd = o.ndim;
  if (nd <= 2) {
    const n = nd === 2 ? o.shape[0]! : 1;
    const m = nd >= 1 ? o.shape[nd - 1]! : 1;
    k(a.data, a.offset, bstride(a, nd - 2, nd), bstride(a, nd - 1, nd), b.data, b.offset, bstride(b, nd - 2, nd), bstride(b, nd - 1, nd), o.data, o.offset, bstride(o, nd - 2, nd), bstride(o, nd - 1, nd), n, m);
    return o;
  }
  const c = collapse(o.shape, [a, b, o]);
  const [sa, sb, so] = c.strides as [number[], number[], number[]];
  const L = c.shape.length;
  const n = c.shape[L - 2]!;
  const m = c.shape[L - 1]!;
  forBlocks(c, [a.offset, b.offset, o.offset], (p) => k(a.data, p[0]!, sa[L - 2]!, sa[L - 1]!, b.data, p[1]!, sb[L - 2]!, sb[L - 1]!, o.data, p[2]!, so[L - 2]!, so[L - 1]!, n, m));
  return o;
}

/** Elementwise unary op; `a` may be any view. */
export function unaryRaw(op: UnaryOp, a: NDArray, out?: NDArray): NDArray {
  const dtype = resultDtype(op, a.dtype);
  const o = out === undefined ? new NDArray(allocateUninit(dtype, a.size), a.shape) : checkOut(op.kernels.name, out, a.shape, dtype);
  const key = kernelKey(catOf(op, dtype), a.dtype, a.dtype, o.dtype);
  if (a.contiguous && o.contiguous && (o.data !== a.data || o.offset === a.offset)) {
    op.kernels.same(key)(a.data, a.offset, o.data, o.offset, a.size);
    return o;
  }
  return stridedUnary(op.kernels, key, a, o);
}

/** Runs a unary kernel from `a` into `o`, broadcasting `a` to o's shape. */
function stridedUnary(kernels: UnaryKernels, key: number, a: NDArray, o: NDArray): NDArray {
  if (o.size === 0) return o;
  if (overlaps(o, a)) return copyInto(o, stridedUnary(kernels, key, a, new NDArray(allocateUninit(o.dtype, o.size), o.shape)));
  const k = kernels.strided(key);
  const c = collapse(o.shape, [a, o]);
  const [sa, so] = c.strides as [number[], number[]];
  const L = c.shape.length;
  const n = c.shape[L - 2]!;
  const m = c.shape[L - 1]!;
  forBlocks(c, [a.offset, o.offset], (p) => k(a.data, p[0]!, sa[L - 2]!, sa[L - 1]!, o.data, p[1]!, so[L - 2]!, so[L - 1]!, n, m));
  return o;
}

const COPY = new UnaryKernels('copy', ['x', 'x', 'x']);

/** Writes `src` (broadcast to dst's shape) into `dst`, converting to dst's dtype. */
export function copyInto(dst: NDArray, src: NDArray): NDArray {
  const shape = broadcastShapes(src.shape, dst.shape);
  if (!sameShape(shape, dst.shape)) throw new Error(`could not broadcast input array from shape ${formatShape(src.shape)} into shape ${formatShape(dst.shape)}`);
  return stridedUnary(COPY, kernelKey(FLOAT, src.dtype, src.dtype, dst.dtype), src, dst);
}

/** A new contiguous array of `shape` holding x broadcast (numpy's broadcast_to, then copy). */
export function broadcastCopy(x: NDArray, shape: readonly number[], dtype: DType = x.dtype): NDArray {
  return copyInto(new NDArray(allocateUninit(dtype, sizeOf(shape)), shape), x);
}

/** Dims after dropping size-1 axes and merging axes that every operand walks contiguously. */
export interface Collapsed {
  /** At least two dims (padded with leading 1s), outermost first. */
  readonly shape: number[];
  /** Per operand, the stride along each collapsed dim (0 where broadcast). */
  readonly strides: number[][];
}

export function collapse(shape: readonly number[], xs: readonly NDArray[]): Collapsed {
  const nd = shape.length;
  const outShape: number[] = [];
  const strides: number[][] = xs.map(() => []);
  for (let d = nd - 1; d >= 0; d--) {
    const n = shape[d]!;
    if (n === 1) continue;
    const top = outShape.length - 1;
    let merge = top >= 0;
    for (let j = 0; merge && j < xs.length; j++) merge = bstride(xs[j]!, d, nd) === strides[j]![top]! * outShape[top]!;
    if (merge) outShape[top]! *= n;
    else {
      outShape.push(n);
      for (let j = 0; j < xs.length; j++) strides[j]!.push(bstride(xs[j]!, d, nd));
    }
  }
  while (outShape.length < 2) {
    outShape.push(1);
    for (const s of strides) s.push(0);
  }
  outShape.reverse();
  for (const s of strides) s.reverse();
  return { shape: outShape, strides };
}

/**
 * Calls `block(offsets)` once per 2-D block (the last two collapsed dims), with each operand's
 * start offset; an odometer walks the outer dims. The callback runs per block, not per element.
 */
export function forBlocks(c: Collapsed, starts: readonly number[], block: (offsets: readonly number[]) => void): void {
  const outer = c.shape.length - 2;
  const offs = starts.slice();
  if (outer === 0) {
    block(offs);
    return;
  }
  const idx = new Array<number>(outer).fill(0);
  for (;;) {
    block(offs);
    let d = outer - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      for (let j = 0; j < offs.length; j++) offs[j]! += c.strides[j]![d]!;
      if (idx[d]! < c.shape[d]!) break;
      for (let j = 0; j < offs.length; j++) offs[j]! -= idx[d]! * c.strides[j]![d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}
