// Arithmetic with numpy broadcasting: add, subtract, multiply, divide, power, maximum, minimum,
// floor_divide, mod — and the backward rules of the differentiable ones, which sum the gradient
// back over broadcast axes. A JS number operand is a constant: it is not recorded as an input,
// and the rule learns which side held the array from `saved`.
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { binaryRaw } from './elementwise';
import type { BinaryOp, OutOptions } from './elementwise';
import { ADD, DIVIDE, FLOOR_DIVIDE, MAXIMUM, MAX_SHARE, MINIMUM, MIN_SHARE, MOD, MULTIPLY, POWER, SUBTRACT } from './elementwise-ops';
import { NDArray, contiguousData } from './ndarray';
import { sumTo } from './reduce-core';
import { isRecording, record } from './tape';
import type { BackwardRule } from './tape';

/** The operands as the backward rules see them: arrays, or the JS numbers they were. */
interface Operands {
  readonly a: NDArray | number;
  readonly b: NDArray | number;
}

/** Forward with recording; runs only inside an autograd scope. */
function recorded(op: BinaryOp, a: ArrayLike, b: ArrayLike, out: NDArray | undefined, rule: BackwardRule): NDArray {
  const x = a instanceof NDArray || typeof a === 'number' || typeof a === 'boolean' ? a : asArray(a);
  const y = b instanceof NDArray || typeof b === 'number' || typeof b === 'boolean' ? b : asArray(b);
  if (out !== undefined && (out === x || out === y)) {
    throw new Error(`${op.kernels.name}: writing into an operand with { out } cannot be differentiated; leave out \`out\` inside np.grad`);
  }
  const res = binaryRaw(op, x, y, out);
  const saved: Operands = { a: typeof x === 'boolean' ? +x : x, b: typeof y === 'boolean' ? +y : y };
  const inputs: NDArray[] = [];
  if (saved.a instanceof NDArray) inputs.push(saved.a);
  if (saved.b instanceof NDArray) inputs.push(saved.b);
  record(res, inputs, rule, saved);
  return res;
}

/** Gradients in the order of the recorded inputs (the array operands). */
function pack(s: Operands, ga: () => NDArray, gb: () => NDArray): NDArray[] {
  const r: NDArray[] = [];
  if (s.a instanceof NDArray) r.push(sumTo(ga(), s.a.shape));
  if (s.b instanceof NDArray) r.push(sumTo(gb(), s.b.shape));
  return r;
}

const neg = (g: NDArray) => binaryRaw(SUBTRACT, 0, g);
const float = (x: NDArray | number) => (typeof x === 'number' || x.dtype === 'float64' || x.dtype === 'float32' ? x : x.astype('float64'));

const addBackward: BackwardRule = (g, _i, _o, saved) => pack(saved as Operands, () => g, () => g);
const subtractBackward: BackwardRule = (g, _i, _o, saved) => pack(saved as Operands, () => g, () => neg(g));
const multiplyBackward: BackwardRule = (g, _i, _o, saved) => {
  const s = saved as Operands;
  return pack(s, () => binaryRaw(MULTIPLY, g, s.b), () => binaryRaw(MULTIPLY, g, s.a));
};
const divideBackward: BackwardRule = (g, _i, out, saved) => {
  const s = saved as Operands;
  // d(a/b)/db = -a/b² = -out/b
  return pack(s, () => binaryRaw(DIVIDE, g, s.b), () => neg(binaryRaw(DIVIDE, binaryRaw(MULTIPLY, g, out), s.b)));
};

/** log(x) with log(0) taken as 0: d(0^b)/db is 0 for b > 0, not 0·(-inf). */
function logOrZero(x: NDArray | number): NDArray | number {
  if (typeof x === 'number') return x === 0 ? 0 : Math.log(x);
  const d = contiguousData(x);
  const o = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) o[i] = d[i] === 0 ? 0 : Math.log(d[i]!);
  return new NDArray(o, x.shape);
}

const powerBackward: BackwardRule = (g, _i, out, saved) => {
  const s = saved as Operands;
  return pack(
    s,
    () => binaryRaw(MULTIPLY, g, binaryRaw(MULTIPLY, s.b, binaryRaw(POWER, float(s.a), typeof s.b === 'number' ? s.b - 1 : binaryRaw(SUBTRACT, s.b, 1)))),
    () => binaryRaw(MULTIPLY, binaryRaw(MULTIPLY, g, out), logOrZero(s.a)),
  );
};

