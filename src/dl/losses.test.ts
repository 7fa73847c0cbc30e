// Costs: the course's values, nan/inf behaviour, and gradients by the tape.
import { expect } from 'chai';
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { checkGrad } from '../tensor/gradcheck.test-util';
import { binaryCrossEntropy, categoricalCrossEntropy, l1Penalty, l2Penalty } from './losses';
import { sigmoid } from './activations';
import { arr, dict, fx } from './fixtures.test-util';

describe('dl losses', () => {
  it('binary cross-entropy: the course formula (1/m) nansum(-(Y log A + (1-Y) log(1-A)))', () => {
    const A = np.array([[0.8, 0.1]]);
    const Y = np.array([[1, 0]]);
    expect(binaryCrossEntropy(A, Y)).to.be.closeTo((-Math.log(0.8) - Math.log(0.9)) / 2, 1e-16);
    expect(binaryCrossEntropy(A, Y, { reduction: 'sum' })).to.be.closeTo(-Math.log(0.8) - Math.log(0.9), 1e-15);
  });

  it('is nan-safe but keeps inf, as numpy nansum: saturated right is 0, saturated wrong is inf', () => {
    // A = 0 with Y = 0: -log(0)·0 = nan, skipped; the cost is finite.
    expect(binaryCrossEntropy(np.array([[0, 0.5]]), np.array([[0, 1]]))).to.be.closeTo(Math.log(2) / 2, 1e-16);
    // A = 0 with Y = 1: inf, as the course's randn·10 start prints.
    expect(binaryCrossEntropy(np.array([[0, 0.5]]), np.array([[1, 1]]))).to.equal(Infinity);
  });

  it('L2: reproduces compute_cost_with_regularization (the course: 1.78648594516)', () => {
    const c = fx.l2;
    const params = dict(c.params);
    const m = 5;
    const ce = binaryCrossEntropy(arr(c.A3), arr(c.Y));
    const pen = l2Penalty(params, c.lambd, m);
    expect(ce).to.be.closeTo(c.crossEntropy, 1e-15);
    expect(pen).to.be.closeTo(c.l2, 1e-15);
    expect(ce + pen).to.be.closeTo(1.78648594516, 1e-11);
    // Only weights count; L1 is the same scaling of Σ|W|.
    expect(l2Penalty({ b1: np.ones([2, 1]) }, 1, 1)).to.equal(0);
    expect(l1Penalty({ W1: np.array([[1, -2]]), b1: np.ones([1, 1]) }, 0.5, 2)).to.equal((1 / 2) * (0.5 / 2) * 3);
  });

  it('categorical cross-entropy from scores (log-softmax) or from probabilities, as numpy', () => {
    const Z = arr(fx.softmax.logits);
    const Y = arr(fx.softmax.Y);
    expect(categoricalCrossEntropy(Z, Y)).to.be.closeTo(fx.softmax.cce, 1e-15);
    const e = np.exp(Z);
    const P = np.divide(e, np.sum(e, { axis: 0, keepdims: true }));
    expect(categoricalCrossEntropy(P, Y, { fromLogits: false })).to.be.closeTo(fx.softmax.cce, 1e-14);
    // Two classes reduce to the logistic case: softmax([z, 0]) = sigmoid(z).
    const z = np.array([[1.5, -0.3]]);
    const Z2 = np.concatenate([z, np.zeros([1, 2])]);
    const y = np.array([[1, 0]]);
    const Y2 = np.concatenate([y, np.subtract(1, y)]);
    expect(categoricalCrossEntropy(Z2, Y2)).to.be.closeTo(binaryCrossEntropy(sigmoid(z), y), 1e-15);
  });

  it('differentiates under np.grad: d BCE(sigmoid(Z)) / dZ = (A - Y) / m', () => {
    const Z = np.array([[0.3, -1.2, 2.0, 0.1]]);
    const Y = np.array([[1, 0, 1, 0]]);
    const { value, grads } = np.grad(() => binaryCrossEntropy(sigmoid(Z), Y) as unknown as NDArray, { Z });
    expect(value).to.be.closeTo(binaryCrossEntropy(sigmoid(Z), Y), 1e-16);
    const want = np.divide(np.subtract(sigmoid(Z), Y), 4);
    for (let i = 0; i < 4; i++) expect(grads.Z.get(0, i)).to.be.closeTo(want.get(0, i) as number, 1e-16);
    const W = np.array([[0.5, -1.5], [2, 0.25]]);
    checkGrad((w) => np.reshape(np.add(l2Penalty({ W1: w }, 0.7, 3), l1Penalty({ W1: w }, 0.2, 3)), [1]), [W]);
    checkGrad((z) => np.reshape(categoricalCrossEntropy(z, np.array([[1, 0], [0, 1]])), [1]), [np.array([[0.2, -1], [1.3, 0.4]])]);
  });
});
