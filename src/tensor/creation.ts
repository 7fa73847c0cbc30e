// Array creation, numpy's way. arange and linspace reproduce numpy's exact arithmetic (not just
// its values to within rounding) so that lessons comparing with numpy output match bit for bit.
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { allocate } from './dtype';
import type { DType } from './dtype';
import { NDArray, contiguousData } from './ndarray';
import { broadcastView, toShape } from './manipulation';
import type { ShapeLike } from './manipulation';
import { sizeOf } from './shape';

export type { ShapeLike } from './manipulation';

/**
 * A new array from nested lists (or a copy of an array). Without `dtype`, numpy's inference:
 * all booleans give `bool`, all integers `int32` (numpy's default int is int64), else `float64`.
 * @example np.array([[1, 2], [3, 4]])    // int32
 * @example np.array([0.5, 1], 'float32')
 */
export function array(x: ArrayLike, dtype?: DType): NDArray {
  if (x instanceof NDArray) return dtype === undefined || dtype === x.dtype ? x.copy() : x.astype(dtype);
  return asArray(x, dtype);
}

/**
 * As `array`, but returns an NDArray argument itself (no copy) when the dtype already matches.
 * @example np.asarray([1, 2, 3])
 */
export function asarray(x: ArrayLike, dtype?: DType): NDArray {
  return asArray(x, dtype);
}

/**
 * An array of zeros.
 * @example np.zeros([2, 3])
 * @example np.zeros(3, 'int32')
 */
export function zeros(shape: ShapeLike, dtype: DType = 'float64'): NDArray {
  const dims = toShape(shape);
  return new NDArray(allocate(dtype, sizeOf(dims)), dims);
}

/**
 * An array of ones.
 * @example np.ones([2, 2])
 */
export function ones(shape: ShapeLike, dtype: DType = 'float64'): NDArray {
  return full(shape, 1, dtype);
}

/**
 * numpy's `np.empty`. Typed arrays are always zero-filled, so this equals `zeros`.
 * @example np.empty([2, 3])
 */
export function empty(shape: ShapeLike, dtype: DType = 'float64'): NDArray {
  return zeros(shape, dtype);
}

/** The dtype numpy gives a Python scalar: bool, int (int32 here) or float. */
function scalarType(v: number | boolean): DType {
  if (typeof v === 'boolean') return 'bool';
  return Number.isInteger(v) && v <= 2147483647 && v >= -2147483648 ? 'int32' : 'float64';
}

/**
 * An array filled with `value` (a scalar, or an array broadcast to `shape`). The dtype defaults
 * to the value's: `bool` for booleans, `int32` for integers, else `float64` (a JS number cannot
 * tell `2.0` from `2`, so pass `'float64'` to get floats from an integral value).
 * @example np.full([2, 2], 7)
 * @example np.full([2, 2], 0.5)
 * @example np.full([2, 3], [1, 2, 3], 'float64')
 */
export function full(shape: ShapeLike, value: ArrayLike, dtype?: DType): NDArray {
  const dims = toShape(shape);
  if (typeof value === 'number' || typeof value === 'boolean') {
    const dt = dtype ?? scalarType(value);
    const data = allocate(dt, sizeOf(dims));
    data.fill(dt === 'bool' ? (Number(value) !== 0 ? 1 : 0) : Number(value));
    return new NDArray(data, dims);
  }
  const v = asArray(value);
  const b = broadcastView(v, dims);
  const src = contiguousData(b);
  const dt = dtype ?? v.dtype;
  const data = allocate(dt, src.length);
  if (dt === 'bool') for (let i = 0; i < src.length; i++) data[i] = src[i] !== 0 ? 1 : 0;
  else data.set(src);
  return new NDArray(data, dims);
}

/**
 * A 2-D array with ones on the k-th diagonal (main diagonal by default) and zeros elsewhere.
 * @example np.eye(3)
 * @example np.eye(2, 3, 1)
 */
export function eye(n: number, m?: number | null, k = 0, dtype: DType = 'float64'): NDArray {
  const cols = m ?? n;
  const out = zeros([n, cols], dtype);
  if (!Number.isInteger(k)) throw new TypeError(`k must be an integer, got ${k}`);
  for (let i = Math.max(0, -k); i < n && i + k < cols; i++) out.data[i * cols + i + k] = 1;
  return out;
}

/**
 * The n×n identity matrix.
 * @example np.identity(3)
 */
export function identity(n: number, dtype: DType = 'float64'): NDArray {
  return eye(n, n, 0, dtype);
}

/**
 * Evenly spaced values in [start, stop) with the given step, numpy's `arange`: `arange(stop)`
 * or `arange(start, stop, step?)`. Integer arguments give `int32` (`float64` beyond int32's range),
 * any fractional one `float64`.
 * The length is ceil((stop - start) / step), so a float step may give one more element than
 * expected (`np.arange(1, 1.3, 0.1)` has 4); prefer linspace for float ranges.
 * @example np.arange(5)            // array([0, 1, 2, 3, 4])
 * @example np.arange(10, 0, -3)    // array([10,  7,  4,  1])
 * @example np.arange(0, 1, 0.25)   // array([0.  , 0.25, 0.5 , 0.75])
 */
