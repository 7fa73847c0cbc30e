// regularizationSet against its recipe restated in numpy (scripts/fixtures/data.py): uniform and
// normal draws and products only, so bit for bit.
import { expect } from 'chai';
import { np } from '../../tensor';
import { fixtures, expectClose } from './fixtures.test-util';
import { regularizationSet } from './regularization';

describe('regularizationSet: the regularization lessons\' noisy 2-D set', () => {
  it('is the numpy recipe exactly (seed 7, 211 train / 200 test)', () => {
    const { train, test } = regularizationSet();
    const want = fixtures.regularization;
    expectClose(train.X, want.train.X, 0, 'train X');
    expectClose(train.Y, want.train.Y, 0, 'train Y');
    expectClose(test.X, want.test.X, 0, 'test X');
    expectClose(test.Y, want.test.Y, 0, 'test Y');
  });

  it('has the course\'s shapes and two roughly balanced classes', () => {
    const { train, test } = regularizationSet();
    expect(train.X.shape).to.deep.equal([2, 211]);
    expect(train.Y.shape).to.deep.equal([1, 211]);
    expect(test.X.shape).to.deep.equal([2, 200]);
    const ones = np.mean(train.Y);
    expect(ones).to.be.within(0.35, 0.65);
  });

  it('is deterministic, depends on the seed, and leaves np.random alone', () => {
    np.random.seed(0);
    const a = regularizationSet({ seed: 1, train: 50, test: 20 });
    expect(np.random.rand()).to.equal(0.5488135039273248);
    const b = regularizationSet({ seed: 1, train: 50, test: 20 });
    expect(Array.from(a.train.X.data)).to.deep.equal(Array.from(b.train.X.data));
    const c = regularizationSet({ seed: 2, train: 50, test: 20 });
    expect(Array.from(c.train.X.data)).to.not.deep.equal(Array.from(a.train.X.data));
    expect(() => regularizationSet({ train: 3 })).to.throw(RangeError);
  });
});
