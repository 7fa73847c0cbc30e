import { expect } from 'chai';
import { NDArray, contiguousData } from '../ndarray';
import { eigh, eigvalsh } from './eigh';
import { cases, decode, expectClose, randomArray, rng } from './linalg.test-util';
import type { EncodedArray } from './linalg.test-util';

/** max |A v_j - w_j v_j| and max |VᵀV - I| over one n×n matrix of a stack. */
function residuals(A: Float64Array | Float32Array, w: ArrayLike<number>, V: ArrayLike<number>, n: number, t = 0): [number, number] {
  let av = 0;
  let orth = 0;
  const a0 = t * n * n;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      // numpy reads the lower triangle only; so does the check.
      for (let k = 0; k < n; k++) s += A[a0 + (i >= k ? i * n + k : k * n + i)]! * V[a0 + k * n + j]!;
      av = Math.max(av, Math.abs(s - w[t * n + j]! * V[a0 + i * n + j]!));
    }
    for (let l = 0; l < n; l++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += V[a0 + k * n + j]! * V[a0 + k * n + l]!;
      orth = Math.max(orth, Math.abs(s - (j === l ? 1 : 0)));
    }
  }
  return [av, orth];
}

describe('linalg.eigh', () => {
  for (const c of cases('eigh')) {
    it(`${c.name}: eigenvalues as numpy's, A v = λ v, V orthonormal`, () => {
      const A = decode(c.inputs[0]!);
      const { eigenvalues, eigenvectors } = eigh(A);
      const expected = c.expected as unknown as { eigenvalues: EncodedArray; eigenvectors: EncodedArray };
      expectClose(eigenvalues, expected.eigenvalues, { rtol: 0, atol: 1e-10 }, 'eigenvalues');
      expect(eigenvectors.shape).to.deep.equal(expected.eigenvectors.shape);
      const n = A.shape[A.ndim - 1]!;
      const w = contiguousData(eigenvalues);
      const V = contiguousData(eigenvectors);
      for (let t = 0; t < A.size / (n * n); t++) {
        const [av, orth] = residuals(A.data as Float64Array, w, V, n, t);
        expect(av, 'A v - λ v').to.be.below(1e-12);
        expect(orth, 'VᵀV - I').to.be.below(1e-12);
      }
    });
  }

  it('handles n up to 100 and reads only the lower triangle', () => {
    const rand = rng(23);
    const n = 100;
    const A = randomArray([n, n], rand);
    const { eigenvalues, eigenvectors } = eigh(A);
    const [av, orth] = residuals(A.data as Float64Array, eigenvalues.data, eigenvectors.data, n);
    expect(av).to.be.below(1e-11);
    expect(orth).to.be.below(1e-12);
    const w = Array.from(eigenvalues.data);
    expect(w).to.deep.equal([...w].sort((x, y) => x - y));
  });

  it('keeps float32 and accepts nested arrays', () => {
    const r = eigh(new NDArray(Float32Array.of(2, 1, 1, 2), [2, 2]));
    expect(r.eigenvalues.dtype).to.equal('float32');
    expect(Array.from(eigvalsh([[2, 1], [1, 2]]).data)).to.satisfy((w: number[]) => Math.abs(w[0]! - 1) < 1e-15 && Math.abs(w[1]! - 3) < 1e-15);
  });

  it('raises numpy\'s errors', () => {
    expect(() => eigh([1, 2])).to.throw('eigh: 1-dimensional array given. Array must be at least two-dimensional');
    expect(() => eigh([[1, 2, 3], [4, 5, 6]])).to.throw('eigh: Last 2 dimensions of the array must be square');
    expect(() => eigvalsh([[NaN, 0], [0, 1]])).to.throw(/infs or NaNs/);
  });
});
