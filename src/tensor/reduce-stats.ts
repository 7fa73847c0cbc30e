// argmax/argmin (one axis or the flattened array, as numpy) and var/std (with ddof, computed as
// numpy does — mean, deviations, sum of squares — so results match its rounding).
import type { ArrayLike } from './convert';
import { binaryRaw } from './elementwise';
import { MULTIPLY, SUBTRACT } from './elementwise-ops';
import { NDArray, contiguousData } from './ndarray';
import { arr, countOf, meanRaw, parseReduce, reduceWith, reducedShape, result, spread } from './reduce-core';
import type { Parsed, ReduceOptions } from './reduce-core';
import { argmaxKernel, argminKernel, sumKernel } from './reduce-kernels';
import type { ReduceKernel } from './reduce-kernels';
import { isRecording, record } from './tape';
import type { BackwardRule } from './tape';

/** argmax/argmin take one axis (or none: the index into the flattened array). */
export interface ArgOptions {
  axis?: number | null;
  keepdims?: boolean;
}
type ArgFull = { axis?: null; keepdims?: false } | null | undefined;
type ArgAxis = number | (ArgOptions & { axis: number }) | (ArgOptions & { keepdims: true });

function argReduce(x: ArrayLike, arg: number | ArgOptions | null | undefined, name: string, kernel: ReduceKernel): number | NDArray {
  const a = arr(x);
  const axis = typeof arg === 'number' || arg === null || arg === undefined ? arg : arg.axis;
  if (axis !== undefined && axis !== null && typeof axis !== 'number') throw new TypeError(`${name} takes a single axis, not a list`);
  const p = parseReduce(a, arg);
  const shape = reducedShape(a.shape, p.axes, p.keepdims);
  if (countOf(a, p) === 0 && shape.every((d) => d > 0)) throw new Error(`attempt to get ${name} of an empty sequence`);
  const { out } = reduceWith(a, p.axes, p.keepdims, 'int32', kernel);
  // Indices are never on the tape, so a full argmax is a number even inside np.grad.
  return p.full ? out.data[0]! : out;
}

/**
 * Index of the largest element (the first one on ties; the first nan if any). Without an axis
 * it indexes the flattened array and is a JS number. int32 (numpy: int64).
 * @example np.argmax(probs, 0)
 */
export function argmax(x: ArrayLike, arg?: ArgFull): number;
export function argmax(x: ArrayLike, arg: ArgAxis): NDArray;
export function argmax(x: ArrayLike, arg?: number | ArgOptions | null): number | NDArray;
export function argmax(x: ArrayLike, arg?: number | ArgOptions | null): number | NDArray {
  return argReduce(x, arg, 'argmax', argmaxKernel);
}

/**
 * Index of the smallest element (first on ties; first nan if any).
 * @example np.argmin(distances, { axis: 1 })
 */
export function argmin(x: ArrayLike, arg?: ArgFull): number;
export function argmin(x: ArrayLike, arg: ArgAxis): NDArray;
export function argmin(x: ArrayLike, arg?: number | ArgOptions | null): number | NDArray;
export function argmin(x: ArrayLike, arg?: number | ArgOptions | null): number | NDArray {
  return argReduce(x, arg, 'argmin', argminKernel);
}

/** var/std options: `ddof` is the "delta degrees of freedom" (divide by n - ddof). */
export interface VarOptions extends ReduceOptions {
  ddof?: number;
}
type VarFull = { axis?: null; keepdims?: false; ddof?: number } | null | undefined;
type VarAxis = number | readonly number[] | (VarOptions & { axis: number | readonly number[] }) | (VarOptions & { keepdims: true });
type VarArg = VarOptions | number | readonly number[] | null | undefined;

interface VarSaved {
  readonly p: Parsed;
  /** x - mean, shaped like x. */
  readonly dev: NDArray;
  readonly denom: number;
}

function varRaw(a: NDArray, arg: VarArg): { out: NDArray; p: Parsed; saved: VarSaved } {
  const p = parseReduce(a, arg);
  const ddof = typeof arg === 'object' && arg !== null && !Array.isArray(arg) ? ((arg as VarOptions).ddof ?? 0) : 0;
  const mean = meanRaw(a, { axes: p.axes, keepdims: true, full: false });
  const dev = binaryRaw(SUBTRACT, a, mean);
  const sq = binaryRaw(MULTIPLY, dev, dev);
  const { out } = reduceWith(sq, p.axes, p.keepdims, sq.dtype, sumKernel);
  // numpy divides by max(n - ddof, 0): 0 gives inf or nan, without an exception.
  const denom = Math.max(countOf(a, p) - ddof, 0);
  for (let i = 0, d = out.data; i < d.length; i++) d[i]! /= denom;
  return { out, p, saved: { p, dev, denom } };
}

/** d var / dx = 2 (x - mean) / (n - ddof); for std, divided by 2 std. */
function devGrad(g: NDArray, x: NDArray, s: VarSaved, std: NDArray | null): NDArray {
  let gg = g;
  if (std !== null) {
    const G = contiguousData(g);
    const S = contiguousData(std);
    const d = new Float64Array(G.length);
    for (let i = 0; i < d.length; i++) d[i] = G[i]! / S[i]!;
    gg = new NDArray(d, g.shape);
  }
  const b = spread(gg, x, s.p);
  const D = contiguousData(s.dev);
  const f = (std === null ? 2 : 1) / s.denom;
  for (let i = 0, o = b.data; i < o.length; i++) o[i]! *= D[i]! * f;
  return b;
}

const varBackward: BackwardRule = (g, inputs, _o, saved) => [devGrad(g, inputs[0]!, saved as VarSaved, null)];
const stdBackward: BackwardRule = (g, inputs, out, saved) => [devGrad(g, inputs[0]!, saved as VarSaved, out)];

/**
 * Variance, mean((x - mean(x))²) divided by n - ddof (ddof = 0 by default, as numpy).
 * @example np.var(Z, { axis: 0, keepdims: true })
 */
function variance(x: ArrayLike, arg?: VarFull): number;
function variance(x: ArrayLike, arg: VarAxis): NDArray;
function variance(x: ArrayLike, arg?: VarArg): number | NDArray;
function variance(x: ArrayLike, arg?: VarArg): number | NDArray {
  const a = arr(x);
  const { out, p, saved } = varRaw(a, arg);
  if (isRecording()) record(out, [a], varBackward, saved);
  return result(out, p);
}
// `var` is a reserved word: exported under numpy's name.
export { variance as var };

/**
 * Standard deviation: sqrt(var) with the same options.
 * @example np.std(X, { axis: 1, keepdims: true, ddof: 1 })
 */
export function std(x: ArrayLike, arg?: VarFull): number;
export function std(x: ArrayLike, arg: VarAxis): NDArray;
export function std(x: ArrayLike, arg?: VarArg): number | NDArray;
export function std(x: ArrayLike, arg?: VarArg): number | NDArray {
  const a = arr(x);
  const { out, p, saved } = varRaw(a, arg);
  for (let i = 0, d = out.data; i < d.length; i++) d[i] = Math.sqrt(d[i]!);
  if (isRecording()) record(out, [a], stdBackward, saved);
  return result(out, p);
}
