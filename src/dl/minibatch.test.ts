// Mini-batches against the course's random_mini_batches run by numpy.
import { expect } from 'chai';
import { np } from '../tensor';
import { randomMiniBatches } from './minibatch';
import { arr, expectClose, fx } from './fixtures.test-util';

describe('dl randomMiniBatches', () => {
  it('equals numpy for m = 148, size 64, seed 0: two full batches and one of 20', () => {
    const X = arr(fx.minibatches.X);
    const Y = arr(fx.minibatches.Y);
    const batches = randomMiniBatches(X, Y, 64, 0);
    expect(batches.map(([x, y]) => [x.shape, y.shape])).to.deep.equal([
      [[3, 64], [1, 64]],
      [[3, 64], [1, 64]],
      [[3, 20], [1, 20]],
    ]);
    batches.forEach(([x, y], i) => {
      expectClose(x, arr(fx.minibatches.batches[i]!.X), 0, `X batch ${i}`);
      expectClose(y, arr(fx.minibatches.batches[i]!.Y), 0, `Y batch ${i}`);
    });
  });

  it('makes only full batches when size divides m; seed null continues the stream', () => {
    const X = np.arange(12).reshape(2, 6);
    const Y = np.arange(6).reshape(1, 6);
    expect(randomMiniBatches(X, Y, 3).map(([x]) => x.shape[1])).to.deep.equal([3, 3]);
    np.random.seed(5);
    const a = randomMiniBatches(X, Y, 6, null)[0]![1].tolist();
    np.random.seed(5);
    expect(np.random.permutation(6).reshape(1, 6).tolist()).to.deep.equal(a);
    expect(() => randomMiniBatches(X, np.zeros([1, 5]), 2)).to.throw(/examples/);
  });
});
