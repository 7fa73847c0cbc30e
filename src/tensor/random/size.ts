// numpy's `size` argument: omitted (one value, returned as a number), an int, or a shape.

/** What np.random functions take as `size`: a length, a shape, or nothing for one value. */
export type Size = number | readonly number[] | null | undefined;

function checkDim(d: number, what: (d: number) => string): void {
  if (typeof d !== 'number' || !Number.isInteger(d)) throw new TypeError(what(d));
  if (d < 0) throw new Error('negative dimensions are not allowed');
}

/**
 * The shape a `size` asks for, or null when it was omitted (numpy then returns a scalar).
 *
 * @example shapeOfSize([4, 2]) // [4, 2]; shapeOfSize(5) // [5]; shapeOfSize(undefined) // null
 */
export function shapeOfSize(size: Size): number[] | null {
  if (size === undefined || size === null) return null;
  const dims = typeof size === 'number' ? [size] : [...size];
  const msg = (d: number) => `expected a sequence of integers or a single integer, got '${String(d)}'`;
  for (const d of dims) checkDim(d, msg);
  return dims;
}

/**
 * The shape from rand/randn-style arguments, `rand(4, 2)`; null for `rand()`.
 *
 * @example shapeOfDims([4, 2]) // [4, 2]
 */
export function shapeOfDims(dims: readonly number[]): number[] | null {
  if (dims.length === 0) return null;
  for (const d of dims) {
    if (Array.isArray(d)) throw new TypeError(`'tuple' object cannot be interpreted as an integer (write rand(4, 2), not rand([4, 2]))`);
    checkDim(d, (v) => `'${typeof v === 'number' ? 'float' : typeof v}' object cannot be interpreted as an integer`);
  }
  return [...dims];
}

/**
 * The number of elements of a shape.
 *
 * @example productOf([4, 2]) // 8
 */
export function productOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
