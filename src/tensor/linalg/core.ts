// Helpers shared by the linear-algebra ops: the dtype dispatch of the matrix-product kernels,
// views that record nothing on the tape (backward rules and internal reshapes must not add
// nodes), and the reduction of a broadcast gradient back to an operand's shape.
import { NDArray, contiguousCopy } from '../ndarray';
import { allocate, promote } from '../dtype';
import type { DType, TypedArray } from '../dtype';
import { formatShape } from '../shape';
import type { Shape } from '../shape';
import { isRecording } from '../tape';
import { gemmF64 } from './gemm-f64';
import { gemmF32 } from './gemm-f32';
import { gemmI32 } from './gemm-int';
import { gemmF32Wasm, gemmF64Wasm } from '../wasm/gemm';

/** The dtype a kernel computes in: bool products are summed as int32, then compared with 0. */
export function kernelType(d: DType): Exclude<DType, 'bool'> {
  return d === 'bool' ? 'int32' : d;
}

/** `a` in dtype `d`: itself when it already is, else a contiguous converted copy. */
export function cast(a: NDArray, d: DType): NDArray {
  return a.dtype === d ? a : a.astype(d);
}

/** The result dtype of a product of `a` and `b` and the dtype its kernel runs in. */
export function productTypes(a: DType, b: DType): [result: DType, kernel: Exclude<DType, 'bool'>] {
  const d = promote(a, b);
  return [d, kernelType(d)];
}

/**
 * Which products go to the WebAssembly SIMD kernels, whose staging copies must pay for
 * themselves. Measured (Node 20, x86-64, float64, JS vs SIMD): with 4 rows or more the SIMD
 * kernel wins from about 8×8×8 (0.27 vs 0.29 µs) and by 2-3× on the course's thin shapes such as
 * (10,300)×(300,2) or (5,10)×(10,300); with 2-3 rows from about 4096 multiply-adds; with a
 * single row or column every element copied is used once, so the JS kernel keeps those.
 * float32 keeps the 4096 bound throughout: its SIMD kernel sums in float32 and the JS one in
 * double, so moving the bound would change float32 results.
 */
function useSimd(M: number, N: number, K: number, f64: boolean): boolean {
  const work = M * N * K;
  return M > 1 && N > 1 && (f64 && M >= 4 ? work >= 512 : work >= 4096);
}

/**
 * C += A·B over strided views (see gemmF64), dispatched on the storage type and size. All three
 * arrays must share one of the kernel dtypes: the callers cast first. `overwrite`: C = A·B
 * instead, whatever C holds (a fresh allocateUninit result): the SIMD kernel then stores rather
 * than copying C in to add to it, and the others get C zeroed first.
 * @example gemm(n, m, k, A.data, A.offset, A.strides[0], A.strides[1], B.data, ..., C, 0, m, 1);
 */
export function gemm(
  M: number, N: number, K: number,
  A: TypedArray, ao: number, ars: number, acs: number,
  B: TypedArray, bo: number, brs: number, bcs: number,
  C: TypedArray, co: number, crs: number, ccs: number,
  overwrite = false,
): void {
  if (C instanceof Float64Array) {
    const a = A as Float64Array;
    const b = B as Float64Array;
    if (useSimd(M, N, K, true) && gemmF64Wasm(M, N, K, a, ao, ars, acs, b, bo, brs, bcs, C, co, crs, ccs, overwrite)) return;
    if (overwrite) zero(C, co, crs, ccs, M, N);
    gemmF64(M, N, K, a, ao, ars, acs, b, bo, brs, bcs, C, co, crs, ccs);
    return;
  }
  if (overwrite) zero(C, co, crs, ccs, M, N);
  if (C instanceof Float32Array) {
    const a = A as Float32Array;
    const b = B as Float32Array;
    if (!useSimd(M, N, K, false) || !gemmF32Wasm(M, N, K, a, ao, ars, acs, b, bo, brs, bcs, C, co, crs, ccs)) gemmF32(M, N, K, a, ao, ars, acs, b, bo, brs, bcs, C, co, crs, ccs);
  }
  else if (C instanceof Int32Array) gemmI32(M, N, K, A as Int32Array, ao, ars, acs, B as Int32Array, bo, brs, bcs, C, co, crs, ccs);
  else throw new TypeError('gemm: bool arrays are multiplied as int32');
}

