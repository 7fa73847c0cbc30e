// Dropout and penalty gradients against numpy and the course's test case.
import { expect } from 'chai';
import { np } from '../tensor';
import { applyDropout, addPenaltyGrads, dropoutBackward, dropoutMask, l1Grad, l2Grad } from './regularization';
import { dense, dropout } from './layers';
import { sequential } from './model';
import { arr, dict, expectClose, fx } from './fixtures.test-util';

describe('dl regularization', () => {
  it('dropout masks equal numpy: (np.random.rand(*shape) < keep_prob).astype(int)', () => {
    np.random.seed(1);
    const D1 = dropoutMask([3, 5], 0.7);
    const D2 = dropoutMask([2, 4], 0.5);
    expect(D1.dtype).to.equal('int32');
    expectClose(D1, arr(fx.dropout.masks[0]!), 0);
    expectClose(D2, arr(fx.dropout.masks[1]!), 0);
    expect(() => dropoutMask([2], 0)).to.throw(/keepProb/);
  });

  it('applies inverted dropout and its backward with the same mask and scale', () => {
    const A = np.array([[1, 2], [3, 4]]);
    const D = np.array([[1, 0], [0, 1]]);
    expect(applyDropout(A, D, 0.5).tolist()).to.deep.equal([[2, 0], [0, 8]]);
    expect(dropoutBackward(np.ones([2, 2]), D, 0.5).tolist()).to.deep.equal([[2, 0], [0, 2]]);
  });

  it("reproduces the course's forward_propagation_with_dropout test case through a model", () => {
    const model = sequential([dense(2, { activation: 'relu' }), dropout(0.7), dense(3, { activation: 'relu' }), dropout(0.7), dense(1, { activation: 'sigmoid' })], 3);
    Object.assign(model.params, dict(fx.dropout.params));
    np.random.seed(1);
    const A3 = model.forward(arr(fx.dropout.X), { training: true });
    expectClose(A3, arr(fx.dropout.A3), 1e-15);
    expectClose((model.layers[1] as ReturnType<typeof dropout>).mask!, arr(fx.dropout.D1), 0);
    // At test time dropout is the identity.
    expect(model.forward(arr(fx.dropout.X)).shape).to.deep.equal([1, 5]);
    expect((model.layers[1] as ReturnType<typeof dropout>).mask).to.equal(null);
  });

  it('adds (lambda/m) W to each dW in place, never to db', () => {
    const params = { W1: np.array([[1, -2]]), b1: np.array([[5]]) };
    const grads = { dW1: np.zeros([1, 2]), db1: np.zeros([1, 1]) };
    addPenaltyGrads(grads, params, 0.6, 3);
    expectClose(grads.dW1, l2Grad(params.W1, 0.6, 3), 0);
    expect(grads.dW1.tolist()).to.deep.equal([[0.6 / 3, (-2 * 0.6) / 3]]);
    expect(grads.db1.tolist()).to.deep.equal([[0]]);
    expect(l1Grad(params.W1, 0.6, 3).tolist()).to.deep.equal([[(1 / 3) * 0.3, -(1 / 3) * 0.3]]);
  });
});
