// Test helpers shared by the tensor tests: fixture decoding, seeded inputs, a weighted-sum loss.
import { allocate } from './dtype';
import type { DType } from './dtype';
import { NDArray, contiguousData } from './ndarray';
import { record } from './tape';

/** An array as scripts/fixtures/arrays.py writes it. */
export interface Encoded {
  shape: number[];
  dtype: DType;
  data: (number | boolean)[];
}

export function decode(e: Encoded): NDArray {
  const data = allocate(e.dtype, e.data.length);
  e.data.forEach((v, i) => (data[i] = Number(v)));
  return new NDArray(data, e.shape);
}

/** A differentiable scalar Σ w_i x_i with fixed uneven weights, so every gradient entry is distinct. */
export function wsum(x: NDArray): NDArray {
  const xd = contiguousData(x);
  const w = Float64Array.from({ length: x.size }, (_, i) => Math.sin(i + 1) + 0.5);
  let s = 0;
  for (let i = 0; i < x.size; i++) s += w[i]! * xd[i]!;
  const out = new NDArray(new Float64Array([s]), []);
  record(out, [x], (g) => [new NDArray(w.map((v) => v * Number(g.item())), [...x.shape])]);
  return out;
}

/**
 * Seeded uniform test arrays (a small LCG, independent of np.random so tests of np.random's
 * users are not coupled to it). Each generator has its own state.
 */
export function seededArrays(seed: number): (shape: readonly number[], lo?: number, hi?: number) => NDArray {
  let s = seed;
  return (shape, lo = -1, hi = 1) => {
    const n = shape.reduce((p, d) => p * d, 1);
    const data = Float64Array.from({ length: n }, () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return lo + ((hi - lo) * s) / 2147483648;
    });
    return new NDArray(data, [...shape]);
  };
}
