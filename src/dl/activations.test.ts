// Activations: values, the backward helpers against finite differences, and the tape.
import { expect } from 'chai';
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { checkGrad } from '../tensor/gradcheck.test-util';
import * as act from './activations';
import { arr, expectClose, fx } from './fixtures.test-util';

/** A fixed pseudo-random matrix with entries in [-3, 3], away from 0 (where ReLU has a kink). */
function sample(rows: number, cols: number, seed = 11): NDArray {
  const rs = new np.random.RandomState(seed);
  const x = rs.uniform(0.1, 3, [rows, cols]);
  return np.multiply(x, np.where(np.less(rs.rand(rows, cols), 0.5), -1, 1));
}

/** Central differences of sum(f(Z) * G) with respect to Z: the dZ a backward helper should give for dA = G. */
function numericBackward(f: (Z: NDArray) => NDArray, Z: NDArray, G: NDArray, eps = 1e-6): NDArray {
  const out = np.zeros(Z.shape);
  const z = np.array(Z);
  for (let i = 0; i < z.size; i++) {
    const keep = z.data[z.offset + i]!;
    z.data[z.offset + i] = keep + eps;
    const up = np.sum(np.multiply(f(z), G));
    z.data[z.offset + i] = keep - eps;
    const down = np.sum(np.multiply(f(z), G));
    z.data[z.offset + i] = keep;
    out.data[i] = (up - down) / (2 * eps);
  }
  return out;
}

describe('dl activations', () => {
  it('softmax([5, 2, -1, 3]) = [0.842, 0.042, 0.002, 0.114] (the lecture), as numpy', () => {
    const s = act.softmax(np.array([5, 2, -1, 3]));
    expect((np.round(s, 3).tolist() as number[])).to.deep.equal([0.842, 0.042, 0.002, 0.114]);
    expectClose(s, arr(fx.softmax.softmax), 1e-15);
    // Columns are examples: each column sums to 1; huge scores do not overflow.
    const S = act.softmax(np.array([[1000, 1], [1001, 2], [999, 3]]));
    expectClose(np.sum(S, 0) as NDArray, np.ones([2]), 1e-15);
    expect(Number.isFinite(S.get(0, 0) as number)).to.equal(true);
  });

  it('computes sigmoid, relu, leakyRelu and tanh with the course formulas', () => {
    const Z = np.array([[-800, -1, 0, 2]]);
    expect(act.sigmoid(Z).tolist()).to.deep.equal([[0, 1 / (1 + Math.exp(1)), 0.5, 1 / (1 + Math.exp(-2))]]);
    expect(act.relu(Z).tolist()).to.deep.equal([[0, 0, 0, 2]]);
    expect(act.leakyRelu(Z, 0.1).tolist()).to.deep.equal([[-80, -0.1, 0, 2]]);
    expectClose(act.tanh(Z), np.array([[-1, Math.tanh(-1), 0, Math.tanh(2)]]), 0);
    expectClose(act.logSoftmax(np.array([[1], [2]])), np.log(act.softmax(np.array([[1], [2]]))), 1e-15);
  });

  it('backward helpers equal finite differences', () => {
    const Z = sample(3, 4);
    const G = sample(3, 4, 12);
    const cases: [string, (Z: NDArray) => NDArray, NDArray][] = [
      ['relu', act.relu, act.reluBackward(G, Z)],
      ['sigmoid', act.sigmoid, act.sigmoidBackward(G, Z)],
      ['tanh', act.tanh, act.tanhBackward(G, Z)],
      ['leakyRelu', (z) => act.leakyRelu(z, 0.2), act.leakyReluBackward(G, Z, 0.2)],
      ['softmax', act.softmax, act.softmaxBackward(G, Z)],
    ];
    for (const [name, f, analytic] of cases) expectClose(analytic, numericBackward(f, Z, G), 1e-8, name);
    // The dispatch from the output A agrees with the helpers from Z.
    for (const name of ['relu', 'sigmoid', 'tanh', 'leakyRelu', 'softmax'] as const) {
      const A = act.activate(name, Z);
      const viaZ = cases.find(([n]) => n === name)![2];
      if (name !== 'leakyRelu') expectClose(act.activationBackward(name, G, Z, A), viaZ, 1e-15, name);
    }
    expect(act.activate('linear', Z)).to.equal(Z);
  });

  it('is differentiable under np.grad', () => {
    const Z = sample(3, 4);
    const W = sample(3, 4, 13);
    const weighted = (f: (z: NDArray) => NDArray) => (z: NDArray) => np.sum(np.multiply(f(z), W), { keepdims: true });
    for (const f of [act.relu, act.sigmoid, act.tanh, (z: NDArray) => act.leakyRelu(z, 0.1), act.softmax, act.logSoftmax]) {
      checkGrad(weighted(f), [np.array(Z)]);
    }
  });

  it('keeps the course derivative at the edges: relu 0 at z = 0, sigmoid finite when saturated', () => {
    const Z = np.array([[0, -800, 800, 1]]);
    const { grads } = np.grad(() => np.sum(act.relu(Z), { keepdims: true }), [Z]);
    expect(grads[0]!.tolist()).to.deep.equal([[0, 0, 1, 1]]);
    const g2 = np.grad(() => np.sum(act.sigmoid(Z), { keepdims: true }), [Z]).grads[0]!;
    expect(np.all(np.isfinite(g2))).to.equal(true);
    expect(g2.get(0, 0)).to.equal(0.25);
  });
});
