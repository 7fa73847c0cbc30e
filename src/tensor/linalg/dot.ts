// numpy's dot and outer. dot agrees with matmul whenever either operand has at most 2 axes or is
// a vector, and those cases go through matmul (same kernels, same backward rule); what is left
// is multiplication by a scalar and numpy's N-D·M-D contraction, where the batch axes of the two
// operands are not broadcast but combined (result shape a.shape[:-1] + b.shape[:-2] + b.shape[-1:]).
import { NDArray, contiguousCopy } from '../ndarray';
import { allocate } from '../dtype';
import type { TypedArray } from '../dtype';
import { asArray } from '../convert';
import type { ArrayLike } from '../convert';
import { record } from '../tape';
import { cast, gemm, gradFor, notAligned, productTypes, scalarResult } from './core';
import { matmulArray } from './matmul';

/**
 * numpy's `np.dot(a, b)`: the matrix product for 2-D operands, the inner product (a plain number)
 * for two vectors, a sum over the last axis of `a` for N-D·1-D, and a product for a scalar.
 * @example
 * dot([1, 2, 3], [4, 5, 6]);     // 32
 * dot(W, x);                     // (3,4)·(4,) → (3,)
 */
export function dot(a: NDArray, b: ArrayLike): NDArray;
export function dot(a: ArrayLike, b: NDArray): NDArray;
export function dot(a: ArrayLike, b: ArrayLike): NDArray | number;
export function dot(a: ArrayLike, b: ArrayLike): NDArray | number {
  const A = asArray(a);
  const B = asArray(b);
  const plain = !(a instanceof NDArray) && !(b instanceof NDArray);
  if (A.ndim === 0 || B.ndim === 0) {
    const out = scale(A.ndim === 0 ? A : B, A.ndim === 0 ? B : A, A.ndim === 0 ? 0 : 1);
    return out.ndim === 0 ? scalarResult(out, plain) : out;
  }
  if (A.ndim <= 2 && B.ndim <= 2) {
    const out = matmulArray(A, B, undefined, 'dot');
    return out.ndim === 0 ? scalarResult(out, plain) : out;
  }
  if (A.ndim === 1 || B.ndim === 1) return matmulArray(A, B, undefined, 'dot');
  return contract(A, B);
}

/**
 * numpy's `np.outer(a, b)`: every product a[i]·b[j], with both inputs flattened first.
 * @example
 * outer([1, 2], [3, 4, 5]);      // [[3, 4, 5], [6, 8, 10]]
 */
export function outer(a: ArrayLike, b: ArrayLike): NDArray {
  const A = asArray(a);
  const B = asArray(b);
  const [dtype, kt] = productTypes(A.dtype, B.dtype);
  const x = flat(cast(A, kt));
  const y = flat(cast(B, kt));
  const C = allocate(kt, A.size * B.size);
  // An M×1 column times a 1×N row: the kernel with K = 1.
  gemm(A.size, B.size, 1, x.data, x.offset, x.stride, 0, y.data, y.offset, 0, y.stride, C, 0, B.size, 1);
  const out = new NDArray(dtype === 'bool' ? Uint8Array.from(C, (v) => (v !== 0 ? 1 : 0)) : C, [A.size, B.size]);
  record(out, [A, B], outerBackward);
  return out;
}

interface Flat {
  readonly data: TypedArray;
  readonly offset: number;
  readonly stride: number;
}

/** An array's elements as one strided run: its own storage for 1-D or contiguous arrays. */
function flat(x: NDArray): Flat {
  if (x.ndim === 1) return { data: x.data, offset: x.offset, stride: x.strides[0]! };
  if (x.contiguous) return { data: x.data, offset: x.offset, stride: 1 };
  return { data: contiguousCopy(x), offset: 0, stride: 1 };
}

function outerBackward(g: NDArray, inputs: readonly NDArray[]): NDArray[] {
  const [A, B] = inputs as [NDArray, NDArray];
  const kt = productTypes(g.dtype, productTypes(A.dtype, B.dtype)[0])[1];
  const G = cast(g, kt);
  const x = flat(cast(A, kt));
  const y = flat(cast(B, kt));
  const M = A.size;
  const N = B.size;
  const dA = allocate(kt, M);
  const dB = allocate(kt, N);
  gemm(M, 1, N, G.data, G.offset, G.strides[0]!, G.strides[1]!, y.data, y.offset, y.stride, 0, dA, 0, 1, 0);
  gemm(N, 1, M, G.data, G.offset, G.strides[1]!, G.strides[0]!, x.data, x.offset, x.stride, 0, dB, 0, 1, 0);
  return [gradFor(new NDArray(dA, [...A.shape]), A), gradFor(new NDArray(dB, [...B.shape]), B)];
}

