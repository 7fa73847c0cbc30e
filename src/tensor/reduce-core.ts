// Reduction plumbing shared by reduce.ts and reduce-stats.ts: options, output shapes, plans.
// Every reduction is seen as (outer, red, inner) over a contiguous buffer: `red` elements are combined for each of the
// outer × inner outputs. A contiguous input whose reduced axes form one block needs no copy —
// that covers the last axis (inner = 1, tight per-row loops) and the first axis (outer = 1,
// rows accumulated into the output) of 2-D arrays. Anything else is first copied with the
// reduced axes moved last.
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { allocate, floatType } from './dtype';
import type { DType, TypedArray } from './dtype';
import { broadcastCopy } from './elementwise';
import { NDArray, contiguousData } from './ndarray';
import { sumKernel } from './reduce-kernels';
import type { ReduceKernel } from './reduce-kernels';
import { normalizeAxes } from './shape';
import { isRecording } from './tape';

/** `np.sum(x, { axis: 1, keepdims: true })`; `axis` may be negative or a list. */
export interface ReduceOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}
/** An options object, or a bare axis: `np.sum(x, 0)`. */
export type ReduceArg = ReduceOptions | number | readonly number[] | null | undefined;

/** Arguments that reduce everything to one value: the reduction returns a JS number. */
export type FullArg = { axis?: null; keepdims?: false } | null | undefined;
/** Arguments naming axes or keeping dims: the reduction returns an NDArray. */
export type AxisArg = number | readonly number[] | (ReduceOptions & { axis: number | readonly number[] }) | (ReduceOptions & { keepdims: true });

export interface ReducePlan {
  readonly src: TypedArray;
  readonly off: number;
  readonly outer: number;
  readonly red: number;
  readonly inner: number;
  /** When the input was copied with the reduced axes last: the input axes in copy order. */
  readonly perm: number[] | null;
}

export interface Parsed {
  readonly axes: number[];
  readonly keepdims: boolean;
  /** No axis and no keepdims: the caller returns a JS number outside autograd scopes. */
  readonly full: boolean;
}

export function parseReduce(x: NDArray, arg: ReduceArg): Parsed {
  let axis: ReduceOptions['axis'];
  let keepdims = false;
  if (typeof arg === 'number' || Array.isArray(arg)) axis = arg as number | readonly number[];
  else if (arg !== null && arg !== undefined) {
    axis = (arg as ReduceOptions).axis;
    keepdims = (arg as ReduceOptions).keepdims === true;
  }
  const none = axis === undefined || axis === null;
  return { axes: normalizeAxes(axis, x.ndim), keepdims, full: none && !keepdims };
}

/** x's shape with the reduced axes removed, or kept as 1s. */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  for (let d = 0, k = 0; d < shape.length; d++) {
    if (axes[k] === d) {
      k++;
      if (keepdims) out.push(1);
    } else out.push(shape[d]!);
  }
  return out;
}

export function planReduce(x: NDArray, axes: readonly number[]): ReducePlan {
  const shape = x.shape;
  const nd = shape.length;
  if (x.contiguous) {
    // Size-1 axes can count as reduced or kept: only the others decide whether it is one block.
    let lo = nd;
    let hi = -1;
    for (const a of axes) {
      if (shape[a] === 1) continue;
      if (a < lo) lo = a;
      if (a > hi) hi = a;
    }
    let block = true;
    for (let d = lo + 1, k = 0; d < hi && block; d++) {
      while (axes[k]! < d) k++;
      if (axes[k] !== d && shape[d] !== 1) block = false;
    }
    if (block) {
      if (hi < 0) return { src: x.data, off: x.offset, outer: x.size, red: 1, inner: 1, perm: null };
      let outer = 1;
      let red = 1;
      let inner = 1;
      for (let d = 0; d < nd; d++) {
        if (d < lo) outer *= shape[d]!;
        else if (d > hi) inner *= shape[d]!;
        else red *= shape[d]!;
      }
      return { src: x.data, off: x.offset, outer, red, inner, perm: null };
    }
  }
  const perm: number[] = [];
  for (let d = 0; d < nd; d++) if (!axes.includes(d)) perm.push(d);
  let outer = 1;
  for (const d of perm) outer *= shape[d]!;
  perm.push(...axes);
  const view = new NDArray(x.data, perm.map((d) => shape[d]!), perm.map((d) => x.strides[d]!), x.offset);
  return { src: contiguousData(view), off: 0, outer, red: outer === 0 ? 0 : x.size / outer, inner: 1, perm };
}

