// numpy's np.linalg.norm: vector norms along one axis, matrix norms over two, the 2-norm of all
// elements by default. Sums run in double whatever the dtype; a float32 input gives a float32
// result, anything else float64, as numpy. The 2-norm, the Frobenius norm and the vector 1-norm
// are differentiable.
import { NDArray, contiguousCopy } from '../ndarray';
import { allocate } from '../dtype';
import { asArray } from '../convert';
import type { ArrayLike } from '../convert';
import { normalizeAxis } from '../shape';
import { record } from '../tape';
import { gemm, gradFor, reshaped, scalarResult } from './core';
import { eigvalsh } from './eigh';

/** A norm order: a number (Infinity for numpy's `inf`), 'fro' or 'nuc'; null for the default. */
export type NormOrder = number | 'fro' | 'nuc' | null;

type Reducer = 'sumsq' | 'sumabs' | 'max' | 'min' | 'nonzero' | 'pow';

/**
 * numpy's `np.linalg.norm(x, ord, axis, keepdims)`. Without `axis`: the 2-norm of all elements
 * (for a matrix, its Frobenius norm) unless `ord` asks for another vector (1-D) or matrix (2-D)
 * norm. A number `axis` takes vector norms along it; two axes take matrix norms. A result with
 * no axes left is a plain number (a 0-d array inside `np.grad`).
 * @example
 * linalg.norm([3, 4]);                 // 5
 * linalg.norm(W, 'fro');               // √Σ w²
 * linalg.norm(X, 1, 0);                // Σ|x| down each column
 * linalg.norm(X, Infinity, 1, true);   // max |x| in each row, shape (n, 1)
 */
export function norm(x: ArrayLike, ord: NormOrder = null, axis: number | readonly number[] | null = null, keepdims = false): NDArray | number {
  const X0 = asArray(x);
  const X = X0.dtype === 'float32' || X0.dtype === 'float64' ? X0 : X0.astype('float64');
  const nd = X.ndim;
  let axes: number[];
  if (axis === null) {
    axes = Array.from({ length: nd }, (_, i) => i);
    if (ord === null || (ord === 'fro' && nd === 2) || (ord === 2 && nd === 1)) return finish(X0, vectorNorm(X, axes, 2, keepdims), axes, 'l2');
    if (nd !== 1 && nd !== 2) throw new Error('norm: Improper number of dimensions to norm.');
  } else {
    axes = (typeof axis === 'number' ? [axis] : [...axis]).map((a) => normalizeAxis(a, nd));
  }
  if (axes.length === 1) {
    if (typeof ord === 'string') throw new Error(`norm: Invalid norm order '${ord}' for vectors`);
    const p = ord ?? 2;
    return finish(X0, vectorNorm(X, axes, p, keepdims), axes, p === 2 ? 'l2' : p === 1 ? 'l1' : `ord=${p} vector`);
  }
  if (axes.length !== 2) throw new Error('norm: Improper number of dimensions to norm.');
  const [r, c] = axes as [number, number];
  if (r === c) throw new Error('norm: Duplicate axes given.');
  const o = ord ?? 'fro';
  return finish(X0, matrixNorm(X, r, c, o, keepdims), axes, o === 'fro' ? 'l2' : `ord=${String(o)} matrix`);
}

/** Vector p-norms over `axes` (one axis, or all of them for the default norm). */
function vectorNorm(X: NDArray, axes: readonly number[], p: number, keepdims: boolean): NDArray {
  if (p === Infinity) return reduce(X, axes, 'max', 0, keepdims);
  if (p === -Infinity) return reduce(X, axes, 'min', 0, keepdims);
  if (p === 0) return reduce(X, axes, 'nonzero', 0, keepdims);
  if (p === 1) return reduce(X, axes, 'sumabs', 0, keepdims);
  if (p === 2) return map(reduce(X, axes, 'sumsq', 0, keepdims), Math.sqrt);
  return map(reduce(X, axes, 'pow', p, keepdims), (s) => s ** (1 / p));
}

/** Matrix norms over the axis pair (r, c): the induced 1/∞ norms, Frobenius, and the spectral ones. */
function matrixNorm(X: NDArray, r: number, c: number, ord: number | 'fro' | 'nuc', keepdims: boolean): NDArray {
  let out: NDArray;
  if (ord === 'fro') return map(reduce(X, [r, c], 'sumsq', 0, keepdims), Math.sqrt);
  if (ord === 1 || ord === -1) out = reduce(reduce(X, [r], 'sumabs', 0, true), [c], ord === 1 ? 'max' : 'min', 0, true);
  else if (ord === Infinity || ord === -Infinity) out = reduce(reduce(X, [c], 'sumabs', 0, true), [r], ord > 0 ? 'max' : 'min', 0, true);
  else if (ord === 2 || ord === -2 || ord === 'nuc') out = singularNorm(X, r, c, ord);
  else throw new Error('norm: Invalid norm order for matrices.');
  if (keepdims) return out;
  return reshaped(out, X.shape.filter((_, d) => d !== r && d !== c));
}

/**
 * The largest or smallest singular value, or their sum, of each matrix: square roots of the
 * eigenvalues of the smaller Gram matrix (XᵀX or XXᵀ). Fine for the lesson-sized matrices;
 * singular values far below the largest lose relative accuracy this way.
 */
