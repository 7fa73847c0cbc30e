// RandomState: numpy's legacy np.random, bit for bit. Same seed, same sequence of calls, same
// numbers as numpy's RandomState (MT19937 words, cached Gaussian, rejection loops and all).
import type { ArrayLike } from '../convert';
import type { TypedArray } from '../dtype';
import { NDArray } from '../ndarray';
import { binomial, BinomialCache } from './binomial';
import { fillBounded, fillNormal, fillUniform } from './distributions';
import type { GaussCache } from './distributions';
import { MT19937 } from './mt19937';
import { choose, permute, shuffleInPlace } from './sampling';
import type { ChoiceOptions } from './sampling';
import { productOf, shapeOfDims, shapeOfSize } from './size';
import type { Size } from './size';
import { entropyWords, seedGenerator } from './seeding';
import type { Seed } from './seeding';

/** A number when no shape was asked for (numpy returns a Python float), else a float64 array. */
function floats(shape: number[] | null, fill: (out: Float64Array) => void): number | NDArray {
  const out = new Float64Array(shape === null ? 1 : productOf(shape));
  fill(out);
  return shape === null ? out[0]! : new NDArray(out, shape);
}

function ints(shape: number[] | null, fill: (out: Int32Array) => void): number | NDArray {
  const out = new Int32Array(shape === null ? 1 : productOf(shape));
  fill(out);
  return shape === null ? out[0]! : new NDArray(out, shape);
}

/** numpy's `int(x)` for a bound: floats truncate toward zero. */
function asInt(x: number, name: string): number {
  if (typeof x !== 'number' || Number.isNaN(x)) throw new TypeError(`${name} must be an integer, got ${String(x)}`);
  return Math.trunc(x);
}

/**
 * numpy's legacy random number generator (`np.random.RandomState`): a Mersenne Twister with
 * numpy's seeding and numpy's algorithms for each distribution, so results match numpy exactly.
 *
 * @example const rs = new RandomState(42); rs.randn(2, 3)
 */
export class RandomState implements GaussCache {
  /** The bit generator; exposed for other modules that draw from the same stream. */
  readonly mt = new MT19937();
  hasGauss = false;
  gauss = 0;
  private readonly binomialCache = new BinomialCache();

  /** @example new RandomState(0).rand() // 0.5488135039273248 */
  constructor(seed?: Seed | null) {
    this.seed(seed);
  }

  /**
   * Reseeds: an integer in [0, 2**32), an array of such integers, or nothing for fresh entropy.
   * Also drops the cached Gaussian, as numpy does.
   *
   * @example np.random.seed(1); np.random.randn(2, 3)
   */
  seed(seed?: Seed | null): void {
    if (seed === undefined || seed === null) this.mt.seedByArray(entropyWords());
    else seedGenerator(this.mt, seed);
    this.hasGauss = false;
    this.gauss = 0;
  }

  /**
   * Uniform floats in [0, 1), shape given as arguments; a number when called with none.
   *
   * @example np.random.seed(0); np.random.rand(2, 2)
   */
  rand(): number;
  rand(...dims: [number, ...number[]]): NDArray;
  rand(...dims: number[]): number | NDArray;
  rand(...dims: number[]): number | NDArray {
    return floats(shapeOfDims(dims), (out) => fillUniform(this.mt, out, 0, 1));
  }

  /**
   * Uniform floats in [0, 1), `size` a length or a shape; a number when size is omitted.
   *
   * @example np.random.seed(0); np.random.random_sample([4, 2])
   */
  random_sample(size?: null): number;
  random_sample(size: number | readonly number[]): NDArray;
  random_sample(size?: Size): number | NDArray;
  random_sample(size?: Size): number | NDArray {
    return floats(shapeOfSize(size), (out) => fillUniform(this.mt, out, 0, 1));
  }

  /**
   * Same as `random_sample` (numpy's alias).
   *
   * @example np.random.seed(0); np.random.random(3)
   */
  random(size?: null): number;
  random(size: number | readonly number[]): NDArray;
  random(size?: Size): number | NDArray;
  random(size?: Size): number | NDArray {
    return this.random_sample(size);
  }

  /**
   * Standard normal floats, shape given as arguments; a number when called with none.
   *
   * @example np.random.seed(3); np.random.randn(4, 2) // first row [1.78862847, 0.43650985]
   */
  randn(): number;
  randn(...dims: [number, ...number[]]): NDArray;
  randn(...dims: number[]): number | NDArray;
  randn(...dims: number[]): number | NDArray {
    return floats(shapeOfDims(dims), (out) => fillNormal(this.mt, this, out, 0, 1));
  }

  /**
   * Standard normal floats, `size` a length or a shape; a number when size is omitted.
   *
   * @example np.random.seed(0); np.random.standard_normal([2, 3])
   */
  standard_normal(size?: null): number;
  standard_normal(size: number | readonly number[]): NDArray;
  standard_normal(size?: Size): number | NDArray;
  standard_normal(size?: Size): number | NDArray {
    return floats(shapeOfSize(size), (out) => fillNormal(this.mt, this, out, 0, 1));
  }

