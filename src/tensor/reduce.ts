// Reductions: sum, mean, max, min, prod, nansum, nanmean, all, any, with `axis` (a number, a
// list, negative allowed, or none) and `keepdims`: `np.sum(x, { axis: 1, keepdims: true })` or
// `np.sum(x, 0)`.
//
// Return values: with no axis and no keepdims the result is a plain JS number (a boolean for
// all/any), so `np.sum(loss) / m` works in JS. With an axis or keepdims it is an NDArray.
// Inside an autograd scope (np.grad) the differentiable ones return a 0-d NDArray instead of a
// number, so the value stays on the tape (the types still say number there).
import type { ArrayLike } from './convert';
import { allocate } from './dtype';
import { NDArray, contiguousData } from './ndarray';
import { arr, countOf, fromPlanLayout, meanRaw, parseReduce, reduceWith, reducedShape, result, spread, sumDtype } from './reduce-core';
import type { AxisArg, FullArg, Parsed, ReduceArg, ReducePlan } from './reduce-core';
import { allKernel, anyKernel, argmaxKernel, argminKernel, gatherArg, maxKernel, minKernel, nanSumKernel, prodKernel, sumKernel } from './reduce-kernels';
import type { ReduceKernel } from './reduce-kernels';
import { isRecording, record } from './tape';
import type { BackwardRule } from './tape';

const sumBackward: BackwardRule = (g, inputs, _o, saved) => [spread(g, inputs[0]!, saved as Parsed)];
const meanBackward: BackwardRule = (g, inputs, _o, saved) => {
  const x = inputs[0]!;
  const p = saved as Parsed;
  return [spread(g, x, p, 1 / countOf(x, p))];
};

/**
 * Sum of elements (numpy's pairwise summation, so float64 results match numpy's). Bools count
 * as int32. A number without axis/keepdims; see this module's header for autograd scopes.
 * @example np.sum(dZ, { axis: 1, keepdims: true }); const cost = np.sum(losses) / m
 */
export function sum(x: ArrayLike, arg?: FullArg): number;
export function sum(x: ArrayLike, arg: AxisArg): NDArray;
export function sum(x: ArrayLike, arg?: ReduceArg): number | NDArray;
export function sum(x: ArrayLike, arg?: ReduceArg): number | NDArray {
  const a = arr(x);
  const p = parseReduce(a, arg);
  const { out } = reduceWith(a, p.axes, p.keepdims, sumDtype(a.dtype), sumKernel);
  if (isRecording()) record(out, [a], sumBackward, p);
  return result(out, p);
}

/**
 * Arithmetic mean; float (int input gives float64); the mean of nothing is nan.
 * @example np.mean(np.square(np.subtract(yhat, y)))
 */
export function mean(x: ArrayLike, arg?: FullArg): number;
export function mean(x: ArrayLike, arg: AxisArg): NDArray;
export function mean(x: ArrayLike, arg?: ReduceArg): number | NDArray;
export function mean(x: ArrayLike, arg?: ReduceArg): number | NDArray {
  const a = arr(x);
  const p = parseReduce(a, arg);
  const out = meanRaw(a, p);
  if (isRecording()) record(out, [a], meanBackward, p);
  return result(out, p);
}

interface ArgSaved {
  readonly plan: ReducePlan;
  readonly idx: Int32Array;
}

/** Gradient of max/min: all of g to the position argmax/argmin chose (the first on ties). */
const extremeBackward: BackwardRule = (g, inputs, _o, saved) => {
  const { plan, idx } = saved as ArgSaved;
  const { outer, red, inner } = plan;
  const G = contiguousData(g);
  const buf = new Float64Array(outer * red * inner);
  for (let t = 0; t < idx.length; t++) {
    const q = (t / inner) | 0;
    buf[q * red * inner + idx[t]! * inner + (t - q * inner)] = G[t]!;
  }
  return [fromPlanLayout(buf, plan, inputs[0]!)];
};

