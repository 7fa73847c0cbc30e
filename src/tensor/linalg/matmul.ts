// numpy's matmul: 2-D products, 1-D operands promoted to a row or column and the added axis
// dropped again, stacks of matrices with their leading (batch) axes broadcast. Operands are read
// through their strides, so a transposed view such as `W.T` costs no copy: the kernel walks it
// as it lies in memory. Per call, the 2-D case allocates only the result.
//
// Precision: float64 is summed in float64. int32 (and bool) products are exact in wrapping int32,
// as numpy's. float32: products of 4096 multiply-adds and more run on the WebAssembly SIMD kernel,
// which sums in float32 as numpy's BLAS does; smaller ones, single rows or columns, and all
// products where SIMD is missing run on the JS kernel, which sums in double and rounds to float32
// once per block of 256 k-steps.
import { NDArray } from '../ndarray';
import { allocateUninit, sharesMemory } from '../dtype';
import type { DType, TypedArray } from '../dtype';
import { asArray } from '../convert';
import type { ArrayLike } from '../convert';
import { formatShape, sameShape } from '../shape';
import { record } from '../tape';
import { cast, gemm, gradFor, kernelType, notAligned, productTypes, reshaped, scalarResult, sumTo, swapLast } from './core';

export interface MatmulOptions {
  /** Where to write the result (numpy's `out=`): it must have the result's shape. */
  readonly out?: NDArray;
}

/**
 * The matrix product, as numpy's `a @ b` / `np.matmul(a, b)`. Two vectors give their inner
 * product: a plain number for plain JS arrays, a 0-d NDArray (usable as a number) when an
 * operand is an NDArray, so that the result type is known from the argument types.
 * @example
 * const Z = matmul(W, X);        // (5,10)×(10,300) → (5,300)
 * const dW = matmul(dZ, A.T);    // the transpose is read in place, not copied
 * matmul([1, 2], [3, 4]);        // 11
 */
export function matmul(a: NDArray, b: ArrayLike, options?: MatmulOptions): NDArray;
export function matmul(a: ArrayLike, b: NDArray, options?: MatmulOptions): NDArray;
export function matmul(a: ArrayLike, b: ArrayLike, options?: MatmulOptions): NDArray | number;
export function matmul(a: ArrayLike, b: ArrayLike, options?: MatmulOptions): NDArray | number {
  const A = asArray(a);
  const B = asArray(b);
  const out = matmulArray(A, B, options?.out, 'matmul');
  const plain = !(a instanceof NDArray) && !(b instanceof NDArray);
  return A.ndim === 1 && B.ndim === 1 && options?.out === undefined ? scalarResult(out, plain) : out;
}

/**
 * matmul that always returns an NDArray (0-d for two vectors): what library code and backward
 * rules call. `op` names the caller in error messages.
 * @example const s = matmulArray(v, v); // 0-d array, where matmul(v, v) gives a number
 */
