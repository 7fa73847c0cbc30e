// numpy's legacy binomial (`legacy_random_binomial`): inversion when min(p, 1-p) * n <= 30,
// else Kachitvichyanukul and Schmeiser's BTPE. Transcribed step by step from
// numpy/random/src/distributions/distributions.c, keeping each expression's evaluation order
// so that every double, and so every accept/reject decision, is numpy's.
import { log } from './libm';
import type { MT19937 } from './mt19937';

/**
 * Setup values for the last (n, p), numpy's `binomial_t`. They depend only on (n, p), so the
 * cache saves work without changing any draw.
 *
 * @example const cache = new BinomialCache(); binomial(mt, cache, 100, 0.5)
 */
export class BinomialCache {
  n = -1;
  p = NaN;
  inversion = false;
  // Inversion: q, q^n, n*p and the search bound.
  q = 0;
  qn = 0;
  np = 0;
  bound = 0;
  // BTPE.
  r = 0;
  fm = 0;
  m = 0;
  p1 = 0;
  xm = 0;
  xl = 0;
  xr = 0;
  c = 0;
  laml = 0;
  lamr = 0;
  p2 = 0;
  p3 = 0;
  p4 = 0;
}

/**
 * One binomial(n, p) draw with numpy's legacy algorithm and word consumption. The caller has
 * checked n >= 0 (an integer) and 0 <= p <= 1. Unlike numpy's newer Generator, n = 0 or p = 0
 * still consumes a double, as the legacy code does.
 *
 * @example binomial(mt, new BinomialCache(), 10, 0.3)
 */
export function binomial(mt: MT19937, cache: BinomialCache, n: number, p: number): number {
  if (p <= 0.5) return p * n <= 30 ? inversion(mt, cache, n, p) : btpe(mt, cache, n, p);
  const q = 1 - p;
  return n - (q * n <= 30 ? inversion(mt, cache, n, q) : btpe(mt, cache, n, q));
}

function inversion(mt: MT19937, c: BinomialCache, n: number, p: number): number {
  if (!c.inversion || c.n !== n || c.p !== p) {
    c.n = n;
    c.p = p;
    c.inversion = true;
    c.q = 1 - p;
    // Math.exp may differ from glibc's exp in the last bit; q^n only sets where the search
    // starts, so that could change a draw only for a uniform within 1e-16 of a boundary.
    c.qn = Math.exp(n * log(c.q));
    c.np = n * p;
    c.bound = Math.trunc(Math.min(n, c.np + 10 * Math.sqrt(c.np * c.q + 1)));
  }
  const q = c.q;
  const qn = c.qn;
  const bound = c.bound;
  let x = 0;
  let px = qn;
  let u = mt.nextDouble();
  while (u > px) {
    x++;
    if (x > bound) {
      x = 0;
      px = qn;
      u = mt.nextDouble();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

function setupBtpe(c: BinomialCache, n: number, p: number): void {
  c.n = n;
  c.p = p;
  c.inversion = false;
  const r = Math.min(p, 1 - p);
  const q = 1 - r;
  c.r = r;
  c.q = q;
  c.fm = n * r + r;
  c.m = Math.floor(c.fm);
  c.p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  c.xm = c.m + 0.5;
  c.xl = c.xm - c.p1;
  c.xr = c.xm + c.p1;
  c.c = 0.134 + 20.5 / (15.3 + c.m);
  let a = (c.fm - c.xl) / (c.fm - c.xl * r);
  c.laml = a * (1 + a / 2);
  a = (c.xr - c.fm) / (c.xr * q);
  c.lamr = a * (1 + a / 2);
  c.p2 = c.p1 * (1 + 2 * c.c);
  c.p3 = c.p2 + c.c / c.laml;
  c.p4 = c.p3 + c.c / c.lamr;
}

/** Stirling-series correction term of BTPE's final test, as numpy writes it. */
function corr(x: number, x2: number): number {
  return (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
}

function btpe(mt: MT19937, c: BinomialCache, n: number, p: number): number {
  if (c.inversion || c.n !== n || c.p !== p) setupBtpe(c, n, p);
  const { r, q, fm, m, p1, xm, xl, xr, laml, lamr, p2, p3, p4 } = c;
  const cc = c.c;
  const nrq = n * r * q;
  // numpy's gotos become one loop: `continue` is "goto Step10" (reject, draw again).
  for (;;) {
    const u = mt.nextDouble() * p4;
    let v = mt.nextDouble();
    let y: number;
    if (u <= p1) {
      y = Math.floor(xm - p1 * v + u);
      return y; // Step 60 (p <= 0.5 here, so no reflection).
    }
    if (u <= p2) {
      const x = xl + (u - p1) / cc;
      v = v * cc + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + log(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = Math.floor(xr - log(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }
    // Step 50: accept or reject y, explicitly when it is near the mode, else by the squeeze.
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2 - 1)) {
      const s = r / q;
      const a = s * (n + 1);
      let f = 1;
      if (m < y) for (let i = m + 1; i <= y; i++) f *= a / i - s;
      else if (m > y) for (let i = y + 1; i <= m; i++) f /= a / i - s;
      if (v > f) continue;
      return y;
    }
    // Step 52.
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const A = log(v);
    if (A < t - rho) return y;
    if (A > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound =
      xm * log(f1 / x1) +
      (n - m + 0.5) * log(z / w) +
      (y - m) * log((w * r) / (x1 * q)) +
      corr(f1, f1 * f1) +
      corr(z, z * z) +
      corr(x1, x1 * x1) +
      corr(w, w * w);
    if (A > bound) continue;
    return y;
  }
}
