// Float digits as numpy's Dragon4 produces them, built on JS's own number-to-string conversions.
// `toExponential()` gives the shortest digits that round-trip a float64 (Dragon4's "unique"
// mode); float32 needs a short search with Math.fround. When numpy caps the digits (precision 8)
// it rounds the exact binary value half to even; JS's toFixed/toExponential round the exact
// value too but half away from zero, so exact ties (values like 1/512) are detected and fixed.

/** x = d0.d1d2... × 10^exp, with no trailing zeros in `digits` (except "0" itself). */
export interface Digits {
  readonly digits: string;
  readonly exp: number;
}

function parseExp(s: string): Digits {
  const e = s.indexOf('e');
  let digits = s.slice(0, e).replace('.', '');
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  return { digits, exp: Number(s.slice(e + 1)) };
}

/**
 * Shortest round-trip digits of a positive finite x, as a float64 or as a float32.
 * @example shortestDigits(Math.fround(0.1), true) // { digits: '1', exp: -1 }
 */
export function shortestDigits(x: number, f32: boolean): Digits {
  if (!f32) return parseExp(x.toExponential());
  for (let p = 1; p <= 9; p++) {
    // Rounded half to even: at an exact tie both neighbours round-trip and Dragon4 keeps the even.
    const s = roundExpText(x, p - 1);
    const v = Number(s);
    if (Math.fround(v) === x) return parseExp(s);
    // Next to a power of two the rounding interval is lopsided: the nearest p-digit decimal can
    // miss it while the one on the other side of x falls inside (and Dragon4 would print that).
    const e = s.indexOf('e');
    const m = Number(s.slice(0, e).replace('.', ''));
    const alt = Number(`${v < x ? m + 1 : m - 1}e${Number(s.slice(e + 1)) - (p - 1)}`);
    if (Math.fround(alt) === x) return parseExp(alt.toExponential(p - 1));
  }
  return parseExp(x.toExponential(8));
}

const bits = new DataView(new ArrayBuffer(8));

/** Whether x equals D × 10^e10 exactly (x = m × 2^k, compared as big integers). */
function isExact(x: number, D: bigint, e10: number): boolean {
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = BigInt(hi & 0xfffff) * 4294967296n + BigInt(lo);
  let k = -1074;
  if (biased !== 0) {
    m += 1n << 52n;
    k = biased - 1075;
  }
  let left = m;
  let right = D;
  if (k >= 0) left <<= BigInt(k);
  else right <<= BigInt(-k);
  if (e10 >= 0) right *= 10n ** BigInt(e10);
  else left *= 10n ** BigInt(-e10);
  return left === right;
}

/** Whether the digit before the last of a numeric string (skipping a '.') is even. */
function evenBeforeLast(t: string): boolean {
  let i = t.length - 2;
  if (t.charCodeAt(i) === 46) i--;
  return (t.charCodeAt(i) - 48) % 2 === 0;
}

/** ax ≥ 0 rounded to `frac` fractional digits, half to even on the exact value: [int, fraction]. */
function roundFixed(ax: number, frac: number): [string, string] {
  let s = ax.toFixed(frac);
  const t = ax.toFixed(frac + 1);
  if (t.endsWith('5') && evenBeforeLast(t) && isExact(ax, BigInt(t.replace('.', '')), -(frac + 1))) s = t.slice(0, -1);
  const dot = s.indexOf('.');
  if (dot < 0) return [s, ''];
  let end = s.length;
  while (end > dot + 1 && s.charCodeAt(end - 1) === 48) end--;
  return [s.slice(0, dot), s.slice(dot + 1, end)];
}

/** ax > 0 in toExponential's form with 1 + `frac` significant digits, half to even on the exact value. */
function roundExpText(ax: number, frac: number): string {
  const t = ax.toExponential(frac + 1);
  const e = t.indexOf('e');
  const mant = t.slice(0, e);
  if (mant.endsWith('5') && evenBeforeLast(mant) && isExact(ax, BigInt(mant.replace('.', '')), Number(t.slice(e + 1)) - (frac + 1))) {
    return mant.slice(0, -1) + t.slice(e);
  }
  return ax.toExponential(frac);
}

function roundExp(ax: number, frac: number): Digits {
  return parseExp(roundExpText(ax, frac));
}

/**
 * Positional digits of a finite x as Dragon4 prints them in unique mode with at most
 * `precision` fractional digits: [sign and integer part, fractional digits (no trailing zeros)].
 * @example positionalParts(-2.5, false, 8) // ['-2', '5']
 */
export function positionalParts(x: number, f32: boolean, precision: number): [string, string] {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const ax = Math.abs(x);
  if (ax === 0) return [sign + '0', ''];
  const { digits, exp } = shortestDigits(ax, f32);
  if (digits.length - 1 - exp > precision) {
    const [int, frac] = roundFixed(ax, precision);
    return [sign + int, frac];
  }
  if (exp >= 0) return [sign + digits.slice(0, exp + 1).padEnd(exp + 1, '0'), digits.slice(exp + 1)];
  return [sign + '0', '0'.repeat(-exp - 1) + digits];
}

/**
 * Scientific digits of a finite x as Dragon4 prints them in unique mode with at most
 * `precision` digits after the point: [sign and leading digit, other digits, exponent].
 * With `minDigits`, a shorter unique form is extended with the exact value's own next digits
 * (rounded), not with zeros: float32 2**-20 is 9.536743e-07 but 9.5367432e-07 with 7 digits.
 * @example scientificParts(1.5e-5, false, 8) // ['1', '5', -5]
 */
export function scientificParts(x: number, f32: boolean, precision: number, minDigits = 0): [string, string, number] {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const ax = Math.abs(x);
  if (ax === 0) return [sign + '0', '', 0];
  let d = shortestDigits(ax, f32);
  const frac = d.digits.length - 1;
  if (frac > precision) d = roundExp(ax, precision);
  else if (frac < minDigits) d = roundExp(ax, minDigits);
  return [sign + d.digits[0]!, d.digits.slice(1), d.exp];
}

/**
 * An exponent as numpy writes it: sign, then at least `minDigits` (and at least 2) digits.
 * @example exponentText(-5, 2) // 'e-05'
 */
export function exponentText(exp: number, minDigits: number): string {
  return (exp < 0 ? 'e-' : 'e+') + String(Math.abs(exp)).padStart(Math.max(2, minDigits), '0');
}

/**
 * numpy's `str` of a float scalar (also what `str` prints for a 0-d array): shortest digits,
 * positional with at least one fractional digit for 1e-4 <= |x| < 1e16 (1e6 for float32),
 * else scientific.
 * @example floatScalarStr(1e16, false) // '1e+16'
 */
export function floatScalarStr(x: number, f32: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const ax = Math.abs(x);
  if (ax === 0 || (ax >= 1e-4 && ax < (f32 ? 1e6 : 1e16))) {
    const [int, frac] = positionalParts(x, f32, Infinity);
    return `${int}.${frac || '0'}`;
  }
  const [lead, frac, exp] = scientificParts(x, f32, Infinity);
  return lead + (frac ? '.' + frac : '') + exponentText(exp, 2);
}