export function matmulArray(A: NDArray, B: NDArray, out?: NDArray, op = 'matmul'): NDArray {
  const an = A.ndim;
  const bn = B.ndim;
  if (an === 0 || bn === 0) {
    throw new Error(`${op}: Input operand ${an === 0 ? 0 : 1} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)`);
  }
  const k = A.shape[an - 1]!;
  const bk = bn === 1 ? 0 : bn - 2;
  if (B.shape[bk] !== k) throw notAligned(op, A.shape, B.shape, an - 1, bk);
  const n = an === 1 ? 1 : A.shape[an - 2]!;
  const m = bn === 1 ? 1 : B.shape[bn - 1]!;
  // The same-dtype case (every course product) skips productTypes' tuple: garbage per call.
  const dtype = A.dtype === B.dtype ? A.dtype : productTypes(A.dtype, B.dtype)[0];
  const kt = kernelType(dtype);
  const Ak = cast(A, kt);
  const Bk = cast(B, kt);

  const batch = an <= 2 && bn <= 2 ? NO_BATCH : batchShape(A, B, op);
  let shape: number[];
  if (an === 2 && bn === 2) shape = [n, m]; // the common case, built at its final length
  else {
    shape = [...batch];
    if (an > 1) shape.push(n);
    if (bn > 1) shape.push(m);
  }
  const size = sizeOfBatch(batch) * n * m;
  if (out !== undefined) checkOut(out, shape, dtype, op);
  // Write straight into `out` when the kernel can; else into a fresh buffer (copied over after).
  // Either way every product below overwrites its block of C, so C needs no clearing.
  const direct = out !== undefined && out.dtype === dtype && dtype === kt && out.contiguous && !sharesMemory(out.data, Ak.data) && !sharesMemory(out.data, Bk.data);
  const C = direct ? out.data : allocateUninit(kt, size);
  const co = direct ? out.offset : 0;

  const ars = an === 1 ? 0 : Ak.strides[an - 2]!;
  const acs = Ak.strides[an - 1]!;
  const brs = Bk.strides[bk]!;
  const bcs = bn === 1 ? 0 : Bk.strides[bn - 1]!;
  if (batch.length === 0) {
    gemm(n, m, k, Ak.data, Ak.offset, ars, acs, Bk.data, Bk.offset, brs, bcs, C, co, m, 1, true);
  } else if (bn <= 2 && foldsIntoRows(Ak)) {
    // A stack times one matrix: the stack's rows are one tall matrix (no per-matrix calls).
    gemm(size / m, m, k, Ak.data, Ak.offset, ars, acs, Bk.data, Bk.offset, brs, bcs, C, co, m, 1, true);
  } else {
    batchedGemm(Ak, Bk, batch, n, m, k, ars, acs, brs, bcs, C, co);
  }

  let result: NDArray;
  if (direct) result = out;
  else {
    const data = dtype === 'bool' ? toBool(C) : C;
    result = new NDArray(data, shape);
    if (out !== undefined) {
      assign(out, result);
      result = out;
    }
  }
  record(result, [A, B], matmulBackward);
  return result;
}

const NO_BATCH: readonly number[] = [];

