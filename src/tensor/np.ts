// The `np` namespace cells see: numpy's names with numpy's semantics. Each function's doc
// comment (with an example) lives where it is defined.
export { NDArray } from './ndarray';
export type { DType } from './dtype';
export type { ArrayLike } from './convert';
export { array, asarray, zeros, ones, empty, full, eye, identity, arange, linspace, zeros_like, ones_like, full_like, empty_like, copy } from './creation';
export { add, subtract, multiply, divide, power, maximum, minimum, floor_divide, mod } from './binary';
export { negative, abs, square, sign, reciprocal, floor, ceil, round, exp, log, log1p, expm1, sqrt, tanh, sin, cos } from './unary';
export { equal, not_equal, greater, greater_equal, less, less_equal, logical_and, logical_or, logical_xor, logical_not, isnan, isfinite, isinf } from './compare';
export { where, clip } from './elementwise-select';
export { sum, mean, max, min, prod, nansum, nanmean, all, any } from './reduce';
export { argmax, argmin, std, var } from './reduce-stats';
export { matmul, dot, outer, linalg } from './linalg';
export { slice, mask, take } from './indexing';
export { put } from './assign';
export { concatenate, stack, vstack, hstack } from './join';
export { transpose, swapaxes, moveaxis, squeeze, expand_dims, ravel, flatten, broadcast_to } from './manipulation';
export { random } from './random';
export { grad } from './autograd';
export { formatArray as array_repr, arrayStr as array_str } from './print';
export { reshape, shape, float64, float32, int32, int64, pi, e, inf, nan, newaxis } from './extras';