function extreme(x: ArrayLike, arg: ReduceArg, name: string, kernel: ReduceKernel, argKernel: ReduceKernel): number | NDArray {
  const a = arr(x);
  const p = parseReduce(a, arg);
  const shape = reducedShape(a.shape, p.axes, p.keepdims);
  if (countOf(a, p) === 0 && shape.every((d) => d > 0)) throw new Error(`zero-size array to reduction operation ${name} which has no identity`);
  if (!isRecording()) return result(reduceWith(a, p.axes, p.keepdims, a.dtype, kernel).out, p);
  const { out: pos, plan } = reduceWith(a, p.axes, p.keepdims, 'int32', argKernel);
  const out = new NDArray(allocate(a.dtype, pos.size), pos.shape);
  gatherArg(plan, pos.data, out.data);
  record(out, [a], extremeBackward, { plan, idx: pos.data as Int32Array } satisfies ArgSaved);
  return out;
}

/**
 * Largest element (nan if any is nan); an error for an empty array, as numpy. Gradient goes
 * to the first position of the maximum.
 * @example np.max(np.abs(dW))
 */
export function max(x: ArrayLike, arg?: FullArg): number;
export function max(x: ArrayLike, arg: AxisArg): NDArray;
export function max(x: ArrayLike, arg?: ReduceArg): number | NDArray;
export function max(x: ArrayLike, arg?: ReduceArg): number | NDArray {
  return extreme(x, arg, 'maximum', maxKernel, argmaxKernel);
}

/**
 * Smallest element (nan if any is nan). Gradient goes to the first position of the minimum.
 * @example np.min(losses)
 */
export function min(x: ArrayLike, arg?: FullArg): number;
export function min(x: ArrayLike, arg: AxisArg): NDArray;
export function min(x: ArrayLike, arg?: ReduceArg): number | NDArray;
export function min(x: ArrayLike, arg?: ReduceArg): number | NDArray {
  return extreme(x, arg, 'minimum', minKernel, argminKernel);
}

/** d prod / d x_i = product of the others: prefix times suffix products, no division by x_i. */
const prodBackward: BackwardRule = (g, inputs, _o, saved) => {
  const plan = saved as ReducePlan;
  const { src, off, outer, red, inner } = plan;
  const G = contiguousData(g);
  const buf = new Float64Array(outer * red * inner);
  for (let q = 0; q < outer; q++) {
    for (let j = 0; j < inner; j++) {
      const base = q * red * inner + j;
      let acc = 1;
      for (let r = 0, k = base; r < red; r++, k += inner) {
        buf[k] = acc;
        acc *= src[off + k]!;
      }
      acc = G[q * inner + j]!;
      for (let r = red - 1, k = base + r * inner; r >= 0; r--, k -= inner) {
        buf[k]! *= acc;
        acc *= src[off + k]!;
      }
    }
  }
  return [fromPlanLayout(buf, plan, inputs[0]!)];
};

/**
 * Product of elements (1 for none); bools and ints give int32, wrapping as numpy's ints do.
 * @example np.prod(x.shape)
 */
export function prod(x: ArrayLike, arg?: FullArg): number;
export function prod(x: ArrayLike, arg: AxisArg): NDArray;
export function prod(x: ArrayLike, arg?: ReduceArg): number | NDArray;
export function prod(x: ArrayLike, arg?: ReduceArg): number | NDArray {
  const a = arr(x);
  const p = parseReduce(a, arg);
  const { out, plan } = reduceWith(a, p.axes, p.keepdims, sumDtype(a.dtype), prodKernel);
  if (isRecording()) record(out, [a], prodBackward, plan);
  return result(out, p);
}

/** x with nan replaced by 0 (numpy's nansum does the same), and the count of non-nan as 1/0. */
function dropNan(a: NDArray): { zeroed: NDArray; kept: NDArray } {
  const src = contiguousData(a);
  const z = new (src.constructor as new (n: number) => typeof src)(src.length);
  const k = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i]!;
    if (v === v) {
      z[i] = v;
      k[i] = 1;
    }
  }
  return { zeroed: new NDArray(z, a.shape), kept: new NDArray(k, a.shape) };
}

interface NanSaved {
  readonly p: Parsed;
  readonly kept: NDArray;
  /** For nanmean: the non-nan count of each output, in output order. */
  readonly counts: NDArray | null;
}

