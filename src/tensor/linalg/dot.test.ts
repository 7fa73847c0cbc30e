import { expect } from 'chai';
import { NDArray } from '../ndarray';
import { checkGrad } from '../gradcheck.test-util';
import { dot, outer } from './dot';
import { cases, decode, expectClose, randomArray, rng, weightedSum } from './linalg.test-util';

describe('dot', () => {
  describe('against numpy', () => {
    for (const c of cases('dot')) {
      it(c.name, () => {
        const [a, b] = c.inputs.map(decode) as [NDArray, NDArray];
        if (c.error) {
          expect(() => dot(a, b)).to.throw(/^dot: shapes /);
          return;
        }
        expectClose(dot(a, b), c.expected!, {}, c.name);
      });
    }
  });

  it('names the shapes as numpy does', () => {
    expect(() => dot(new NDArray(new Float64Array(6), [2, 3]), new NDArray(new Float64Array(6), [2, 3]))).to.throw(
      'dot: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)',
    );
    expect(() => dot(new NDArray(new Float64Array(24), [2, 3, 4]), new NDArray(new Float64Array(90), [5, 3, 6]))).to.throw(
      'dot: shapes (2,3,4) and (5,3,6) not aligned: 4 (dim 2) != 3 (dim 1)',
    );
  });

  it('returns plain numbers where numpy returns scalars', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).to.equal(32);
    expect(dot(2, 3)).to.equal(6);
    expect((dot(2, [1, 2]) as NDArray).tolist()).to.deep.equal([2, 4]);
  });

  it('reads transposed and strided operands of the general N-D case', () => {
    const rand = rng(5);
    const a = randomArray([4, 3, 2], rand);
    const b = randomArray([5, 3, 4], rand);
    // a.T is (2,3,4); bt is b with its last two axes swapped, (5,4,3).
    const bt = new NDArray(b.data, [5, 4, 3], [12, 1, 4]);
    const got = dot(a.T, bt) as NDArray;
    expect(got.shape).to.deep.equal([2, 3, 5, 3]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        for (let q = 0; q < 5; q++) {
          for (let m = 0; m < 3; m++) {
            let s = 0;
            for (let k = 0; k < 4; k++) s += Number(a.T.get(i, j, k)) * Number(bt.get(q, k, m));
            expect(Number(got.get(i, j, q, m))).to.be.closeTo(s, 1e-12);
          }
        }
      }
    }
  });

  describe('gradients', () => {
    const rand = rng(11);
    const shapes: [number[], number[]][] = [
      [[3, 4], [4, 2]], [[4], [4]], [[2, 3, 4], [4]], [[3], [2, 3, 4]], [[2, 3, 4], [5, 4, 2]], [[3, 4], [2, 4, 3]], [[], [3, 2]], [[3, 2], []], [[], []],
    ];
    for (const [sa, sb] of shapes) {
      it(`(${sa})·(${sb})`, () => {
        checkGrad((a, b) => weightedSum(asArrayResult(dot(a!, b!))), [randomArray(sa, rand), randomArray(sb, rand)]);
      });
    }
  });
});

describe('outer', () => {
  for (const c of cases('outer')) {
    it(c.name, () => {
      const [a, b] = c.inputs.map(decode) as [NDArray, NDArray];
      expectClose(outer(a, b), c.expected!, {}, c.name);
    });
  }

  it('flattens strided inputs', () => {
    const a = new NDArray(Float64Array.of(1, 2, 3, 4), [2, 2]).T;
    expect(outer(a, [1, 10]).tolist()).to.deep.equal([[1, 10], [3, 30], [2, 20], [4, 40]]);
  });

  it('has gradients', () => {
    const rand = rng(13);
    checkGrad((a, b) => weightedSum(outer(a!, b!)), [randomArray([3], rand), randomArray([2, 2], rand)]);
  });
});

/** dot gives a number where numpy has a scalar outside grad (checkGrad's finite differences). */
function asArrayResult(x: NDArray | number): NDArray {
  return typeof x === 'number' ? new NDArray(Float64Array.of(x), []) : x;
}