/** `s` (0-d) times every element of `x`; `sIndex` says which operand of dot `s` was. */
function scale(s: NDArray, x: NDArray, sIndex: number): NDArray {
  const [dtype, kt] = productTypes(s.dtype, x.dtype);
  const S = cast(s, kt);
  const v = flat(cast(x, kt));
  const C = allocate(kt, x.size);
  gemm(1, x.size, 1, S.data, S.offset, 0, 0, v.data, v.offset, 0, v.stride, C, 0, 0, 1);
  const out = new NDArray(dtype === 'bool' ? Uint8Array.from(C, (c) => (c !== 0 ? 1 : 0)) : C, [...x.shape]);
  record(out, sIndex === 0 ? [s, x] : [x, s], (g, inputs) => {
    const [ds, dx] = scaleBackward(g, s, x);
    return sIndex === 0 ? [gradFor(ds, inputs[0]!), gradFor(dx, inputs[1]!)] : [gradFor(dx, inputs[0]!), gradFor(ds, inputs[1]!)];
  });
  return out;
}

/** d(s·x)/ds = Σ g·x and d(s·x)/dx = g·s, both through the kernel (a 1×n by n×1 product, then K = 1). */
function scaleBackward(g: NDArray, s: NDArray, x: NDArray): [NDArray, NDArray] {
  const kt = productTypes(g.dtype, productTypes(s.dtype, x.dtype)[0])[1];
  const G = flat(cast(g, kt));
  const v = flat(cast(x, kt));
  const S = cast(s, kt);
  const ds = allocate(kt, 1);
  gemm(1, 1, x.size, G.data, G.offset, 0, G.stride, v.data, v.offset, v.stride, 0, ds, 0, 0, 0);
  const dx = allocate(kt, x.size);
  gemm(1, x.size, 1, S.data, S.offset, 0, 0, G.data, G.offset, 0, G.stride, dx, 0, 0, 1);
  return [new NDArray(ds, []), new NDArray(dx, [...x.shape])];
}

/**
 * N-D·M-D with both operands at least 2-D and one above: result[p..., q..., j] =
 * Σ_k a[p..., k]·b[q..., k, j]. `a` is one tall P×k matrix; each of the Q matrices of `b` gives
 * the result's columns for its q, written through a row stride of Q·m.
 */
function contract(A0: NDArray, B0: NDArray): NDArray {
  const k = A0.shape[A0.ndim - 1]!;
  if (B0.shape[B0.ndim - 2] !== k) throw notAligned('dot', A0.shape, B0.shape, A0.ndim - 1, B0.ndim - 2);
  const [dtype, kt] = productTypes(A0.dtype, B0.dtype);
  const A = dense(cast(A0, kt));
  const B = dense(cast(B0, kt));
  const m = B.shape[B.ndim - 1]!;
  const P = sizeOf(A.shape.slice(0, -1));
  const Q = sizeOf(B.shape.slice(0, -2));
  const shape = [...A.shape.slice(0, -1), ...B.shape.slice(0, -2), m];
  const C = allocate(kt, P * Q * m);
  for (let q = 0; q < Q; q++) {
    gemm(P, m, k, A.data, A.offset, k, 1, B.data, B.offset + q * k * m, m, 1, C, q * m, Q * m, 1);
  }
  const out = new NDArray(dtype === 'bool' ? Uint8Array.from(C, (c) => (c !== 0 ? 1 : 0)) : C, shape);
  record(out, [A0, B0], (g, inputs) => {
    const kg = productTypes(g.dtype, kt)[1];
    const G = dense(cast(g, kg));
    const Af = cast(A, kg);
    const Bf = cast(B, kg);
    const dA = allocate(kg, P * k);
    const dB = allocate(kg, Q * k * m);
    for (let q = 0; q < Q; q++) {
      // dA += G[:, q, :]·B[q]ᵀ and dB[q] = Aᵀ·G[:, q, :]
      gemm(P, k, m, G.data, G.offset + q * m, Q * m, 1, Bf.data, Bf.offset + q * k * m, 1, m, dA, 0, k, 1);
      gemm(k, m, P, Af.data, Af.offset, 1, k, G.data, G.offset + q * m, Q * m, 1, dB, q * k * m, m, 1);
    }
    return [gradFor(new NDArray(dA, [...inputs[0]!.shape]), inputs[0]!), gradFor(new NDArray(dB, [...inputs[1]!.shape]), inputs[1]!)];
  });
  return out;
}

function dense(x: NDArray): NDArray {
  return x.contiguous ? x : new NDArray(contiguousCopy(x), [...x.shape]);
}

function sizeOf(shape: readonly number[]): number {
  let s = 1;
  for (const d of shape) s *= d;
  return s;
}