/** The broadcast of the two operands' batch axes (all but the last two), or numpy's error. */
function batchShape(A: NDArray, B: NDArray, op: string): number[] {
  const ab = Math.max(A.ndim - 2, 0);
  const bb = Math.max(B.ndim - 2, 0);
  const nb = Math.max(ab, bb);
  const out = new Array<number>(nb);
  for (let i = 0; i < nb; i++) {
    const da = i - (nb - ab) >= 0 ? A.shape[i - (nb - ab)]! : 1;
    const db = i - (nb - bb) >= 0 ? B.shape[i - (nb - bb)]! : 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`${op}: shapes ${formatShape(A.shape)} and ${formatShape(B.shape)} could not be broadcast together: batch dimensions ${formatShape(A.shape.slice(0, ab))} and ${formatShape(B.shape.slice(0, bb))} differ`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

function sizeOfBatch(batch: readonly number[]): number {
  let s = 1;
  for (const d of batch) s *= d;
  return s;
}

/** Whether A's batch axes and rows step evenly through memory, so that they form one row axis. */
function foldsIntoRows(A: NDArray): boolean {
  const nd = A.ndim;
  for (let d = nd - 3; d >= 0; d--) {
    if (A.shape[d] !== 1 && A.strides[d] !== A.strides[d + 1]! * A.shape[d + 1]!) return false;
  }
  return true;
}

/** One kernel call per matrix of the broadcast stack; a broadcast axis steps by 0. */
function batchedGemm(
  A: NDArray, B: NDArray, batch: readonly number[], n: number, m: number, k: number,
  ars: number, acs: number, brs: number, bcs: number, C: TypedArray, co: number,
): void {
  const nb = batch.length;
  const astr = batchStrides(A, nb);
  const bstr = batchStrides(B, nb);
  const idx = new Array<number>(nb).fill(0);
  const total = sizeOfBatch(batch);
  let pa = A.offset;
  let pb = B.offset;
  for (let t = 0, pc = co; t < total; t++, pc += n * m) {
    gemm(n, m, k, A.data, pa, ars, acs, B.data, pb, brs, bcs, C, pc, m, 1, true);
    for (let d = nb - 1; d >= 0; d--) {
      idx[d]!++;
      pa += astr[d]!;
      pb += bstr[d]!;
      if (idx[d]! < batch[d]!) break;
      pa -= idx[d]! * astr[d]!;
      pb -= idx[d]! * bstr[d]!;
      idx[d] = 0;
    }
  }
}

/** An operand's strides over the `nb` broadcast batch axes: 0 where it is broadcast or missing. */
function batchStrides(x: NDArray, nb: number): number[] {
  const own = Math.max(x.ndim - 2, 0);
  const out = new Array<number>(nb).fill(0);
  for (let d = 0; d < own; d++) if (x.shape[d] !== 1) out[nb - own + d] = x.strides[d]!;
  return out;
}

const KIND: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 2 };

function checkOut(out: NDArray, shape: readonly number[], dtype: DType, op: string): void {
  if (!sameShape(out.shape, shape)) throw new Error(`${op}: out has shape ${formatShape(out.shape)} but the result has shape ${formatShape(shape)}`);
  // numpy's default casting rule for out= ('same_kind'): float64 may go into float32, not into int32.
  if (KIND[out.dtype] < KIND[dtype]) throw new TypeError(`${op}: Cannot cast output from dtype('${dtype}') to dtype('${out.dtype}') with casting rule 'same_kind'`);
}

function toBool(C: TypedArray): Uint8Array {
  const out = new Uint8Array(C.length);
  for (let i = 0; i < C.length; i++) out[i] = C[i] !== 0 ? 1 : 0;
  return out;
}

/** Copies a contiguous `src` into `out` (any strides); checkOut allowed only lossless-kind casts. */
function assign(out: NDArray, src: NDArray): void {
  const from = src.data;
  if (out.contiguous) {
    out.data.set(from, out.offset);
    return;
  }
  const nd = out.ndim;
  const idx = new Array<number>(nd).fill(0);
  let p = out.offset;
  for (let i = 0; i < src.size; i++) {
    out.data[p] = from[i]!;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      p += out.strides[d]!;
      if (idx[d]! < out.shape[d]!) break;
      p -= idx[d]! * out.strides[d]!;
      idx[d] = 0;
    }
  }
}

/**
 * dA = G·Bᵀ and dB = Aᵀ·G on the operands seen as (stacks of) matrices, each summed back over
 * the batch axes it was broadcast along. A 1-D operand is a 1×k row (or k×1 column) here.
 */
function matmulBackward(g: NDArray, inputs: readonly NDArray[], _out: NDArray, _saved: unknown, needs: readonly boolean[]): (NDArray | null)[] {
  const A = inputs[0]!;
  const B = inputs[1]!;
  const k = A.shape[A.ndim - 1]!;
  const A2 = A.ndim === 1 ? reshaped(A, [1, k]) : A;
  const B2 = B.ndim === 1 ? reshaped(B, [k, 1]) : B;
  const n = A2.shape[A2.ndim - 2]!;
  const m = B2.shape[B2.ndim - 1]!;
  const batch = g.shape.slice(0, g.ndim - (A.ndim > 1 ? 1 : 0) - (B.ndim > 1 ? 1 : 0));
  const G = reshaped(g, [...batch, n, m]);
  // The data operand of the first layer leads to no parameter: skip its product.
  const dA = needs[0] ? gradFor(reshaped(sumTo(matmulArray(G, swapLast(B2)), A2.shape), A.shape), A) : null;
  const dB = needs[1] ? gradFor(reshaped(sumTo(matmulArray(swapLast(A2), G), B2.shape), B.shape), B) : null;
  return [dA, dB];
}
