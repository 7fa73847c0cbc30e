// shuffle, permutation and choice, with numpy's legacy draws: Fisher-Yates from the last
// position down through random_interval, and choice built on randint, random_sample and
// permutation exactly as mtrand.pyx builds it.
import { asArray } from '../convert';
import type { ArrayLike } from '../convert';
import { allocate } from '../dtype';
import type { TypedArray } from '../dtype';
import { NDArray, contiguousCopy } from '../ndarray';
import { fillBounded, fillUniform, interval } from './distributions';
import type { MT19937 } from './mt19937';
import { productOf, shapeOfSize } from './size';
import type { Size } from './size';

/** Options of `choice`, numpy's keyword arguments. */
export interface ChoiceOptions {
  /** Sample with replacement (default true). */
  replace?: boolean;
  /** Probabilities of the entries of `a` (default uniform). */
  p?: ArrayLike | null;
}

/** Storage offsets of one axis-0 row's elements, relative to the row's start. */
function rowOffsets(x: NDArray): Int32Array {
  const shape = x.shape;
  const strides = x.strides;
  const out = new Int32Array(x.size / shape[0]!);
  const idx = new Int32Array(shape.length);
  let off = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = off;
    for (let d = shape.length - 1; d >= 1; d--) {
      idx[d]!++;
      off += strides[d]!;
      if (idx[d]! < shape[d]!) break;
      off -= idx[d]! * strides[d]!;
      idx[d] = 0;
    }
  }
  return out;
}

/**
 * In-place Fisher-Yates along axis 0 (numpy's legacy `shuffle`): for i from the last row down
 * to 1, swap row i with row random_interval(i).
 *
 * @example shuffleInPlace(mt, [1, 2, 3, 4])
 */
export function shuffleInPlace(mt: MT19937, x: NDArray | unknown[] | TypedArray): void {
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    // A plain sequence, numpy's "untyped path": same draws, elements swapped one by one.
    const xs = x as unknown[];
    for (let i = xs.length - 1; i > 0; i--) {
      const j = interval(mt, i);
      const t = xs[i];
      xs[i] = xs[j];
      xs[j] = t;
    }
    return;
  }
  if (!(x instanceof NDArray)) throw new TypeError(`object of type '${typeof x}' has no len()`);
  if (x.ndim === 0) throw new TypeError('len() of unsized object');
  // numpy returns before drawing anything for an empty array, even one with rows, like (3, 0).
  if (x.size === 0) return;
  const data = x.data;
  const rel = rowOffsets(x);
  const s0 = x.strides[0]!;
  const base = x.offset;
  for (let i = x.shape[0]! - 1; i > 0; i--) {
    const j = interval(mt, i);
    if (i === j) continue;
    const ri = base + i * s0;
    const rj = base + j * s0;
    for (let k = 0; k < rel.length; k++) {
      const t = data[ri + rel[k]!]!;
      data[ri + rel[k]!] = data[rj + rel[k]!]!;
      data[rj + rel[k]!] = t;
    }
  }
}

/**
 * numpy's legacy `permutation`: a shuffled arange(n) (int32), or a shuffled copy along axis 0.
 *
 * @example permute(mt, 10)
 */
export function permute(mt: MT19937, x: number | ArrayLike): NDArray {
  if (typeof x === 'number') {
    if (!Number.isInteger(x)) throw new TypeError('x must be an integer or at least 1-dimensional');
    const n = Math.max(x, 0);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    const arr = new NDArray(out, [n]);
    shuffleInPlace(mt, arr);
    return arr;
  }
  const src = asArray(x);
  if (src.ndim < 1) throw new TypeError('x must be an integer or at least 1-dimensional');
  // A fresh buffer either way: asArray copies nested lists, and an NDArray is copied here.
  const arr = src === x ? new NDArray(contiguousCopy(src), [...src.shape]) : src;
  shuffleInPlace(mt, arr);
  return arr;
}

