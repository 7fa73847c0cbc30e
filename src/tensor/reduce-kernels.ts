// Reduction loops over the (outer, red, inner) view of reduce-core.ts's plans: each of the
// outer × inner outputs combines `red` elements spaced `inner` apart. inner = 1 (last axis)
// runs one tight loop per output; inner > 1 (e.g. the first axis of a 2-D array) adds whole
// rows into the output, which keeps the reads contiguous. One loop per op: no per-element
// callbacks or branches on the op.
import type { TypedArray } from './dtype';
import type { ReducePlan } from './reduce-core';

/** numpy's pairwise summation (8 accumulators, blocks of 128), so float64 sums match numpy's bits. */
export function pairwiseSum(a: TypedArray, off: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[off + i]!;
    return s;
  }
  if (n <= 128) {
    let r0 = a[off]!, r1 = a[off + 1]!, r2 = a[off + 2]!, r3 = a[off + 3]!;
    let r4 = a[off + 4]!, r5 = a[off + 5]!, r6 = a[off + 6]!, r7 = a[off + 7]!;
    const end = off + n - (n % 8);
    let i = off + 8;
    for (; i < end; i += 8) {
      r0 += a[i]!; r1 += a[i + 1]!; r2 += a[i + 2]!; r3 += a[i + 3]!;
      r4 += a[i + 4]!; r5 += a[i + 5]!; r6 += a[i + 6]!; r7 += a[i + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < off + n; i++) res += a[i]!;
    return res;
  }
  let n2 = n >> 1;
  n2 -= n2 % 8;
  return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, n - n2);
}

/**
 * pairwiseSum with NaN read as 0 (numpy's nansum replaces NaNs by 0, then sums; -0 stays -0):
 * the same order, without copying the input. `v === v ? v : 0` is written out in each place
 * rather than called, so that it costs a compare even where V8 does not inline.
 */
function pairwiseNanSum(a: TypedArray, off: number, n: number): number {
  let v: number;
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (v = a[off + i]!) === v ? v : 0;
    return s;
  }
  if (n <= 128) {
    let r0 = (v = a[off]!) === v ? v : 0, r1 = (v = a[off + 1]!) === v ? v : 0;
    let r2 = (v = a[off + 2]!) === v ? v : 0, r3 = (v = a[off + 3]!) === v ? v : 0;
    let r4 = (v = a[off + 4]!) === v ? v : 0, r5 = (v = a[off + 5]!) === v ? v : 0;
    let r6 = (v = a[off + 6]!) === v ? v : 0, r7 = (v = a[off + 7]!) === v ? v : 0;
    const end = off + n - (n % 8);
    let i = off + 8;
    for (; i < end; i += 8) {
      r0 += (v = a[i]!) === v ? v : 0; r1 += (v = a[i + 1]!) === v ? v : 0;
      r2 += (v = a[i + 2]!) === v ? v : 0; r3 += (v = a[i + 3]!) === v ? v : 0;
      r4 += (v = a[i + 4]!) === v ? v : 0; r5 += (v = a[i + 5]!) === v ? v : 0;
      r6 += (v = a[i + 6]!) === v ? v : 0; r7 += (v = a[i + 7]!) === v ? v : 0;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < off + n; i++) res += (v = a[i]!) === v ? v : 0;
    return res;
  }
  let n2 = n >> 1;
  n2 -= n2 % 8;
  return pairwiseNanSum(a, off, n2) + pairwiseNanSum(a, off + n2, n - n2);
}

export type ReduceKernel = (p: ReducePlan, o: TypedArray) => void;

export const sumKernel: ReduceKernel = (p, o) => {
  const { src, off, outer, red, inner } = p;
  if (inner === 1) {
    for (let q = 0, b = off; q < outer; q++, b += red) o[q] = 0 + pairwiseSum(src, b, red);
    return;
  }
  // Row by row into the output, which is also the accumulator: numpy's order, and its float32
  // rounding when the output is float32.
  o.fill(0);
  for (let q = 0; q < outer; q++) {
    const ob = q * inner;
    for (let r = 0, b = off + q * red * inner; r < red; r++, b += inner) {
      let j = 0;
      // Unrolled: V8's per-iteration overhead dominates typed-array loops this simple.
      for (; j + 7 < inner; j += 8) {
        o[ob + j]! += src[b + j]!; o[ob + j + 1]! += src[b + j + 1]!; o[ob + j + 2]! += src[b + j + 2]!; o[ob + j + 3]! += src[b + j + 3]!;
        o[ob + j + 4]! += src[b + j + 4]!; o[ob + j + 5]! += src[b + j + 5]!; o[ob + j + 6]! += src[b + j + 6]!; o[ob + j + 7]! += src[b + j + 7]!;
      }
      for (; j < inner; j++) o[ob + j]! += src[b + j]!;
    }
  }
};

/** sumKernel with NaN read as 0, in the same order: nansum of a contiguous array, no copy. */
export const nanSumKernel: ReduceKernel = (p, o) => {
  const { src, off, outer, red, inner } = p;
  if (inner === 1) {
    for (let q = 0, b = off; q < outer; q++, b += red) o[q] = 0 + pairwiseNanSum(src, b, red);
    return;
  }
  o.fill(0);
  for (let q = 0; q < outer; q++) {
    const ob = q * inner;
    for (let r = 0, b = off + q * red * inner; r < red; r++, b += inner) {
      for (let j = 0, v = 0; j < inner; j++) o[ob + j]! += (v = src[b + j]!) === v ? v : 0;
    }
  }
};

