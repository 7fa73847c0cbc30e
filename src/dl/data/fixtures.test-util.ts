// Typed access to src/dl/fixtures/data.json (scripts/fixtures/data.py) for the data-set tests.
import { expect } from 'chai';
import fx from '../fixtures/data.json';
import type { NDArray } from '../../tensor';

export interface Arr {
  shape: number[];
  data: number[];
}

export interface Case {
  name: string;
  seed: number;
  n: number | number[];
  options: Record<string, unknown>;
  X: Arr;
  y: Arr;
  centers?: Arr;
  next: number;
}

interface Fixtures {
  circles: Case[];
  moons: Case[];
  blobs: Case[];
  regularization: { seed: number; train: { X: Arr; Y: Arr }; test: { X: Arr; Y: Arr } };
  temperatures: { seed: number; days: Arr; temps: Arr };
}

export const fixtures = fx as unknown as Fixtures;

/** Same shape and every value within `tol` (0: bit for bit). */
export function expectClose(got: NDArray, want: Arr, tol: number, what: string): void {
  expect(got.shape, `${what}: shape`).to.deep.equal(want.shape);
  const g = Array.from(got.data);
  if (tol === 0) {
    expect(g, what).to.deep.equal(want.data);
    return;
  }
  let worst = 0;
  for (let i = 0; i < g.length; i++) worst = Math.max(worst, Math.abs(g[i]! - want.data[i]!));
  expect(worst, `${what}: largest difference`).to.be.at.most(tol);
}