const nanBackward: BackwardRule = (g, inputs, _o, saved) => {
  const { p, kept, counts } = saved as NanSaved;
  const x = inputs[0]!;
  let gg = g;
  if (counts !== null) {
    const G = contiguousData(g);
    const d = new Float64Array(G.length);
    for (let i = 0; i < d.length; i++) d[i] = G[i]! / counts.data[i]!;
    gg = new NDArray(d, g.shape);
  }
  const b = spread(gg, x, p);
  for (let i = 0, d = b.data, k = kept.data; i < d.length; i++) if (k[i] === 0) d[i] = 0;
  return [b];
};

/**
 * Sum treating nan as 0.
 * @example np.nansum(x, 0)
 */
export function nansum(x: ArrayLike, arg?: FullArg): number;
export function nansum(x: ArrayLike, arg: AxisArg): NDArray;
export function nansum(x: ArrayLike, arg?: ReduceArg): number | NDArray;
export function nansum(x: ArrayLike, arg?: ReduceArg): number | NDArray {
  const a = arr(x);
  if (a.dtype !== 'float64' && a.dtype !== 'float32') return sum(a, arg);
  const p = parseReduce(a, arg);
  // A contiguous input is planned exactly as its NaN-free copy would be: sum it in place.
  if (a.contiguous && !isRecording()) return result(reduceWith(a, p.axes, p.keepdims, a.dtype, nanSumKernel).out, p);
  const { zeroed, kept } = dropNan(a);
  const { out } = reduceWith(zeroed, p.axes, p.keepdims, a.dtype, sumKernel);
  if (isRecording()) record(out, [a], nanBackward, { p, kept, counts: null } satisfies NanSaved);
  return result(out, p);
}

/**
 * Mean of the non-nan elements (nan where all are nan).
 * @example np.nanmean(scores, { axis: 0 })
 */
export function nanmean(x: ArrayLike, arg?: FullArg): number;
export function nanmean(x: ArrayLike, arg: AxisArg): NDArray;
export function nanmean(x: ArrayLike, arg?: ReduceArg): number | NDArray;
export function nanmean(x: ArrayLike, arg?: ReduceArg): number | NDArray {
  const a = arr(x);
  if (a.dtype !== 'float64' && a.dtype !== 'float32') return mean(a, arg);
  const p = parseReduce(a, arg);
  const { zeroed, kept } = dropNan(a);
  const { out } = reduceWith(zeroed, p.axes, p.keepdims, a.dtype, sumKernel);
  const counts = reduceWith(kept, p.axes, p.keepdims, 'int32', sumKernel).out;
  for (let i = 0, d = out.data; i < d.length; i++) d[i]! /= counts.data[i]!;
  if (isRecording()) record(out, [a], nanBackward, { p, kept, counts } satisfies NanSaved);
  return result(out, p);
}

function logical(x: ArrayLike, arg: ReduceArg, kernel: ReduceKernel): boolean | NDArray {
  const a = arr(x);
  const p = parseReduce(a, arg);
  const { out } = reduceWith(a, p.axes, p.keepdims, 'bool', kernel);
  return p.full ? out.data[0] === 1 : out;
}

/**
 * Whether every element is truthy (nonzero; nan counts as true). A boolean without axis or keepdims.
 * @example np.all(np.isfinite(W))
 */
export function all(x: ArrayLike, arg?: FullArg): boolean;
export function all(x: ArrayLike, arg: AxisArg): NDArray;
export function all(x: ArrayLike, arg?: ReduceArg): boolean | NDArray;
export function all(x: ArrayLike, arg?: ReduceArg): boolean | NDArray {
  return logical(x, arg, allKernel);
}

/**
 * Whether any element is truthy. A boolean without axis or keepdims.
 * @example np.any(np.isnan(cost))
 */
export function any(x: ArrayLike, arg?: FullArg): boolean;
export function any(x: ArrayLike, arg: AxisArg): NDArray;
export function any(x: ArrayLike, arg?: ReduceArg): boolean | NDArray;
export function any(x: ArrayLike, arg?: ReduceArg): boolean | NDArray {
  return logical(x, arg, anyKernel);
}
