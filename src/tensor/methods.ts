// Method forms for chaining (`W.dot(X).add(b)`), attached to NDArray's prototype here so that
// ndarray.ts stays free of the op modules (which import it).
import { NDArray } from './ndarray';
import type { ArrayLike } from './convert';
import type { OutOptions } from './elementwise';
import type { ReduceArg } from './reduce-core';
import { add, subtract, multiply, divide, power, maximum, minimum } from './binary';
import { negative, abs, square, exp, log, sqrt, tanh } from './unary';
import { equal, greater, greater_equal, less, less_equal, not_equal } from './compare';
import { clip } from './elementwise-select';
import { sum, mean, max, min, prod, all, any } from './reduce';
import { argmax, argmin, std, var as variance } from './reduce-stats';
import { dot, matmul } from './linalg';
import { slice, take } from './indexing';
import type { IndexSpec } from './indexing';
import { put } from './assign';
import { transpose, squeeze, flatten, ravel } from './manipulation';
import { formatArray } from './print';

declare module './ndarray' {
  interface NDArray {
    add(b: ArrayLike, opts?: OutOptions): NDArray;
    sub(b: ArrayLike, opts?: OutOptions): NDArray;
    mul(b: ArrayLike, opts?: OutOptions): NDArray;
    div(b: ArrayLike, opts?: OutOptions): NDArray;
    pow(b: ArrayLike, opts?: OutOptions): NDArray;
    maximum(b: ArrayLike, opts?: OutOptions): NDArray;
    minimum(b: ArrayLike, opts?: OutOptions): NDArray;
    neg(): NDArray;
    abs(): NDArray;
    square(): NDArray;
    exp(): NDArray;
    log(): NDArray;
    sqrt(): NDArray;
    tanh(): NDArray;
    eq(b: ArrayLike): NDArray;
    ne(b: ArrayLike): NDArray;
    gt(b: ArrayLike): NDArray;
    ge(b: ArrayLike): NDArray;
    lt(b: ArrayLike): NDArray;
    le(b: ArrayLike): NDArray;
    clip(lo: ArrayLike | null, hi: ArrayLike | null): NDArray;
    /** Matrix product as numpy's `a.dot(b)`; a plain number for two vectors. */
    dot(b: ArrayLike): NDArray | number;
    matmul(b: ArrayLike): NDArray | number;
    sum(arg?: ReduceArg): number | NDArray;
    mean(arg?: ReduceArg): number | NDArray;
    max(arg?: ReduceArg): number | NDArray;
    min(arg?: ReduceArg): number | NDArray;
    prod(arg?: ReduceArg): number | NDArray;
    std(arg?: ReduceArg): number | NDArray;
    var(arg?: ReduceArg): number | NDArray;
    all(arg?: ReduceArg): boolean | NDArray;
    any(arg?: ReduceArg): boolean | NDArray;
    argmax(axis?: number): number | NDArray;
    argmin(axis?: number): number | NDArray;
    /** numpy's `a[...]` as a view: `X.slice(':', '0:64')` is `X[:, 0:64]`. */
    slice(...specs: IndexSpec[]): NDArray;
    take(indices: ArrayLike, axis?: number): NDArray;
    /** In-place assignment, numpy's `a[...] = values`: `A.put([':', 0], 1)`. */
    put(where: IndexSpec | readonly IndexSpec[] | ArrayLike, values: ArrayLike): NDArray;
    transpose(...axes: number[]): NDArray;
    squeeze(axis?: number): NDArray;
    flatten(): NDArray;
    ravel(): NDArray;
  }
}

const P = NDArray.prototype;
P.add = function (b, opts) { return add(this, b, opts); };
P.sub = function (b, opts) { return subtract(this, b, opts); };
P.mul = function (b, opts) { return multiply(this, b, opts); };
P.div = function (b, opts) { return divide(this, b, opts); };
P.pow = function (b, opts) { return power(this, b, opts); };
P.maximum = function (b, opts) { return maximum(this, b, opts); };
P.minimum = function (b, opts) { return minimum(this, b, opts); };
P.neg = function () { return negative(this); };
P.abs = function () { return abs(this); };
P.square = function () { return square(this); };
P.exp = function () { return exp(this); };
P.log = function () { return log(this); };
P.sqrt = function () { return sqrt(this); };
P.tanh = function () { return tanh(this); };
P.eq = function (b) { return equal(this, b); };
P.ne = function (b) { return not_equal(this, b); };
P.gt = function (b) { return greater(this, b); };
P.ge = function (b) { return greater_equal(this, b); };
P.lt = function (b) { return less(this, b); };
P.le = function (b) { return less_equal(this, b); };
P.clip = function (lo, hi) { return clip(this, lo, hi); };
P.dot = function (b) { return dot(this, b); };
P.matmul = function (b) { return matmul(this, b); };
P.sum = function (arg) { return sum(this, arg); };
P.mean = function (arg) { return mean(this, arg); };
P.max = function (arg) { return max(this, arg); };
P.min = function (arg) { return min(this, arg); };
P.prod = function (arg) { return prod(this, arg); };
P.std = function (arg) { return std(this, arg); };
P.var = function (arg) { return variance(this, arg); };
P.all = function (arg) { return all(this, arg); };
P.any = function (arg) { return any(this, arg); };
P.argmax = function (axis) { return axis === undefined ? argmax(this) : argmax(this, axis); };
P.argmin = function (axis) { return axis === undefined ? argmin(this) : argmin(this, axis); };
P.slice = function (...specs) { return slice(this, ...specs); };
P.take = function (indices, axis) { return take(this, indices, axis); };
P.put = function (where, values) { put(this, where, values); return this; };
P.transpose = function (...axes) { return transpose(this, axes.length ? axes : null); };
P.squeeze = function (axis) { return squeeze(this, axis); };
P.flatten = function () { return flatten(this); };
P.ravel = function () { return ravel(this); };
P.toString = function () { return formatArray(this); };
// A size-1 array (a loss, a 0-d dot product) works where JS wants a number; a bigger one says
// why `a + b` cannot work on arrays instead of silently concatenating strings.
Object.defineProperty(P, Symbol.toPrimitive, {
  value: function (this: NDArray, hint: string) {
    if (hint === 'string') return formatArray(this);
    if (this.size === 1) return Number(this.data[this.offset]);
    throw new TypeError(`JS operators (+, -, *, <, ...) do not work on arrays of shape (${this.shape.join(',')}): use np.add(a, b) or a.add(b)`);
  },
});
// How the kernel's repr() and display() show an array: numpy's repr.
Object.defineProperty(P, Symbol.for('nabla.repr'), { value: function (this: NDArray) { return formatArray(this); } });
Object.defineProperty(P, Symbol.for('nabla.mimebundle'), { value: function (this: NDArray) { return { 'text/plain': formatArray(this) }; } });
