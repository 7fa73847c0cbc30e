// The arithmetic ops as kernel descriptors (internal): JS expressions per computation kind
// (float, int32 with wrap-around, bool) and numpy's dtype rules. binary.ts wraps them as the
// public functions; other modules use them to compute without recording on the tape.
import type { DType } from './dtype';
import type { BinaryOp } from './elementwise';
import { BinaryKernels } from './elementwise-kernels';
import { contiguousData } from './ndarray';
import type { NDArray } from './ndarray';

function anyNegative(x: NDArray | number): boolean {
  if (typeof x === 'number') return x < 0;
  const d = contiguousData(x);
  for (let i = 0; i < d.length; i++) if (d[i]! < 0) return true;
  return false;
}

export const ADD: BinaryOp = { kernels: new BinaryKernels('add', ['x + y', 'x + y', 'x | y']), result: 'same' };
export const SUBTRACT: BinaryOp = {
  kernels: new BinaryKernels('subtract', ['x - y', 'x - y', 'x - y']),
  result: 'same',
  boolError: 'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
};
export const MULTIPLY: BinaryOp = { kernels: new BinaryKernels('multiply', ['x * y', 'Math.imul(x, y)', 'x & y']), result: 'same' };
export const DIVIDE: BinaryOp = { kernels: new BinaryKernels('divide', ['x / y', 'x / y', 'x / y']), result: 'float' };
export const POWER: BinaryOp = {
  // Squares (Adam's np.power(d, 2)) skip the call: Math.pow(x, 2) is exactly x * x.
  kernels: new BinaryKernels('power', ['y === 2 ? x * x : cpow(x, y)', 'intPow(x, y)', 'intPow(x, y)']),
  result: 'same',
  boolAs: 'int32',
  validate: (_a: NDArray, b: NDArray | number, dtype: DType) => {
    if (dtype === 'int32' && anyNegative(b)) throw new Error('Integers to negative integer powers are not allowed.');
  },
};
// numpy's `x > y || x !== x ? x : y` (ties give y, visible only as the sign of a zero; NaN wins),
// as a branch-free select: see SEL in elementwise-kernels.ts (Math.max branches as well).
const select = (test: string) => `(SEL[0] = y, SEL[1] = x, SEL[${test}])`;
const MAX_EXPR = select('+(x > y) | +(x !== x)');
const MIN_EXPR = select('+(x < y) | +(x !== x)');
export const MAXIMUM: BinaryOp = { kernels: new BinaryKernels('maximum', [MAX_EXPR, MAX_EXPR, 'x | y']), result: 'same' };
export const MINIMUM: BinaryOp = { kernels: new BinaryKernels('minimum', [MIN_EXPR, MIN_EXPR, 'x & y']), result: 'same' };
export const FLOOR_DIVIDE: BinaryOp = { kernels: new BinaryKernels('floor_divide', ['floorDiv(x, y)', 'y === 0 ? 0 : Math.floor(x / y)', '0']), result: 'same', boolAs: 'int32' };
export const MOD: BinaryOp = { kernels: new BinaryKernels('remainder', ['pyMod(x, y)', 'y === 0 ? 0 : x - Math.floor(x / y) * y', '0']), result: 'same', boolAs: 'int32' };
// Share of the gradient that goes to x in maximum/minimum: all of it when x wins, half on a tie.
export const MAX_SHARE: BinaryOp = { kernels: new BinaryKernels('maximum_share', ['x > y ? 1 : x === y ? 0.5 : 0', '0', '0']), result: 'float' };
export const MIN_SHARE: BinaryOp = { kernels: new BinaryKernels('minimum_share', ['x < y ? 1 : x === y ? 0.5 : 0', '0', '0']), result: 'float' };
