import { expect } from 'chai';
import { put } from './assign';
import { asArray } from './convert';
import { slice } from './indexing';
import { NDArray } from './ndarray';

const grid = () => asArray([[1, -2, 3], [-4, 5, -6]], 'float64');

describe('assign: put (numpy item assignment)', () => {
  it('a[mask] = scalar', () => {
    const x = grid();
    put(x, asArray([[false, true, false], [true, false, true]]), 0);
    expect(x.tolist()).to.deep.equal([[1, 0, 3], [0, 5, 0]]);
  });

  it('accepts a mask written as nested JS booleans', () => {
    const x = grid();
    put(x, [[true, false, false], [false, false, true]], -1);
    expect(x.tolist()).to.deep.equal([[-1, -2, 3], [-4, 5, -1]]);
    put(x, [false, true], 0);
    expect(x.tolist()).to.deep.equal([[-1, -2, 3], [0, 0, 0]]);
  });

  it('a[mask] = values (one per true entry), and a leading-axes mask', () => {
    const x = grid();
    put(x, asArray([[true, false, false], [false, false, true]]), [10, 20]);
    expect(x.tolist()).to.deep.equal([[10, -2, 3], [-4, 5, 20]]);
    put(x, asArray([false, true]), [7, 8, 9]);
    expect(x.tolist()).to.deep.equal([[10, -2, 3], [7, 8, 9]]);
    expect(() => put(x, asArray([true, true]), [1, 2])).to.throw(/could not be broadcast/);
  });

  it('a[:, 0] = v and a[1] = v broadcast the values', () => {
    const x = grid();
    put(x, [':', 0], [100, 200]);
    expect(x.tolist()).to.deep.equal([[100, -2, 3], [200, 5, -6]]);
    put(x, 1, [[7, 8, 9]]);
    expect(x.tolist()).to.deep.equal([[100, -2, 3], [7, 8, 9]]);
    put(x, ':, 1:', 0);
    expect(x.tolist()).to.deep.equal([[100, 0, 0], [7, 0, 0]]);
    put(x, '::-1, 0', [1, 2]);
    expect(x.tolist()).to.deep.equal([[2, 0, 0], [1, 0, 0]]);
  });

  it('writes through strided views', () => {
    const base = grid();
    const t = base.T; // (3, 2), strides [1, 3]
    put(t, asArray([true, false, true]), [[-1, -1]]);
    expect(base.tolist()).to.deep.equal([[-1, -2, -1], [-1, 5, -1]]);
    put(t, [1, 1], 9);
    expect(base.tolist()).to.deep.equal([[-1, -2, -1], [-1, 9, -1]]);
  });

  it('casts to the target dtype as numpy does', () => {
    const i = asArray([1, 2, 3]);
    put(i, 0, 2.9);
    put(i, 1, -2.9);
    expect(i.tolist()).to.deep.equal([2, -2, 3]);
    const b = asArray([false, false, false]);
    put(b, '1:', [2, NaN]);
    expect(b.tolist()).to.deep.equal([false, true, true]);
    put(b, asArray([true, false, false]), 5);
    expect(b.tolist()).to.deep.equal([true, true, true]);
  });

  it('an int array means numpy np.put on the flattened array (values repeat)', () => {
    const x = grid();
    put(x, asArray([0, -1, 4]), [10, 20]);
    expect(x.tolist()).to.deep.equal([[10, -2, 3], [-4, 10, 20]]);
    expect(() => put(x, asArray([6]), 1)).to.throw('index 6 is out of bounds for axis 0 with size 6');
  });

  it('copies overlapping values first, as numpy does', () => {
    const x = asArray([1, 2, 3, 4], 'float64');
    put(x, '1:', slice(x, ':-1'));
    expect(x.tolist()).to.deep.equal([1, 1, 2, 3]);
  });

  it('works on a 0-d array', () => {
    const z = new NDArray(new Float64Array([1]), []);
    put(z, [], 5);
    expect(z.item()).to.equal(5);
    put(z, '...', 6);
    expect(z.item()).to.equal(6);
  });
});