export function arange(start: number, stop?: number | null, step?: number | null, dtype?: DType): NDArray {
  if (stop === undefined || stop === null) {
    stop = start;
    start = 0;
  }
  step ??= 1;
  if (step === 0) throw new RangeError('arange: step must not be zero (numpy: division by zero)');
  const dt = dtype ?? (scalarType(start) === 'int32' && scalarType(stop) === 'int32' && scalarType(step) === 'int32' ? 'int32' : 'float64');
  const q = Math.ceil((stop - start) / step);
  if (Number.isNaN(q)) throw new RangeError('arange: cannot compute length');
  if (!Number.isFinite(q) || q > 2 ** 31) throw new RangeError('arange: maximum allowed size exceeded');
  const n = Math.max(0, q);
  const out = allocate(dt, n);
  if (dt === 'bool') {
    // numpy refuses bool ranges longer than 2 (there is no arithmetic on bools to fill with).
    if (n > 2) throw new TypeError('arange: no fill-function for data-type bool (more than 2 elements)');
    if (n > 0) out[0] = start !== 0 ? 1 : 0;
    if (n > 1) out[1] = start + step !== 0 ? 1 : 0;
    return new NDArray(out, [n]);
  }
  // numpy stores start and start + step in the output dtype, takes their difference as the
  // step actually used, and fills out[i] = out[0] + i * delta in that dtype's arithmetic.
  if (n > 0) out[0] = start;
  if (n > 1) out[1] = start + step;
  const s = out[0] ?? 0;
  if (dt === 'float32') {
    const delta = Math.fround((out[1] ?? 0) - s);
    for (let i = 2; i < n; i++) out[i] = s + Math.fround(i * delta);
  } else {
    const delta = (out[1] ?? 0) - s;
    for (let i = 2; i < n; i++) out[i] = s + i * delta;
  }
  return new NDArray(out, [n]);
}

/** Options of `linspace`, as numpy's keyword arguments. */
export interface LinspaceOptions {
  /** Whether `stop` is the last sample (default true). */
  readonly endpoint?: boolean;
  /** Result dtype (default float64); integer dtypes floor the samples, as numpy does. */
  readonly dtype?: DType;
}

/**
 * `num` evenly spaced samples from start to stop, with numpy's exact formula
 * (`i * ((stop - start) / div) + start`, the last set to stop), so values match numpy bit for bit.
 * @example np.linspace(0, 1, 5)                        // array([0.  , 0.25, 0.5 , 0.75, 1.  ])
 * @example np.linspace(0, 1, 4, { endpoint: false })   // array([0.  , 0.25, 0.5 , 0.75])
 */
export function linspace(start: number, stop: number, num = 50, { endpoint = true, dtype = 'float64' }: LinspaceOptions = {}): NDArray {
  if (!Number.isInteger(num)) throw new TypeError(`'${num}' cannot be interpreted as an integer (linspace num)`);
  if (num < 0) throw new RangeError(`Number of samples, ${num}, must be non-negative.`);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const y = new Float64Array(num);
  if (div > 0) {
    const step = delta / div;
    // numpy divides first when the step underflows to zero (denormal ranges, gh-5437).
    if (step === 0) for (let i = 0; i < num; i++) y[i] = (i / div) * delta + start;
    else for (let i = 0; i < num; i++) y[i] = i * step + start;
  } else {
    for (let i = 0; i < num; i++) y[i] = i * delta + start;
  }
  if (endpoint && num > 1) y[num - 1] = stop;
  if (dtype === 'float64') return new NDArray(y, [num]);
  if (dtype === 'int32') for (let i = 0; i < num; i++) y[i] = Math.floor(y[i]!);
  return new NDArray(y, [num]).astype(dtype);
}

function likeOf(a: ArrayLike): NDArray {
  return asArray(a);
}

/**
 * Zeros with the shape (and by default the dtype) of `a`.
 * @example np.zeros_like(W)
 */
export function zeros_like(a: ArrayLike, dtype?: DType): NDArray {
  const x = likeOf(a);
  return zeros(x.shape, dtype ?? x.dtype);
}

/**
 * Ones with the shape (and by default the dtype) of `a`.
 * @example np.ones_like(W)
 */
export function ones_like(a: ArrayLike, dtype?: DType): NDArray {
  const x = likeOf(a);
  return full(x.shape, 1, dtype ?? x.dtype);
}

/**
 * `value` with the shape and (by default) dtype of `a`; the value is cast to that dtype, so
 * `np.full_like(intArray, 0.5)` is all zeros, as in numpy.
 * @example np.full_like(W, 0.01)
 */
export function full_like(a: ArrayLike, value: ArrayLike, dtype?: DType): NDArray {
  const x = likeOf(a);
  return full(x.shape, value, dtype ?? x.dtype);
}

/**
 * numpy's `empty_like`; zero-filled here, like every fresh typed array.
 * @example np.empty_like(W)
 */
export function empty_like(a: ArrayLike, dtype?: DType): NDArray {
  return zeros_like(a, dtype);
}

/**
 * A contiguous copy with its own buffer (differentiable: the gradient passes through).
 * @example const b = np.copy(a)
 */
export function copy(a: ArrayLike): NDArray {
  return a instanceof NDArray ? a.copy() : asArray(a);
}