/** Zeroes the M×N strided view of C at co. */
function zero(C: TypedArray, co: number, crs: number, ccs: number, M: number, N: number): void {
  if (ccs === 1 && (M === 1 || crs === N)) C.fill(0, co, co + M * N);
  else for (let i = 0; i < M; i++) for (let j = 0, p = co + i * crs; j < N; j++, p += ccs) C[p] = 0;
}

/** numpy's wording for a contraction over mismatched dimensions. */
export function notAligned(op: string, a: Shape, b: Shape, da: number, db: number): Error {
  return new Error(`${op}: shapes ${formatShape(a)} and ${formatShape(b)} not aligned: ${a[da]} (dim ${da}) != ${b[db]} (dim ${db})`);
}

/** The last two axes swapped, as a view that records nothing (for backward rules). */
export function swapLast(x: NDArray): NDArray {
  const n = x.ndim;
  const shape = [...x.shape];
  const strides = [...x.strides];
  [shape[n - 2], shape[n - 1]] = [shape[n - 1]!, shape[n - 2]!];
  [strides[n - 2], strides[n - 1]] = [strides[n - 1]!, strides[n - 2]!];
  return new NDArray(x.data, shape, strides, x.offset);
}

/** The same elements in a new shape, without recording: a view when contiguous, else a copy. */
export function reshaped(x: NDArray, shape: Shape): NDArray {
  return x.contiguous ? new NDArray(x.data, shape, undefined, x.offset) : new NDArray(contiguousCopy(x), shape);
}

/**
 * Sums a gradient over the axes that broadcasting added or stretched, so that it takes `shape`
 * (numpy's broadcasting run backwards). Returns `g` itself when nothing was broadcast.
 */
export function sumTo(g: NDArray, shape: Shape): NDArray {
  const nd = g.ndim;
  const lead = nd - shape.length;
  let same = lead === 0;
  for (let d = 0; same && d < shape.length; d++) if (shape[d] !== g.shape[d]) same = false;
  if (same) return g;
  const out = allocate(g.dtype, shapeSize(shape));
  // Output strides, with 0 on every axis being summed away.
  const ostr = new Array<number>(nd).fill(0);
  for (let d = shape.length - 1, s = 1; d >= 0; d--) {
    if (shape[d] !== 1 || g.shape[d + lead] === 1) ostr[d + lead] = s;
    s *= shape[d]!;
  }
  if (g.size === 0) return new NDArray(out, [...shape]);
  const idx = new Array<number>(nd).fill(0);
  const src = g.data;
  let p = g.offset;
  let o = 0;
  for (;;) {
    out[o] += src[p]!;
    let d = nd - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      p += g.strides[d]!;
      o += ostr[d]!;
      if (idx[d]! < g.shape[d]!) break;
      p -= idx[d]! * g.strides[d]!;
      o -= idx[d]! * ostr[d]!;
      idx[d] = 0;
    }
    if (d < 0) break;
  }
  return new NDArray(out, [...shape]);
}

function shapeSize(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * A gradient in the dtype of the input it is for, when that input is a float array: a float32
 * parameter used in a float64 product still gets a float32 gradient.
 */
export function gradFor(g: NDArray, input: NDArray): NDArray {
  return (input.dtype === 'float32' || input.dtype === 'float64') && g.dtype !== input.dtype ? g.astype(input.dtype) : g;
}

/**
 * What an op returns where numpy returns a scalar. For plain JS inputs a number; when an input
 * was an NDArray (the types cannot tell a vector from a matrix) or inside `np.grad` (the tape
 * must carry the gradient), a 0-d array, which converts to a number where JS needs one.
 */
export function scalarResult(x: NDArray, plainInputs = true): NDArray | number {
  return isRecording() || !plainInputs ? x : Number(x.data[x.offset]);
}