/** A buffer laid out as the plan walked x (outer, red, inner), as an array shaped like x. */
export function fromPlanLayout(buf: TypedArray, p: ReducePlan, x: NDArray): NDArray {
  if (p.perm === null) return new NDArray(buf, x.shape);
  const perm = p.perm;
  const y = new NDArray(buf, perm.map((d) => x.shape[d]!));
  const inv = new Array<number>(perm.length);
  perm.forEach((d, t) => (inv[d] = t));
  return new NDArray(contiguousData(new NDArray(buf, x.shape, inv.map((t) => y.strides[t]!), 0)), x.shape);
}

/** Runs a kernel into a new array of the reduced shape. */
export function reduceWith(x: NDArray, axes: readonly number[], keepdims: boolean, dtype: DType, kernel: ReduceKernel): { out: NDArray; plan: ReducePlan } {
  const plan = planReduce(x, axes);
  const o = allocate(dtype, plan.outer * plan.inner);
  if (o.length > 0) kernel(plan, o);
  return { out: new NDArray(o, reducedShape(x.shape, axes, keepdims)), plan };
}

/** Sum of bools and ints is int32 (numpy: int64), of floats their own dtype. */
export function sumDtype(d: DType): DType {
  return d === 'bool' ? 'int32' : d;
}

/**
 * Sums a gradient back to an operand's shape (reversing broadcasting): over leading axes the
 * operand lacks and over axes where it has size 1.
 */
export function sumTo(g: NDArray, shape: readonly number[]): NDArray {
  const nd = g.ndim;
  const lead = nd - shape.length;
  let same = lead === 0;
  const axes: number[] = [];
  for (let d = 0; d < nd; d++) {
    if (d < lead || (shape[d - lead] === 1 && g.shape[d] !== 1)) axes.push(d);
    else if (shape[d - lead] !== g.shape[d]) same = false;
  }
  if (axes.length === 0 && same) return g;
  return reduceWith(g, axes, false, sumDtype(g.dtype), sumKernel).out.reshape(shape);
}

/** The argument as an NDArray (nested lists and scalars converted). */
export const arr = (x: ArrayLike) => (x instanceof NDArray ? x : asArray(x));

/** The NDArray, or its value as a JS number when the caller asked for everything. */
export function result(out: NDArray, p: Parsed): NDArray | number {
  return p.full && !isRecording() ? out.data[out.offset]! : out;
}

/** g (shaped like the reduction's output) spread back over x's shape, times `scale`. */
export function spread(g: NDArray, x: NDArray, p: Parsed, scale = 1): NDArray {
  const b = broadcastCopy(g.reshape(reducedShape(x.shape, p.axes, true)), x.shape, 'float64');
  if (scale !== 1) for (let i = 0, d = b.data; i < d.length; i++) d[i]! *= scale;
  return b;
}

/** Number of elements each output combines. */
export function countOf(x: NDArray, p: Parsed): number {
  let n = 1;
  for (const a of p.axes) n *= x.shape[a]!;
  return n;
}

/** Sum then divide in place, as numpy's mean (int input accumulates in float64). */
export function meanRaw(a: NDArray, p: Parsed): NDArray {
  const { out } = reduceWith(a, p.axes, p.keepdims, floatType(a.dtype), sumKernel);
  const n = countOf(a, p);
  for (let i = 0, d = out.data; i < d.length; i++) d[i]! /= n;
  return out;
}
