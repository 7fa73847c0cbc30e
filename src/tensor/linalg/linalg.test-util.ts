// Test helpers for the linear-algebra suites: numpy's fixtures decoded into NDArrays, a seeded
// generator, element-wise comparison, and a plain triple-loop product as the reference.
import { expect } from 'chai';
import { NDArray, contiguousData } from '../ndarray';
import { allocate } from '../dtype';
import type { DType } from '../dtype';
import { record } from '../tape';
import fixtures from '../fixtures/linalg.json';

export interface EncodedArray {
  readonly shape: number[];
  readonly dtype: DType;
  readonly data: (number | boolean)[];
}
export type Encoded = EncodedArray | number;

export interface FixtureCase {
  readonly name: string;
  readonly inputs: Encoded[];
  readonly kwargs: Record<string, unknown>;
  /** For eigh: { eigenvalues, eigenvectors } (read it through `unknown`). */
  readonly expected?: Encoded;
  readonly error?: boolean;
}

/** The cases scripts/fixtures/linalg.py wrote for one function. */
export function cases(fn: 'matmul' | 'dot' | 'outer' | 'norm' | 'eigh'): FixtureCase[] {
  return (fixtures as unknown as Record<string, FixtureCase[]>)[fn]!;
}

/** A fixture array as an NDArray (a fixture scalar as a 0-d float64 array). */
export function decode(e: Encoded): NDArray {
  if (typeof e === 'number') return new NDArray(Float64Array.of(e), []);
  const data = allocate(e.dtype, e.data.length);
  e.data.forEach((v, i) => (data[i] = Number(v)));
  return new NDArray(data, e.shape);
}

/** Asserts that `actual` (an NDArray or a number) matches a fixture within rtol/atol. */
export function expectClose(actual: NDArray | number, expected: Encoded, { rtol = 1e-12, atol = 1e-12, dtype = true } = {}, what = ''): void {
  if (typeof expected === 'number') {
    // numpy returned a scalar: we give a number, or a 0-d array when an input was an NDArray.
    const value = typeof actual === 'number' ? actual : (expect(actual.ndim, `${what}: numpy returned a scalar`).to.equal(0), Number(actual.item()));
    expect(Math.abs(value - expected), `${what}: ${value} vs ${expected}`).to.be.at.most(atol + rtol * Math.abs(expected));
    return;
  }
  expect(actual, what).to.be.instanceOf(NDArray);
  const a = actual as NDArray;
  expect(a.shape, `${what}: shape`).to.deep.equal(expected.shape);
  if (dtype) expect(a.dtype, `${what}: dtype`).to.equal(expected.dtype);
  const got = contiguousData(a);
  expected.data.forEach((v, i) => {
    const e = Number(v);
    expect(Math.abs(got[i]! - e), `${what}: element ${i}: ${got[i]} vs ${e}`).to.be.at.most(atol + rtol * Math.abs(e));
  });
}

/** A small seeded generator (mulberry32), so that failures reproduce. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

/** A contiguous array of the given shape filled from `rand`. */
export function randomArray(shape: number[], rand: () => number, dtype: DType = 'float64'): NDArray {
  let n = 1;
  for (const d of shape) n *= d;
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) data[i] = dtype === 'int32' ? Math.round(rand() * 20) : rand();
  return new NDArray(data, shape);
}

/** The product of two 2-D arrays by the textbook triple loop over contiguous copies, in double. */
export function referenceProduct(a: NDArray, b: NDArray): Float64Array {
  const [n, k] = a.shape as [number, number];
  const m = b.shape[1]!;
  const x = contiguousData(a);
  const y = contiguousData(b);
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += x[i * k + t]! * y[t * m + j]!;
      out[i * m + j] = s;
    }
  }
  return out;
}

/** Asserts |a - b| <= tol·(1 + |b|) element-wise. */
export function expectAllClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number, what = ''): void {
  expect(a.length, `${what}: length`).to.equal(b.length);
  for (let i = 0; i < a.length; i++) {
    expect(Math.abs(a[i]! - b[i]!), `${what}: element ${i}: ${a[i]} vs ${b[i]}`).to.be.at.most(tol * (1 + Math.abs(b[i]!)));
  }
}

/**
 * Σ x[i]·(1 + 0.37 i) as a 0-d array, recorded on the tape: a scalar loss for checkGrad whose
 * gradient differs per element, so that misplaced gradient entries show.
 */
export function weightedSum(x: NDArray): NDArray {
  const d = contiguousData(x);
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i]! * (1 + 0.37 * i);
  const out = new NDArray(Float64Array.of(s), []);
  record(out, [x], (g) => {
    const gv = Number(g.data[g.offset]);
    return [new NDArray(Float64Array.from({ length: x.size }, (_, i) => gv * (1 + 0.37 * i)), [...x.shape])];
  });
  return out;
}
