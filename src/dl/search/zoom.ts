// Coarse to fine: after a coarse random search, search again only where the best trials were.
import { isSampler } from './space';
import type { ConfigOf, NumericSampler, Space } from './space';
import { ranked } from './trials';
import type { SearchResult, Trial } from './trials';

export interface ZoomOptions {
  /** Fraction of the successful trials that defines the new region (default 0.25; at least 2 trials). */
  keep?: number;
  /** Lower scores are better; defaults to the search result's own setting, else true. */
  minimize?: boolean;
  /**
   * Widen each numeric range by this fraction of its width on each side, on the sampler's own
   * scale, within the old bounds (default 0: exactly the min and max of the kept trials).
   */
  margin?: number;
}

// Each numeric kind maps to the line on which it is drawn uniformly, and back.
const SCALES: Record<NumericSampler['kind'], { to: (v: number) => number; from: (u: number) => number }> = {
  uniform: { to: (v) => v, from: (u) => u },
  intRange: { to: (v) => v, from: (u) => u },
  logUniform: { to: Math.log10, from: (u) => 10 ** u },
  oneMinusLog: { to: (v) => Math.log10(1 - v), from: (u) => 1 - 10 ** u },
};

function narrow(s: NumericSampler, values: number[], margin: number): NumericSampler {
  const { to, from } = SCALES[s.kind];
  // oneMinusLog runs backwards (larger beta, smaller log10(1 - beta)), so order after mapping.
  const us = values.map(to);
  const [oldA, oldB] = [to(s.lo), to(s.hi)].sort((a, b) => a - b) as [number, number];
  let a = Math.min(...us);
  let b = Math.max(...us);
  const pad = margin * (b - a);
  a = Math.max(oldA, a - pad);
  b = Math.min(oldB, b + pad);
  // Without a margin, the kept values themselves: no round trip through log10 and back.
  let [lo, hi] = pad === 0 ? [Math.min(...values), Math.max(...values)] : ([from(a), from(b)].sort((x, y) => x - y) as [number, number]);
  if (s.kind === 'intRange') [lo, hi] = [Math.floor(lo), Math.ceil(hi)];
  // Round trips through log10 may step a hair outside the old bounds; the region never grows.
  return { kind: s.kind, lo: Math.max(s.lo, Math.min(lo, s.hi)), hi: Math.min(s.hi, Math.max(hi, s.lo)) };
}

/**
 * A narrower space around the best trials (coarse to fine): each numeric dimension becomes the
 * min..max of the top `keep` fraction of trials, drawn on the same scale as before (a
 * logUniform stays logUniform); a choice keeps the values the top trials used; constants stay.
 * @example
 * const coarse = dl.search.randomSearch({ space, trials: 40, seed: 0, objective });
 * const fine = dl.search.randomSearch({ space: dl.search.zoom(space, coarse, { keep: 0.25 }), trials: 40, seed: 1, objective });
 */
export function zoom<S extends Space>(space: S, results: SearchResult<ConfigOf<S>> | readonly Trial<ConfigOf<S>>[], options: ZoomOptions = {}): S {
  const { keep = 0.25, margin = 0 } = options;
  if (!(keep > 0 && keep <= 1)) throw new RangeError(`zoom: keep must be in (0, 1], got ${keep}`);
  const minimize = options.minimize ?? (Array.isArray(results) ? true : (results as SearchResult<ConfigOf<S>>).minimize);
  const list = Array.isArray(results) ? (results as readonly Trial<ConfigOf<S>>[]) : (results as SearchResult<ConfigOf<S>>).trials;
  const ok = ranked(list, minimize);
  if (ok.length === 0) throw new Error('zoom: no successful trial to zoom in on');
  const top = ok.slice(0, Math.min(ok.length, Math.max(2, Math.ceil(keep * ok.length))));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(space)) {
    const s = space[key];
    const values = top.map((t) => (t.config as Record<string, unknown>)[key]);
    if (!isSampler(s)) out[key] = s;
    else if (s.kind === 'choice') {
      const used = s.values.filter((v) => values.includes(v));
      out[key] = { kind: 'choice', values: used.length ? used : s.values };
    } else {
      const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      out[key] = nums.length ? narrow(s, nums, margin) : s;
    }
  }
  return out as S;
}
