// Test helper: checks autograd against two-sided finite differences in float64. It uses only
// the core (no op modules), so every op module's tests can use it.
import { expect } from 'chai';
import { NDArray, contiguousData } from './ndarray';
import { runGrad } from './tape';

function addRaw(a: NDArray, b: NDArray): NDArray {
  const x = contiguousData(a);
  const y = contiguousData(b);
  const out = new Float64Array(a.size);
  for (let i = 0; i < out.length; i++) out[i] = x[i]! + y[i]!;
  return new NDArray(out, [...a.shape]);
}

function filledRaw(like: NDArray, value: number): NDArray {
  return new NDArray(new Float64Array(like.size).fill(value), [...like.shape]);
}

/** np.grad as index.ts wires it, for tests that run before index.ts exists. */
export function gradOf(fn: () => NDArray, params: readonly NDArray[]) {
  return runGrad(fn, params, addRaw, filledRaw);
}

/**
 * Asserts that the gradient of `f(...inputs)` (which must return a size-1 array) with respect
 * to every float64 input matches central differences: |analytic - numeric| <= tol * (1 + |numeric|).
 */
export function checkGrad(f: (...xs: NDArray[]) => NDArray, inputs: readonly NDArray[], { eps = 1e-6, tol = 1e-6 } = {}): void {
  const { grads } = gradOf(() => f(...inputs), inputs);
  inputs.forEach((x, k) => {
    expect(x.contiguous, 'checkGrad inputs must be contiguous').to.equal(true);
    expect(grads[k]!.shape).to.deep.equal(x.shape);
    const analytic = contiguousData(grads[k]!);
    const data = x.data;
    for (let i = 0; i < x.size; i++) {
      const j = x.offset + i;
      const keep = data[j]!;
      data[j] = keep + eps;
      const up = Number(f(...inputs).item());
      data[j] = keep - eps;
      const down = Number(f(...inputs).item());
      data[j] = keep;
      const numeric = (up - down) / (2 * eps);
      const a = analytic[i]!;
      expect(Math.abs(a - numeric), `d/dx${k}[${i}]: analytic ${a} vs numeric ${numeric}`).to.be.at.most(tol * (1 + Math.abs(numeric)));
    }
  });
}
