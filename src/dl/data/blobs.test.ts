// makeBlobs against scikit-learn's make_blobs restated in numpy (scripts/fixtures/data.py): no
// libm is involved, so every number must be numpy's exactly.
import { expect } from 'chai';
import { np } from '../../tensor';
import { makeBlobs } from './blobs';
import type { BlobsOptions } from './blobs';
import { fixtures, expectClose } from './fixtures.test-util';

function optionsOf(o: Record<string, unknown>): BlobsOptions {
  const out: BlobsOptions = {};
  if (o['centers'] !== undefined) out.centers = o['centers'] as BlobsOptions['centers'];
  if (o['cluster_std'] !== undefined) out.clusterStd = o['cluster_std'] as number | number[];
  if (o['n_features'] !== undefined) out.nFeatures = o['n_features'] as number;
  if (o['center_box'] !== undefined) out.centerBox = o['center_box'] as [number, number];
  if (o['shuffle'] !== undefined) out.shuffle = o['shuffle'] as boolean;
  return out;
}

describe("makeBlobs: scikit-learn's make_blobs on the global np.random stream", () => {
  for (const c of fixtures.blobs) {
    it(`${c.name} (seed ${c.seed}, n ${JSON.stringify(c.n)})`, () => {
      np.random.seed(c.seed);
      const { X, Y, centers } = makeBlobs(c.n, optionsOf(c.options));
      expectClose(X, c.X, 0, 'X');
      expectClose(Y, { shape: [1, c.y.data.length], data: c.y.data }, 0, 'labels');
      expectClose(centers, c.centers!, 0, 'centers');
      expect(np.random.rand(), 'the next draw').to.equal(c.next);
    });
  }

  it('splits a total as sklearn: the first clusters take one more', () => {
    const { Y } = makeBlobs(11, { centers: 4, shuffle: false });
    expect(Array.from(Y.data)).to.deep.equal([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3]);
  });

  it('refuses inconsistent arguments', () => {
    expect(() => makeBlobs([3, 4], { centers: 2 })).to.throw(TypeError);
    expect(() => makeBlobs([3, 4], { centers: [[0, 0]] })).to.throw(RangeError);
    expect(() => makeBlobs(10, { centers: 3, clusterStd: [1, 2] })).to.throw(RangeError);
    expect(() => makeBlobs(10, { clusterStd: -1 })).to.throw(RangeError);
    expect(() => makeBlobs(0)).to.throw(RangeError);
  });
});
