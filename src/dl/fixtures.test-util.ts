// Test helpers: decoding src/dl/fixtures/dl.json (written by scripts/fixtures/dl.py) and
// comparing arrays with a tolerance.
import { expect } from 'chai';
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import fixtures from './fixtures/dl.json';

/** A number of the fixture: JSON has no inf or nan, so the script writes them as strings. */
export type FxNumber = number | string;
export interface FxArray {
  readonly shape: readonly number[];
  readonly data: readonly FxNumber[];
}

export const fx = fixtures;

export function num(v: FxNumber): number {
  if (typeof v === 'number') return v;
  return v === 'inf' ? Infinity : v === '-inf' ? -Infinity : NaN;
}

/** A fixture array as a float64 NDArray. */
export function arr(a: FxArray): NDArray {
  return np.array(a.data.map(num), 'float64').reshape([...a.shape]);
}

/** A fixture dictionary of arrays. */
export function dict(d: Readonly<Record<string, FxArray>>): Record<string, NDArray> {
  const out: Record<string, NDArray> = {};
  for (const [k, v] of Object.entries(d)) out[k] = arr(v);
  return out;
}

/** Asserts same shape and |a - b| <= tol · max(1, |b|) elementwise (a relative tolerance for big values). */
export function expectClose(a: NDArray, b: NDArray, tol = 1e-12, what = 'array'): void {
  expect(a.shape, `${what}: shape`).to.deep.equal(b.shape);
  const x = np.ravel(a).tolist() as number[];
  const y = np.ravel(b).tolist() as number[];
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(x[i]! - y[i]!);
    expect(d, `${what}[${i}]: ${x[i]} vs ${y[i]}`).to.be.at.most(tol * Math.max(1, Math.abs(y[i]!)));
  }
}