export const prodKernel: ReduceKernel = (p, o) => {
  const { src, off, outer, red, inner } = p;
  const wrap = o instanceof Int32Array; // integer products wrap as numpy's, not round as doubles
  if (inner === 1) {
    for (let q = 0, b = off; q < outer; q++, b += red) {
      let s = 1;
      if (wrap) for (let i = 0; i < red; i++) s = Math.imul(s, src[b + i]!);
      else for (let i = 0; i < red; i++) s *= src[b + i]!;
      o[q] = s;
    }
    return;
  }
  o.fill(1);
  for (let q = 0; q < outer; q++) {
    const ob = q * inner;
    for (let r = 0, b = off + q * red * inner; r < red; r++, b += inner) {
      if (wrap) for (let j = 0; j < inner; j++) o[ob + j] = Math.imul(o[ob + j]!, src[b + j]!);
      else for (let j = 0; j < inner; j++) o[ob + j]! *= src[b + j]!;
    }
  }
};

/** NaN wins, as numpy's max. Separate loops for max and min keep the comparison out of the loop. */
export const maxKernel: ReduceKernel = (p, o) => {
  const { src, off, outer, red, inner } = p;
  for (let q = 0; q < outer; q++) {
    const base = off + q * red * inner;
    if (inner === 1) {
      let m = src[base]!;
      for (let i = 1; i < red; i++) {
        const v = src[base + i]!;
        if (v > m) m = v;
        else if (v !== v) {
          m = v;
          break;
        }
      }
      o[q] = m;
      continue;
    }
    const ob = q * inner;
    for (let j = 0; j < inner; j++) o[ob + j] = src[base + j]!;
    for (let r = 1, b = base + inner; r < red; r++, b += inner) {
      for (let j = 0; j < inner; j++) {
        const v = src[b + j]!;
        if (v > o[ob + j]! || v !== v) o[ob + j] = v;
      }
    }
  }
};

export const minKernel: ReduceKernel = (p, o) => {
  const { src, off, outer, red, inner } = p;
  for (let q = 0; q < outer; q++) {
    const base = off + q * red * inner;
    if (inner === 1) {
      let m = src[base]!;
      for (let i = 1; i < red; i++) {
        const v = src[base + i]!;
        if (v < m) m = v;
        else if (v !== v) {
          m = v;
          break;
        }
      }
      o[q] = m;
      continue;
    }
    const ob = q * inner;
    for (let j = 0; j < inner; j++) o[ob + j] = src[base + j]!;
    for (let r = 1, b = base + inner; r < red; r++, b += inner) {
      for (let j = 0; j < inner; j++) {
        const v = src[b + j]!;
        if (v < o[ob + j]! || v !== v) o[ob + j] = v;
      }
    }
  }
};

/** Index along the reduced block of the first max (the first NaN if any), as numpy's argmax. */
export const argmaxKernel: ReduceKernel = (p, o) => {
  const { src, off, outer, red, inner } = p;
  for (let q = 0; q < outer; q++) {
    for (let j = 0; j < inner; j++) {
      const b = off + q * red * inner + j;
      let best = src[b]!;
      let k = 0;
      if (best === best) {
        for (let i = 1, at = b + inner; i < red; i++, at += inner) {
          const v = src[at]!;
          if (v > best) {
            best = v;
            k = i;
          } else if (v !== v) {
            k = i;
            break;
          }
        }
      }
      o[q * inner + j] = k;
    }
  }
};

export const argminKernel: ReduceKernel = (p, o) => {
  const { src, off, outer, red, inner } = p;
  for (let q = 0; q < outer; q++) {
    for (let j = 0; j < inner; j++) {
      const b = off + q * red * inner + j;
      let best = src[b]!;
      let k = 0;
      if (best === best) {
        for (let i = 1, at = b + inner; i < red; i++, at += inner) {
          const v = src[at]!;
          if (v < best) {
            best = v;
            k = i;
          } else if (v !== v) {
            k = i;
            break;
          }
        }
      }
      o[q * inner + j] = k;
    }
  }
};

/** Truthiness as numpy's: any nonzero, NaN included. */
export const anyKernel: ReduceKernel = (p, o) => {
  const { src, off, outer, red, inner } = p;
  o.fill(0);
  for (let q = 0; q < outer; q++) {
    const ob = q * inner;
    for (let r = 0, b = off + q * red * inner; r < red; r++, b += inner) for (let j = 0; j < inner; j++) if (src[b + j] !== 0) o[ob + j] = 1;
  }
};

export const allKernel: ReduceKernel = (p, o) => {
  const { src, off, outer, red, inner } = p;
  o.fill(1);
  for (let q = 0; q < outer; q++) {
    const ob = q * inner;
    for (let r = 0, b = off + q * red * inner; r < red; r++, b += inner) for (let j = 0; j < inner; j++) if (src[b + j] === 0) o[ob + j] = 0;
  }
};

/** The input values at arg positions from argmax/argmin (how max/min run under autograd). */
export function gatherArg(p: ReducePlan, idx: TypedArray, o: TypedArray): void {
  const { src, off, red, inner } = p;
  for (let t = 0; t < idx.length; t++) {
    const q = (t / inner) | 0;
    o[t] = src[off + q * red * inner + idx[t]! * inner + (t - q * inner)]!;
  }
}
