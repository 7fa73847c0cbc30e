// The assembled namespace: the names cells use, the method forms, printing and np.grad.
import { expect } from 'chai';
import { np } from './index';
import type { NDArray } from './ndarray';

describe('np namespace', () => {
  it('reproduces the course: seed(3), He-scaled randn(4, 2) starts with 1.78862847, 0.43650985', () => {
    np.random.seed(3);
    const W = np.multiply(np.random.randn(4, 2), Math.sqrt(2 / 2));
    expect(W.get(0, 0)).to.be.closeTo(1.78862847, 1e-8);
    expect(W.get(0, 1)).to.be.closeTo(0.43650985, 1e-8);
  });

  it('chains methods like numpy: W.dot(X).add(b)', () => {
    const W = np.array([[1, 2], [3, 4]]);
    const X = np.array([[1], [1]]);
    const b = np.array([[0.5], [-0.5]]);
    const Z = (W.dot(X) as NDArray).add(b);
    expect(Z.tolist()).to.deep.equal([[3.5], [6.5]]);
    expect(String(Z)).to.equal('array([[3.5],\n       [6.5]])');
  });

  it('reduces with axis and keepdims as the course does', () => {
    const dZ = np.array([[1, 2, 3], [4, 5, 6]]);
    const db = np.sum(dZ, { axis: 1, keepdims: true });
    expect(db.shape).to.deep.equal([2, 1]);
    expect(db.tolist()).to.deep.equal([[6], [15]]);
    expect(np.sum(dZ)).to.equal(21);
  });

  it('np.grad returns gradients keyed like the parameters', () => {
    const W = np.array([[1.0, -2.0]]);
    const X = np.array([[3.0], [0.5]]);
    const { value, grads } = np.grad(() => np.sum(np.square(np.dot(W, X) as NDArray), { keepdims: true }), { W });
    // loss = (3 - 1)^2 = 4, dloss/dW = 2 * (W·X) * Xᵀ = 2 * 2 * [3, 0.5]
    expect(value).to.equal(4);
    expect(grads.W.tolist()).to.deep.equal([[12, 2]]);
  });

  it('a size-1 array converts to a number; a bigger one explains why operators fail', () => {
    const v = np.array([1, 2]);
    const d = np.dot(v, np.array([3, 4]));
    expect(d.ndim).to.equal(0);
    expect(Number(d) + 1).to.equal(12);
    expect(np.dot([1, 2], [3, 4])).to.equal(11);
    expect(() => Number(v)).to.throw(/np.add\(a, b\)/);
    expect(`${v}`).to.equal('array([1, 2])');
  });

  it('np.grad explains a loss that is a plain number', () => {
    const W = np.array([1.0, 2.0]);
    expect(() => np.grad(() => 3, [W])).to.throw(/plain number/);
  });
});
