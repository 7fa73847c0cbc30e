import { expect } from 'chai';
import { np } from '../../tensor';
import { oneHot } from './onehot';

describe('oneHot: class indices to (C, m) targets', () => {
  it("is the course's convert_to_one_hot", () => {
    const Y = oneHot(np.array([[1, 2, 3, 0, 2, 1]]), 4);
    expect(Y.shape).to.deep.equal([4, 6]);
    expect(Y.dtype).to.equal('float64');
    expect(Y.tolist()).to.deep.equal([
      [0, 0, 0, 1, 0, 0],
      [1, 0, 0, 0, 0, 1],
      [0, 1, 0, 0, 1, 0],
      [0, 0, 1, 0, 0, 0],
    ]);
  });

  it('takes (m,), float labels and plain lists; every column sums to 1', () => {
    expect(oneHot([2, 0], 3).tolist()).to.deep.equal([[0, 1], [0, 0], [1, 0]]);
    expect(oneHot(np.array([[1, 0]], 'float64'), 2).tolist()).to.deep.equal([[0, 1], [1, 0]]);
    const Y = oneHot(np.array([[0, 1, 2, 2]], 'int32'), 3);
    expect(np.sum(Y, 0).tolist()).to.deep.equal([1, 1, 1, 1]);
  });

  it('refuses labels outside [0, C) and non-row shapes', () => {
    expect(() => oneHot([0, 3], 3)).to.throw(RangeError);
    expect(() => oneHot([0.5], 3)).to.throw(RangeError);
    expect(() => oneHot(np.zeros([2, 2]), 3)).to.throw(RangeError);
    expect(() => oneHot([0], 0)).to.throw(RangeError);
  });
});
