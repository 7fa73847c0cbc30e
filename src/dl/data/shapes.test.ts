// makeCircles / makeMoons against scikit-learn's algorithm restated in numpy
// (scripts/fixtures/data.py): same point order and labels exactly, coordinates to 1e-12 (V8's
// cos/sin may round differently from numpy's in the last bit), same draws consumed.
import { expect } from 'chai';
import { np } from '../../tensor';
import { fixtures, expectClose } from './fixtures.test-util';
import type { Case } from './fixtures.test-util';
import { makeCircles, makeMoons } from './shapes';

const TOL = 1e-12;

function optionsOf(c: Case): { noise?: number | null; factor?: number; shuffle?: boolean } {
  const o = c.options as { noise?: number; factor?: number; shuffle?: boolean };
  return { noise: o.noise ?? null, ...(o.factor === undefined ? {} : { factor: o.factor }), ...(o.shuffle === undefined ? {} : { shuffle: o.shuffle }) };
}

function nOf(c: Case): number | [number, number] {
  return typeof c.n === 'number' ? c.n : [c.n[0]!, c.n[1]!];
}

for (const [name, make, cases] of [
  ['makeCircles', makeCircles, fixtures.circles],
  ['makeMoons', makeMoons, fixtures.moons],
] as const) {
  describe(`${name}: scikit-learn's algorithm on the global np.random stream`, () => {
    for (const c of cases) {
      it(`${c.name} (seed ${c.seed}, n ${JSON.stringify(c.n)})`, () => {
        np.random.seed(c.seed);
        const { X, Y } = make(nOf(c), optionsOf(c));
        expect(Y.dtype).to.equal('float64');
        expectClose(Y, { shape: [1, c.y.data.length], data: c.y.data }, 0, 'labels');
        expectClose(X, c.X, TOL, 'X');
        expect(np.random.rand(), 'the next draw: as many draws consumed as sklearn').to.equal(c.next);
      });
    }
  });
}

describe("makeCircles / makeMoons: the course's sets", () => {
  it('seed(1), 300 points, noise .05 is the circles training set: first points and labels', () => {
    np.random.seed(1);
    const { X, Y } = makeCircles(300, { noise: 0.05 });
    const want = fixtures.circles[0]!;
    expect(X.shape).to.deep.equal([2, 300]);
    expect(Y.shape).to.deep.equal([1, 300]);
    for (let j = 0; j < 5; j++) {
      expect(X.get(0, j) as number).to.be.closeTo(want.X.data[j]!, TOL);
      expect(X.get(1, j) as number).to.be.closeTo(want.X.data[300 + j]!, TOL);
    }
    expect(Array.from(Y.data.subarray(0, 10))).to.deep.equal([1, 0, 1, 1, 0, 0, 1, 0, 1, 1]);
    expect(np.sum(Y)).to.equal(150);
  });

  it('seed(2), 100 points is the circles test set; seed(3) moons 300 with noise .2', () => {
    np.random.seed(2);
    expectClose(makeCircles(100, { noise: 0.05 }).X, fixtures.circles[1]!.X, TOL, 'circles test');
    np.random.seed(3);
    const moons = makeMoons(300, { noise: 0.2 });
    expectClose(moons.X, fixtures.moons[0]!.X, TOL, 'moons');
    expect(moons.X.shape).to.deep.equal([2, 300]);
  });

  it('odd n: n // 2 outer points (label 0), the rest inner', () => {
    const { X, Y } = makeCircles(7, { shuffle: false, factor: 0.5 });
    expect(Array.from(Y.data)).to.deep.equal([0, 0, 0, 1, 1, 1, 1]);
    for (let j = 0; j < 7; j++) expect(Math.hypot(X.get(0, j) as number, X.get(1, j) as number)).to.be.closeTo(j < 3 ? 1 : 0.5, 1e-15);
    const moons = makeMoons(5, { shuffle: false });
    expect(Array.from(moons.Y.data)).to.deep.equal([0, 0, 1, 1, 1]);
    expect(moons.X.get(0, 0)).to.equal(1); // cos(0): the upper moon starts at (1, 0)
    expect(moons.X.get(1, 2)).to.equal(0.5); // 1 - sin(0) - 0.5: the lower one at (0, 0.5)
  });

  it('without noise and shuffle it draws nothing', () => {
    np.random.seed(0);
    makeCircles(10, { shuffle: false });
    makeMoons(10, { shuffle: false });
    expect(np.random.rand()).to.equal(0.5488135039273248);
  });

  it('refuses bad arguments before drawing', () => {
    np.random.seed(0);
    expect(() => makeCircles(0)).to.throw(RangeError);
    expect(() => makeCircles(10, { factor: 1 })).to.throw(RangeError);
    expect(() => makeMoons(10, { noise: -1 })).to.throw(RangeError);
    expect(() => makeMoons(2.5)).to.throw(RangeError);
    expect(() => makeCircles([1, 2, 3] as unknown as [number, number])).to.throw(RangeError);
    expect(np.random.rand()).to.equal(0.5488135039273248);
  });
});