function singularNorm(X: NDArray, r: number, c: number, ord: 2 | -2 | 'nuc'): NDArray {
  const nd = X.ndim;
  const rest = Array.from({ length: nd }, (_, d) => d).filter((d) => d !== r && d !== c);
  // The matrices as a contiguous (count, R, C) stack: other axes first, then rows, then columns.
  const perm = [...rest, r, c];
  const R = X.shape[r]!;
  const C = X.shape[c]!;
  const view = new NDArray(X.data, perm.map((d) => X.shape[d]!), perm.map((d) => X.strides[d]!), X.offset);
  const data = contiguousCopy(view) as Float32Array | Float64Array;
  const small = Math.min(R, C);
  const count = R * C === 0 ? 0 : data.length / (R * C);
  const out = allocate(X.dtype, count);
  const gram = new Float64Array(small * small);
  const src = data instanceof Float64Array ? data : Float64Array.from(data);
  for (let t = 0; t < count; t++) {
    gram.fill(0);
    const o = t * R * C;
    if (C <= R) gemm(C, C, R, src, o, 1, C, src, o, C, 1, gram, 0, C, 1);
    else gemm(R, R, C, src, o, C, 1, src, o, 1, C, gram, 0, R, 1);
    const w = eigvalsh(new NDArray(gram, [small, small])).data;
    let s = ord === 'nuc' ? 0 : ord === 2 ? -Infinity : Infinity;
    for (let i = 0; i < small; i++) {
      const sv = Math.sqrt(Math.max(w[i]!, 0));
      s = ord === 'nuc' ? s + sv : ord === 2 ? Math.max(s, sv) : Math.min(s, sv);
    }
    out[t] = s;
  }
  const shape = X.shape.map((n, d) => (d === r || d === c ? 1 : n));
  return new NDArray(out, shape);
}

/**
 * Reduces |x| over `axes` into an array of the input's dtype with those axes kept as size 1 (or
 * dropped without `keepdims`), walking the input once whatever its strides.
 */
function reduce(X: NDArray, axes: readonly number[], how: Reducer, p: number, keepdims: boolean): NDArray {
  const keptShape = X.shape.map((n, d) => (axes.includes(d) ? 1 : n));
  const size = keptShape.reduce((s, n) => s * n, 1);
  const acc = new Float64Array(size).fill(how === 'max' ? -Infinity : how === 'min' ? Infinity : 0);
  forEachReduced(X, axes, (v, o) => {
    const a = Math.abs(v);
    switch (how) {
      case 'sumsq': acc[o] += v * v; break;
      case 'sumabs': acc[o] += a; break;
      case 'max': if (a > acc[o]! || Number.isNaN(a)) acc[o] = a; break;
      case 'min': if (a < acc[o]! || Number.isNaN(a)) acc[o] = a; break;
      case 'nonzero': if (v !== 0) acc[o]++; break;
      case 'pow': acc[o] += a ** p; break;
    }
  });
  // A max or min over no elements has no value: numpy raises here too (e.g. ord=inf of []).
  if (X.size === 0 && (how === 'max' || how === 'min')) throw new Error('norm: zero-size array to reduction operation which has no identity');
  const out = allocate(X.dtype, size);
  out.set(acc);
  const shape = keepdims ? keptShape : X.shape.filter((_, d) => !axes.includes(d));
  return new NDArray(out, shape);
}

/** Calls fn(value, index into the keepdims-shaped result) for every element of X, in C order. */
function forEachReduced(X: NDArray, axes: readonly number[], fn: (v: number, o: number) => void): void {
  const nd = X.ndim;
  if (X.size === 0) return;
  const ostr = new Array<number>(nd).fill(0);
  for (let d = nd - 1, s = 1; d >= 0; d--) {
    if (!axes.includes(d)) {
      ostr[d] = s;
      s *= X.shape[d]!;
    }
  }
  const idx = new Array<number>(nd).fill(0);
  const src = X.data;
  let q = X.offset;
  let o = 0;
  for (;;) {
    fn(src[q]!, o);
    let d = nd - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      q += X.strides[d]!;
      o += ostr[d]!;
      if (idx[d]! < X.shape[d]!) break;
      q -= idx[d]! * X.strides[d]!;
      o -= idx[d]! * ostr[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

function map(x: NDArray, f: (v: number) => number): NDArray {
  const d = x.data;
  for (let i = 0; i < d.length; i++) d[i] = f(d[i]!);
  return x;
}

/**
 * Records the backward rule and returns numpy's scalar for a 0-d result. `kind` is 'l2' for the
 * 2-norm and Frobenius norm (d‖x‖/dx = x/‖x‖), 'l1' for the vector 1-norm (sign x), and names
 * any other norm, whose gradient is not implemented.
 */
function finish(X0: NDArray, out: NDArray, axes: readonly number[], kind: string): NDArray | number {
  record(out, [X0], (g) => [normBackward(g, X0, out, axes, kind)]);
  return out.ndim === 0 ? scalarResult(out) : out;
}

function normBackward(g: NDArray, X0: NDArray, out: NDArray, axes: readonly number[], kind: string): NDArray {
  if (kind !== 'l2' && kind !== 'l1') throw new Error(`norm: the gradient of the ${kind} norm is not implemented (only the 2-norm, 'fro' and the vector 1-norm)`);
  const kept = X0.shape.map((n, d) => (axes.includes(d) ? 1 : n));
  const G = reshaped(g, kept);
  const N = reshaped(out, kept);
  const gd = G.contiguous ? G.data : contiguousCopy(G);
  const go = G.contiguous ? G.offset : 0;
  const nd = N.data;
  const no = N.offset;
  const dx = new Float64Array(X0.size);
  let i = 0;
  forEachReduced(X0, axes, (v, o) => {
    const gv = gd[go + o]!;
    if (kind === 'l1') dx[i++] = gv * Math.sign(v);
    else {
      const n = nd[no + o]!;
      dx[i++] = n === 0 ? 0 : (gv * v) / n; // 0 at the origin: the subgradient autograd libraries use
    }
  });
  return gradFor(new NDArray(dx, [...X0.shape]), X0);
}