  /**
   * Normal floats with mean `loc` and standard deviation `scale`.
   *
   * @example np.random.seed(0); np.random.normal(0, 0.01, [3, 2])
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: number, scale: number, size: number | readonly number[]): NDArray;
  normal(loc?: number, scale?: number, size?: Size): number | NDArray;
  normal(loc = 0, scale = 1, size?: Size): number | NDArray {
    // numpy tests the sign bit, so -0.0 is refused too, and lets NaN through.
    if (scale < 0 || Object.is(scale, -0)) throw new Error('scale < 0');
    return floats(shapeOfSize(size), (out) => fillNormal(this.mt, this, out, loc, scale));
  }

  /**
   * Uniform floats in [low, high).
   *
   * @example np.random.seed(0); np.random.uniform(-1, 1, 5)
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: number, high: number, size: number | readonly number[]): NDArray;
  uniform(low?: number, high?: number, size?: Size): number | NDArray;
  uniform(low = 0, high = 1, size?: Size): number | NDArray {
    const range = high - low;
    if (!Number.isFinite(range)) throw new RangeError('Range exceeds valid bounds');
    return floats(shapeOfSize(size), (out) => fillUniform(this.mt, out, low, range));
  }

  /**
   * Integers in [low, high), or [0, low) with one bound; int32 results (numpy's default int64
   * stream: the same numbers for bounds that fit in int32).
   *
   * @example np.random.seed(0); np.random.randint(0, 10, 7); np.random.randint(5) // one int in 0..4
   */
  randint(low: number, high?: number | null, size?: null): number;
  randint(low: number, high: number | null | undefined, size: number | readonly number[]): NDArray;
  randint(low: number, high?: number | null, size?: Size): number | NDArray;
  randint(low: number, high?: number | null, size?: Size): number | NDArray {
    const shape = shapeOfSize(size);
    // numpy returns an empty array before looking at the bounds.
    if (shape !== null && productOf(shape) === 0) return new NDArray(new Int32Array(0), shape);
    let lo = asInt(low, 'low');
    let hi = high === undefined || high === null ? lo : asInt(high, 'high');
    if (high === undefined || high === null) lo = 0;
    hi -= 1; // numpy works with the closed interval [low, high - 1]
    if (lo < -(2 ** 31)) throw new Error('low is out of bounds for int32');
    if (hi > 2 ** 31 - 1) throw new Error('high is out of bounds for int32');
    if (lo > hi) throw new Error(lo === 0 ? 'high <= 0' : 'low >= high');
    return ints(shape, (out) => fillBounded(this.mt, out, lo, hi - lo));
  }

  /**
   * A shuffled arange(n), or a shuffled copy of an array along its first axis.
   *
   * @example np.random.seed(1); np.random.permutation(5)
   */
  permutation(x: number | ArrayLike): NDArray {
    return permute(this.mt, x);
  }

  /**
   * Shuffles in place along the first axis: an NDArray (rows move, each row intact), a JS array
   * or a typed array.
   *
   * @example const xs = [1, 2, 3, 4]; np.random.shuffle(xs)
   */
  shuffle(x: NDArray | unknown[] | TypedArray): void {
    shuffleInPlace(this.mt, x);
  }

  /**
   * Random picks from `a` (an array, or n for arange(n)), with or without replacement, uniform or
   * with probabilities `p`. A number when size is omitted.
   *
   * @example np.random.seed(0); np.random.choice(5, 3, { replace: false }); np.random.choice([10, 20, 30], 4, { p: [0.2, 0.5, 0.3] })
   */
  choice(a: number | ArrayLike, size?: null, options?: ChoiceOptions): number;
  choice(a: number | ArrayLike, size: number | readonly number[], options?: ChoiceOptions): NDArray;
  choice(a: number | ArrayLike, size?: Size, options?: ChoiceOptions): number | NDArray;
  choice(a: number | ArrayLike, size?: Size, options: ChoiceOptions = {}): number | NDArray {
    return choose(this.mt, a, size, options);
  }

  /**
   * Binomial draws: successes in n trials of probability p; int32 results. Dropout masks are
   * `binomial(1, keep, shape)`.
   *
   * @example np.random.seed(0); np.random.binomial(1, 0.8, [2, 5])
   */
  binomial(n: number, p: number, size?: null): number;
  binomial(n: number, p: number, size: number | readonly number[]): NDArray;
  binomial(n: number, p: number, size?: Size): number | NDArray;
  binomial(n: number, p: number, size?: Size): number | NDArray {
    const shape = shapeOfSize(size);
    if (!(p >= 0 && p <= 1)) throw new Error('p < 0, p > 1 or p is NaN');
    const trials = asInt(n, 'n');
    if (trials < 0) throw new Error('n < 0');
    if (trials > 2 ** 31 - 1) throw new Error('n is out of bounds for int32');
    const mt = this.mt;
    const cache = this.binomialCache;
    return ints(shape, (out) => {
      for (let i = 0; i < out.length; i++) out[i] = binomial(mt, cache, trials, p);
    });
  }
}
