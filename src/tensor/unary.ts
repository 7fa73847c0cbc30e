// Elementwise math of one array, numpy's semantics without its warnings: log(0) = -inf,
// log(-1) = nan, sqrt(-1) = nan. Float functions of int or bool arrays give float64. Each
// differentiable op's backward rule is a fused loop next to it.
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { checkOut, copyInto, unaryRaw } from './elementwise';
import type { OutOptions, UnaryOp } from './elementwise';
import { UnaryKernels, rint } from './elementwise-kernels';
import { NDArray, contiguousData } from './ndarray';
import type { TypedArray } from './dtype';
import { isRecording, record } from './tape';
import type { BackwardRule } from './tape';

const floatOp = (name: string, expr: string): UnaryOp => ({ kernels: new UnaryKernels(name, [expr, expr, expr]), result: 'float' });

const NEGATIVE: UnaryOp = {
  kernels: new UnaryKernels('negative', ['-x', '-x', 'x']),
  result: 'same',
  boolError: 'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
};
const ABS: UnaryOp = { kernels: new UnaryKernels('absolute', ['Math.abs(x)', 'Math.abs(x)', 'x']), result: 'same' };
const SQUARE: UnaryOp = { kernels: new UnaryKernels('square', ['x * x', 'Math.imul(x, x)', 'x']), result: 'same', boolAs: 'int32' };
const SIGN: UnaryOp = {
  kernels: new UnaryKernels('sign', ['x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x', 'x > 0 ? 1 : x < 0 ? -1 : 0', 'x']),
  result: 'same',
  boolError: "ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None",
};
// Integer reciprocal is C's 1/x (0 for |x| > 1); numpy's 1/0 gives INT_MIN, kept for parity.
const RECIPROCAL: UnaryOp = { kernels: new UnaryKernels('reciprocal', ['1 / x', 'x === 0 ? -2147483648 : (1 / x) | 0', 'x']), result: 'same', boolAs: 'int32' };
const FLOOR: UnaryOp = { kernels: new UnaryKernels('floor', ['Math.floor(x)', 'x', 'x']), result: 'same' };
const CEIL: UnaryOp = { kernels: new UnaryKernels('ceil', ['Math.ceil(x)', 'x', 'x']), result: 'same' };
const ROUND: UnaryOp = { kernels: new UnaryKernels('round', ['rint(x)', 'x', 'x']), result: 'same', boolAs: 'float64' };
const EXP = floatOp('exp', 'Math.exp(x)');
const LOG = floatOp('log', 'Math.log(x)');
const LOG1P = floatOp('log1p', 'Math.log1p(x)');
const EXPM1 = floatOp('expm1', 'Math.expm1(x)');
const SQRT = floatOp('sqrt', 'Math.sqrt(x)');
const TANH = floatOp('tanh', 'Math.tanh(x)');
const SIN = floatOp('sin', 'Math.sin(x)');
const COS = floatOp('cos', 'Math.cos(x)');

function run(op: UnaryOp, x: ArrayLike, opts: OutOptions | undefined, rule: BackwardRule | null): NDArray {
  const a = x instanceof NDArray ? x : asArray(x);
  const out = opts?.out;
  if (rule === null || !isRecording()) return unaryRaw(op, a, out);
  if (out === a) throw new Error(`${op.kernels.name}: writing into the operand with { out } cannot be differentiated; leave out \`out\` inside np.grad`);
  const res = unaryRaw(op, a, out);
  record(res, [a], rule);
  return res;
}

/** A backward rule from a loop over the gradient G, the input X and the output Y (all C order). */
function rule(loop: (G: TypedArray, X: TypedArray, Y: TypedArray, o: Float64Array) => void): BackwardRule {
  return (g, inputs, out) => {
    const G = contiguousData(g);
    const o = new Float64Array(G.length);
    loop(G, contiguousData(inputs[0]!), contiguousData(out), o);
    return [new NDArray(o, out.shape)];
  };
}

const negativeBackward = rule((G, _X, _Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = -G[i]!;
});
const absBackward = rule((G, X, _Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = X[i]! > 0 ? G[i]! : X[i]! < 0 ? -G[i]! : 0;
});
const squareBackward = rule((G, X, _Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = 2 * G[i]! * X[i]!;
});
const reciprocalBackward = rule((G, _X, Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = -G[i]! * Y[i]! * Y[i]!;
});
const expBackward = rule((G, _X, Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = G[i]! * Y[i]!;
});
const expm1Backward = rule((G, _X, Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = G[i]! * (Y[i]! + 1);
});
const logBackward = rule((G, X, _Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = G[i]! / X[i]!;
});
const log1pBackward = rule((G, X, _Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = G[i]! / (1 + X[i]!);
});
const sqrtBackward = rule((G, _X, Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = (0.5 * G[i]!) / Y[i]!;
});
const tanhBackward = rule((G, _X, Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = G[i]! * (1 - Y[i]! * Y[i]!);
});
const sinBackward = rule((G, X, _Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = G[i]! * Math.cos(X[i]!);
});
const cosBackward = rule((G, X, _Y, o) => {
  for (let i = 0; i < o.length; i++) o[i] = -G[i]! * Math.sin(X[i]!);
});