/** numpy's `kahan_sum`, which choice uses to check that p sums to 1. */
function kahanSum(a: Float64Array): number {
  if (a.length === 0) return 0;
  let sum = a[0]!;
  let c = 0;
  for (let i = 1; i < a.length; i++) {
    const y = a[i]! - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

function checkedP(p: ArrayLike, pop: number): Float64Array {
  const arr = asArray(p);
  // numpy widens its tolerance to the precision p was given in.
  const atol = arr.dtype === 'float32' ? Math.sqrt(1.1920928955078125e-7) : 1.4901161193847656e-8;
  if (arr.ndim !== 1) throw new Error("'p' must be 1-dimensional");
  if (arr.size !== pop) throw new Error("'a' and 'p' must have same size");
  const out = new Float64Array(arr.size);
  for (let i = 0; i < out.length; i++) out[i] = Number(arr.data[arr.offset + i * arr.strides[0]!]);
  const sum = kahanSum(out);
  if (Number.isNaN(sum)) throw new Error('probabilities contain NaN');
  for (let i = 0; i < out.length; i++) if (out[i]! < 0) throw new Error('probabilities are not non-negative');
  if (Math.abs(sum - 1) > atol) throw new Error('probabilities do not sum to 1');
  return out;
}

/** cumsum(p) / cumsum(p)[-1], summed left to right as numpy's cumsum. */
function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i]!;
  const last = cdf[cdf.length - 1]!;
  for (let i = 0; i < cdf.length; i++) cdf[i]! /= last;
  return cdf;
}

/** searchsorted(cdf, x, side='right'): the first index whose cdf exceeds x. */
function searchRight(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** numpy's legacy loop for sampling without replacement with probabilities. */
function uniqueWeighted(mt: MT19937, p: Float64Array, count: number): Int32Array {
  let nonzero = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) nonzero++;
  if (nonzero < count) throw new Error('Fewer non-zero entries in p than size');
  const w = p.slice();
  const found = new Int32Array(count);
  const seen = new Uint8Array(p.length);
  let n = 0;
  while (n < count) {
    const x = new Float64Array(count - n);
    fillUniform(mt, x, 0, 1);
    for (let i = 0; i < n; i++) w[found[i]!] = 0;
    const cdf = normalizedCdf(w);
    // np.unique(..., return_index=True) then sorting the indices keeps first occurrences in order.
    seen.fill(0);
    for (let i = 0; i < x.length; i++) {
      const k = searchRight(cdf, x[i]!);
      if (!seen[k]) {
        seen[k] = 1;
        found[n++] = k;
      }
    }
  }
  return found;
}

/**
 * numpy's legacy `choice`. `a` is a population size or a 1-d array; the result is a number
 * when size is omitted, else an NDArray (int32 indices for an integer `a`).
 *
 * @example choose(mt, 5, 3, { replace: false })
 */
export function choose(mt: MT19937, a: number | ArrayLike, size: Size, options: ChoiceOptions): number | NDArray {
  const replace = options.replace ?? true;
  let pop: number;
  let values: NDArray | null = null;
  const arr = typeof a === 'number' ? null : asArray(a);
  if (arr === null || arr.ndim === 0) {
    const v = arr === null ? (a as number) : Number(arr.item());
    if (!Number.isInteger(v)) throw new Error('a must be 1-dimensional or an integer');
    pop = v;
  } else if (arr.ndim !== 1) {
    throw new Error('a must be 1-dimensional');
  } else {
    pop = arr.shape[0]!;
    values = arr;
  }
  const shape = shapeOfSize(size);
  const count = shape === null ? 1 : productOf(shape);
  if (pop <= 0 && (shape === null || count !== 0)) {
    throw new Error(values ? "'a' cannot be empty unless no samples are taken" : 'a must be greater than 0 unless no samples are taken');
  }
  const p = options.p === undefined || options.p === null ? null : checkedP(options.p, pop);
  let idx: Int32Array;
  if (replace) {
    idx = new Int32Array(count);
    if (p) {
      const cdf = normalizedCdf(p);
      const u = new Float64Array(count);
      fillUniform(mt, u, 0, 1);
      for (let i = 0; i < count; i++) idx[i] = searchRight(cdf, u[i]!);
    } else {
      if (pop > 2 ** 31) throw new Error('high is out of bounds for int32');
      fillBounded(mt, idx, 0, pop - 1);
    }
  } else {
    if (count > pop) throw new Error("Cannot take a larger sample than population when 'replace=False'");
    idx = p ? uniqueWeighted(mt, p, count) : (permute(mt, pop).data as Int32Array).slice(0, count);
  }
  if (values === null) return shape === null ? idx[0]! : new NDArray(idx, shape);
  const src = values.data;
  const s0 = values.strides[0]!;
  const out = allocate(values.dtype, count);
  for (let i = 0; i < count; i++) out[i] = src[values.offset + idx[i]! * s0]!;
  return shape === null ? out[0]! : new NDArray(out, shape);
}
