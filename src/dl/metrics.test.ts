// Accuracy, confusion matrix, splits, normalization and the decision-boundary grid.
import { expect } from 'chai';
import { np } from '../tensor';
import { accuracy, confusionMatrix, decisionGrid, fitNormalizer, split, trainTestSplit } from './metrics';
import { expectClose } from './fixtures.test-util';

describe('dl metrics', () => {
  it('accuracy compares label rows, or one-hot / probability columns by argmax', () => {
    expect(accuracy(np.array([[1, 0, 1, 1]]), np.array([[1, 1, 1, 0]]))).to.equal(0.5);
    const probs = np.array([[0.7, 0.1, 0.2], [0.2, 0.8, 0.1], [0.1, 0.1, 0.7]]);
    const onehot = np.array([[1, 0, 0], [0, 1, 1], [0, 0, 0]]);
    expect(accuracy(probs, onehot)).to.be.closeTo(2 / 3, 1e-16);
    expect(accuracy(np.array([[0, 1, 2]]), onehot)).to.be.closeTo(2 / 3, 1e-16);
    expect(() => accuracy(np.array([[1, 0]]), np.array([[1]]))).to.throw(/predictions/);
  });

  it('confusion matrix: rows are true classes, columns predictions', () => {
    const C = confusionMatrix(np.array([[0, 1, 1, 2, 0]]), np.array([[0, 1, 0, 2, 2]]));
    expect(C.tolist()).to.deep.equal([[1, 1, 0], [0, 1, 0], [1, 0, 1]]);
    expect(confusionMatrix(np.array([[1, 1]]), np.array([[1, 1]]), 3).shape).to.deep.equal([3, 3]);
  });

  it('splits columns by a seeded permutation: 60/20/20, and train/test', () => {
    const X = np.reshape(np.arange(20), [2, 10]);
    const Y = np.reshape(np.arange(10), [1, 10]);
    const s = split(X, Y, { seed: 0 });
    expect([s.train.X.shape, s.dev!.X.shape, s.test.X.shape]).to.deep.equal([[2, 6], [2, 2], [2, 2]]);
    np.random.seed(0);
    const perm = np.random.permutation(10).tolist() as number[];
    expect(np.ravel(np.concatenate(s.parts.map((p) => p.Y), 1)).tolist()).to.deep.equal(perm);
    // Columns stay together: X[0, j] = j = Y[0, j].
    expect(np.slice(s.dev!.X, 0, null).tolist()).to.deep.equal(s.dev!.Y.tolist());
    const t = trainTestSplit(X, Y, { testSize: 0.3, shuffle: false });
    expect(t.dev).to.equal(undefined);
    expect(t.test.Y.tolist()).to.deep.equal([[7, 8, 9]]);
    expect(() => split(X, Y, { fractions: [0.5, 0.4] })).to.throw(/summing to 1/);
  });

  it('normalizes with the training mean and std only', () => {
    const Xtrain = np.array([[1, 2, 3, 4], [10, 10, 10, 10]]);
    const norm = fitNormalizer(Xtrain);
    expectClose(norm.mean, np.array([[2.5], [10]]), 0);
    const Z = norm.apply(Xtrain);
    expectClose(np.mean(Z, { axis: 1 }), np.array([0, 0]), 1e-16);
    expect(np.std(np.slice(Z, 0, null))).to.be.closeTo(1, 1e-15);
    expect(norm.apply(np.array([[2.5], [11]])).tolist()).to.deep.equal([[0], [1]]);
  });

  it('decision grid: (2, nx·ny) points with x varying fastest, and the image shape', () => {
    const g = decisionGrid(0, 1, -1, 1, [3, 2]);
    expect(g.shape).to.deep.equal([2, 3]);
    expect(g.points.tolist()).to.deep.equal([[0, 0.5, 1, 0, 0.5, 1], [-1, -1, -1, 1, 1, 1]]);
    expect(decisionGrid(-1, 1, -1, 1).points.shape).to.deep.equal([2, 10000]);
  });
});