/**
 * Elementwise -x (a TypeError for bool arrays, as numpy).
 * @example np.negative(dZ)
 */
export function negative(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(NEGATIVE, x, opts, negativeBackward);
}

/**
 * Elementwise |x|, same dtype. Gradient sign(x), 0 at 0.
 * @example np.abs(np.subtract(yhat, y))
 */
export function abs(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(ABS, x, opts, absBackward);
}

/**
 * Elementwise x², same dtype (bool gives int32).
 * @example np.square(np.subtract(yhat, y))
 */
export function square(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(SQUARE, x, opts, squareBackward);
}

/**
 * -1, 0 or 1 by sign (nan stays nan); not differentiable (not recorded).
 * @example np.sign(W)
 */
export function sign(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(SIGN, x, opts, null);
}

/**
 * Elementwise 1/x (for integers C's truncating 1/x, as numpy).
 * @example np.reciprocal(sigma)
 */
export function reciprocal(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(RECIPROCAL, x, opts, reciprocalBackward);
}

/**
 * Rounds toward -inf; integer arrays are returned as they are (same dtype). Not recorded.
 * @example np.floor(np.multiply(x, 10))
 */
export function floor(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(FLOOR, x, opts, null);
}

/**
 * Rounds toward +inf; integer arrays keep their dtype. Not recorded.
 * @example np.ceil(np.divide(n, batch))
 */
export function ceil(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(CEIL, x, opts, null);
}

/**
 * Rounds to `decimals` places, halves to even as numpy (np.round(2.5) = 2). Not recorded.
 * @example np.round(accuracy, 3)
 */
export function round(x: ArrayLike, decimals = 0, opts?: OutOptions): NDArray {
  const a = x instanceof NDArray ? x : asArray(x);
  if (decimals === 0 || a.dtype === 'bool' || (a.dtype === 'int32' && decimals > 0)) return unaryRaw(ROUND, a, opts?.out);
  // numpy's recipe: scale, round half to even, unscale.
  const f = Math.pow(10, Math.abs(decimals));
  const src = contiguousData(a);
  const o = a.dtype === 'float32' ? new Float32Array(a.size) : a.dtype === 'int32' ? new Int32Array(a.size) : new Float64Array(a.size);
  if (decimals > 0) for (let i = 0; i < o.length; i++) o[i] = rint(src[i]! * f) / f;
  else for (let i = 0; i < o.length; i++) o[i] = rint(src[i]! / f) * f;
  const res = new NDArray(o, a.shape);
  return opts?.out ? copyInto(checkOut('round', opts.out, a.shape, a.dtype), res) : res;
}

/**
 * Elementwise e^x (float; int input gives float64). exp(1000) = inf.
 * @example np.exp(np.negative(Z))
 */
export function exp(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(EXP, x, opts, expBackward);
}

/**
 * Elementwise natural log: log(0) = -inf, log(-1) = nan.
 * @example np.log(A)
 */
export function log(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(LOG, x, opts, logBackward);
}

/**
 * log(1 + x), accurate for tiny x.
 * @example np.log1p(np.exp(Z))
 */
export function log1p(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(LOG1P, x, opts, log1pBackward);
}

/**
 * e^x - 1, accurate for tiny x.
 * @example np.expm1(x)
 */
export function expm1(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(EXPM1, x, opts, expm1Backward);
}

/**
 * Elementwise square root; sqrt(-1) = nan.
 * @example np.sqrt(np.add(v, 1e-8))
 */
export function sqrt(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(SQRT, x, opts, sqrtBackward);
}

/**
 * Elementwise hyperbolic tangent.
 * @example np.tanh(Z)
 */
export function tanh(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(TANH, x, opts, tanhBackward);
}

/**
 * Elementwise sine (radians).
 * @example np.sin(np.multiply(2 * Math.PI, t))
 */
export function sin(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(SIN, x, opts, sinBackward);
}

/**
 * Elementwise cosine (radians).
 * @example np.cos(theta)
 */
export function cos(x: ArrayLike, opts?: OutOptions): NDArray {
  return run(COS, x, opts, cosBackward);
}