function shareBackward(share: BinaryOp): BackwardRule {
  return (g, _i, _o, saved) => {
    const s = saved as Operands;
    const ga = () => binaryRaw(MULTIPLY, g, binaryRaw(share, s.a, s.b));
    return pack(s, ga, () => binaryRaw(SUBTRACT, g, ga()));
  };
}
const maximumBackward = shareBackward(MAX_SHARE);
const minimumBackward = shareBackward(MIN_SHARE);

/**
 * Elementwise a + b with broadcasting. Two bool arrays give bool (logical or), as numpy.
 * @example np.add(W, 1); np.add(Z, b, { out: Z })
 */
export function add(a: ArrayLike, b: ArrayLike, opts?: OutOptions): NDArray {
  return isRecording() ? recorded(ADD, a, b, opts?.out, addBackward) : binaryRaw(ADD, a, b, opts?.out);
}

/**
 * Elementwise a - b with broadcasting (bool - bool is a TypeError, as numpy).
 * @example np.subtract(W, np.multiply(lr, dW), { out: W })
 */
export function subtract(a: ArrayLike, b: ArrayLike, opts?: OutOptions): NDArray {
  return isRecording() ? recorded(SUBTRACT, a, b, opts?.out, subtractBackward) : binaryRaw(SUBTRACT, a, b, opts?.out);
}

/**
 * Elementwise a * b with broadcasting. Two bool arrays give bool (logical and), as numpy.
 * @example np.multiply(dA, mask)
 */
export function multiply(a: ArrayLike, b: ArrayLike, opts?: OutOptions): NDArray {
  return isRecording() ? recorded(MULTIPLY, a, b, opts?.out, multiplyBackward) : binaryRaw(MULTIPLY, a, b, opts?.out);
}

/**
 * True division: always a float result (int / int is float64); 1/0 = inf, 0/0 = nan.
 * @example np.divide(np.sum(loss), m)
 */
export function divide(a: ArrayLike, b: ArrayLike, opts?: OutOptions): NDArray {
  return isRecording() ? recorded(DIVIDE, a, b, opts?.out, divideBackward) : binaryRaw(DIVIDE, a, b, opts?.out);
}

/**
 * Elementwise a ** b. Integers to negative integer powers throw, as numpy. Gradient with
 * respect to the exponent uses log(a) (taken as 0 where a = 0; nan for negative a).
 * @example np.power(x, 2)
 */
export function power(a: ArrayLike, b: ArrayLike, opts?: OutOptions): NDArray {
  return isRecording() ? recorded(POWER, a, b, opts?.out, powerBackward) : binaryRaw(POWER, a, b, opts?.out);
}

/**
 * Elementwise larger value; nan if either is nan. Gradient goes to the larger operand; on a
 * tie each gets half (so ReLU written as np.maximum(Z, 0) has gradient 0.5 at exactly 0).
 * @example np.maximum(Z, 0)
 */
export function maximum(a: ArrayLike, b: ArrayLike, opts?: OutOptions): NDArray {
  return isRecording() ? recorded(MAXIMUM, a, b, opts?.out, maximumBackward) : binaryRaw(MAXIMUM, a, b, opts?.out);
}

/**
 * Elementwise smaller value; nan if either is nan. Gradient as maximum's (ties split).
 * @example np.minimum(x, 1)
 */
export function minimum(a: ArrayLike, b: ArrayLike, opts?: OutOptions): NDArray {
  return isRecording() ? recorded(MINIMUM, a, b, opts?.out, minimumBackward) : binaryRaw(MINIMUM, a, b, opts?.out);
}

/**
 * Python's a // b (rounds toward -inf); integer division by 0 gives 0, as numpy. Not
 * differentiable (not recorded).
 * @example np.floor_divide(idx, 10)
 */
export function floor_divide(a: ArrayLike, b: ArrayLike, opts?: OutOptions): NDArray {
  return binaryRaw(FLOOR_DIVIDE, a, b, opts?.out);
}

/**
 * Python's a % b: the result has the sign of b; integer mod 0 gives 0. Not differentiable.
 * @example np.mod(i, 2)
 */
export function mod(a: ArrayLike, b: ArrayLike, opts?: OutOptions): NDArray {
  return binaryRaw(MOD, a, b, opts?.out);
}
