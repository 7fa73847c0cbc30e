// The draws behind RandomState, each consuming generator words exactly as numpy's legacy code
// does (numpy/random/src/legacy/legacy-distributions.c and distributions/distributions.c), so
// that a mixed sequence of calls stays aligned with numpy's stream.
import { log } from './libm';
import type { MT19937 } from './mt19937';

/** The polar method's spare value: numpy's `aug_bitgen_t.has_gauss` / `.gauss`. */
export interface GaussCache {
  hasGauss: boolean;
  gauss: number;
}

/**
 * One standard normal, numpy's `legacy_gauss`: the polar Box-Muller method makes two values per
 * accepted pair and keeps the second for the next call, so an odd-length randn leaves a value
 * that the next normal-family call returns first.
 *
 * @example gauss(mt, { hasGauss: false, gauss: 0 })
 */
export function gauss(mt: MT19937, cache: GaussCache): number {
  if (cache.hasGauss) {
    cache.hasGauss = false;
    const g = cache.gauss;
    cache.gauss = 0;
    return g;
  }
  let x1: number;
  let x2: number;
  let r2: number;
  do {
    x1 = 2 * mt.nextDouble() - 1;
    x2 = 2 * mt.nextDouble() - 1;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1 || r2 === 0);
  // glibc's log, not Math.log: they differ in the last bit for ~5% of r2.
  const f = Math.sqrt((-2 * log(r2)) / r2);
  cache.gauss = f * x1;
  cache.hasGauss = true;
  return f * x2;
}

/**
 * Fills `out` with `loc + scale * gauss()` (numpy's `legacy_normal`; randn is loc 0, scale 1,
 * for which the expression returns the Gaussian unchanged).
 *
 * @example fillNormal(mt, cache, new Float64Array(5), 0, 1)
 */
export function fillNormal(mt: MT19937, cache: GaussCache, out: Float64Array, loc: number, scale: number): void {
  for (let i = 0; i < out.length; i++) out[i] = loc + scale * gauss(mt, cache);
}

/**
 * Fills `out` with `low + range * U`, U uniform in [0, 1) (numpy's `random_uniform`; rand is
 * low 0, range 1).
 *
 * @example fillUniform(mt, new Float64Array(5), 0, 1)
 */
export function fillUniform(mt: MT19937, out: Float64Array, low: number, range: number): void {
  for (let i = 0; i < out.length; i++) out[i] = low + range * mt.nextDouble();
}

/**
 * The smallest all-ones mask covering `max` (max < 2**32): draws are masked to it and
 * rejected while above max, numpy's `gen_mask`.
 *
 * @example maskFor(1000) // 1023
 */
export function maskFor(max: number): number {
  let m = max >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/**
 * An integer in [0, max], max < 2**32, by masked rejection: one word per attempt. This is both
 * numpy's `random_interval` (shuffle, permutation) and its `buffered_bounded_masked_uint32`
 * (randint's legacy path for ranges below 2**32), which consume the stream identically.
 *
 * @example interval(mt, 9) // uniform over 0..9
 */
export function interval(mt: MT19937, max: number): number {
  if (max === 0) return 0;
  const mask = maskFor(max);
  let v: number;
  do v = (mt.nextUint32() & mask) >>> 0;
  while (v > max);
  return v;
}

/**
 * Fills `out` with integers in [low, low + rng], rng < 2**32 (numpy's
 * `random_bounded_uint64_fill` with masking, the legacy `randint` path). A zero range draws
 * nothing, as numpy.
 *
 * @example fillBounded(mt, new Int32Array(7), 0, 9) // randint(0, 10, 7)
 */
export function fillBounded(mt: MT19937, out: Int32Array, low: number, rng: number): void {
  const n = out.length;
  if (rng === 0) {
    out.fill(low);
    return;
  }
  if (rng === 0xffffffff) {
    for (let i = 0; i < n; i++) out[i] = low + mt.nextUint32();
    return;
  }
  const mask = maskFor(rng);
  for (let i = 0; i < n; i++) {
    let v: number;
    do v = (mt.nextUint32() & mask) >>> 0;
    while (v > rng);
    out[i] = low + v;
  }
}
