import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asArray } from './convert';
import { decode, wsum } from './arrays.test-util';
import type { Encoded } from './arrays.test-util';
import { checkGrad } from './gradcheck.test-util';
import { mask, slice, take } from './indexing';
import type { IndexSpec } from './indexing';
import { NDArray, contiguousData } from './ndarray';

const fx = JSON.parse(readFileSync(path.join(process.cwd(), 'src/tensor/fixtures/arrays-ops.json'), 'utf8')) as {
  slices: { specs: IndexSpec[]; expr: string; out: Encoded }[];
  masks: { name: string; a: Encoded; mask: Encoded; out: Encoded }[];
  takes: { name: string; a: Encoded; indices: number | number[] | number[][]; axis: number | null; out: Encoded }[];
};

function expectArray(a: NDArray, e: Encoded): void {
  expect(a.shape).to.deep.equal(e.shape);
  expect(a.dtype).to.equal(e.dtype);
  expect(Array.from(contiguousData(a))).to.deep.equal(e.data.map((v) => Number(v)));
}

const randn = (...shape: number[]) => {
  const n = shape.reduce((p, q) => p * q, 1);
  return new NDArray(Float64Array.from({ length: n }, (_, i) => Math.cos(i * 1.7) * 2), shape);
};

const A = new NDArray(Float64Array.from({ length: 60 }, (_, i) => i), [3, 4, 5]);

describe('indexing: slice (numpy basic indexing)', () => {
  for (const c of fx.slices) {
    it(`A[${c.expr}]`, () => {
      const v = slice(A, ...c.specs);
      expectArray(v, c.out);
      expect(v.data, 'a view').to.equal(A.data);
      expectArray(slice(A, c.expr), c.out);
    });
  }

  it('writes through the view', () => {
    const x = asArray([[1, 2, 3], [4, 5, 6]], 'float64');
    const col = slice(x, ':', 1);
    col.set([1], 50);
    expect(x.tolist()).to.deep.equal([[1, 2, 3], [4, 50, 6]]);
    const rev = slice(x, '::-1', '::-1');
    expect(rev.tolist()).to.deep.equal([[6, 50, 4], [3, 2, 1]]);
    expect(rev.strides).to.deep.equal([-3, -1]);
  });

  it('slices views of views', () => {
    const t = new NDArray(A.data, [5, 4, 3], [1, 5, 20], 0); // A transposed
    const v = slice(slice(t, '1:4', '::-1'), ':', 0, '::2');
    const want: number[][] = [];
    for (let i = 1; i < 4; i++) want.push([0, 2].map((k) => A.get(k, 3, i) as number));
    expect(v.tolist()).to.deep.equal(want);
  });

  it('takes a 0-d view when every axis is indexed', () => {
    const v = slice(A, 1, 2, 3);
    expect(v.shape).to.deep.equal([]);
    expect(v.item()).to.equal(33);
  });

  it('reports errors with numpy wording', () => {
    expect(() => slice(A, 0, 0, 0, 0)).to.throw('too many indices for array: array is 3-dimensional, but 4 were indexed');
    expect(() => slice(A, 3)).to.throw('index 3 is out of bounds for axis 0 with size 3');
    expect(() => slice(A, ':', -5)).to.throw('index -5 is out of bounds for axis 1 with size 4');
    expect(() => slice(A, '::0')).to.throw('slice step cannot be zero');
    expect(() => slice(A, '...', '...')).to.throw("an index can only have a single ellipsis ('...')");
    expect(() => slice(A, '1:a')).to.throw(/invalid slice '1:a'/);
    expect(() => slice(A, 1.5)).to.throw(/only integers, slices/);
    expect(() => slice(A, '1:2:3:4')).to.throw(/invalid index/);
  });

  it('backward scatters the gradient into zeros of the input shape', () => {
    checkGrad((x) => wsum(slice(x, ':', '::-2', '1:4')), [randn(3, 4, 5)]);
    checkGrad((x) => wsum(slice(x, 1, null, '...', -1)), [randn(3, 4, 5)]);
    checkGrad((x) => wsum(slice(slice(x.T, '1:'), '::-1', 0)), [randn(3, 4)]);
  });
});

describe('indexing: mask', () => {
  for (const c of fx.masks) {
    it(c.name, () => {
      const out = mask(decode(c.a), decode(c.mask));
      expectArray(out, c.out);
    });
  }

  it('accepts nested booleans and strided inputs', () => {
    const x = new NDArray(Float64Array.from([1, 2, 3, 4, 5, 6]), [3, 2], [1, 3], 0); // [[1,4],[2,5],[3,6]]
    expect(mask(x, [true, false, true]).tolist()).to.deep.equal([[1, 4], [3, 6]]);
    expect(mask(x, [[true, false], [false, true], [true, true]]).tolist()).to.deep.equal([1, 5, 3, 6]);
  });

  it('reports errors with numpy wording', () => {
    const x = asArray([1, 2, 3]);
    expect(() => mask(x, [true, false])).to.throw(
      'boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 2',
    );
    expect(() => mask(x, [[true, false, true]])).to.throw('too many indices for array: array is 1-dimensional, but 2 were indexed');
    expect(() => mask(x, [1, 0, 1])).to.throw(/must be a bool array, got int32/);
  });

  it('backward scatters into the selected positions', () => {
    const m = asArray([[true, false, true, true], [false, false, true, false], [true, true, false, false]]);
    checkGrad((x) => wsum(mask(x, m)), [randn(3, 4)]);
    checkGrad((x) => wsum(mask(x, [false, true, true])), [randn(3, 2, 2)]);
  });
});

describe('indexing: take', () => {
  for (const c of fx.takes) {
    it(c.name, () => {
      expectArray(take(decode(c.a), c.indices, c.axis), c.out);
    });
  }

  it('reports errors with numpy wording', () => {
    const x = asArray([[1, 2, 3], [4, 5, 6]]);
    expect(() => take(x, [3], 1)).to.throw('index 3 is out of bounds for axis 1 with size 3');
    expect(() => take(x, [-7])).to.throw('index -7 is out of bounds for axis 0 with size 6');
    expect(() => take(x, [0], 2)).to.throw('axis 2 is out of bounds for array of dimension 2');
    expect(() => take(x, [0.5])).to.throw(/must be of integer type, got float64/);
    expect(() => take(x, [true])).to.throw(/use np.mask/);
  });

  it('backward scatter-adds (repeated indices accumulate)', () => {
    checkGrad((x) => wsum(take(x, [2, 0, 2, -1], 1)), [randn(2, 3, 2)]);
    checkGrad((x) => wsum(take(x, [[5, 1], [5, 5]])), [randn(2, 3)]);
    checkGrad((x) => wsum(take(x, 1, 0)), [randn(3, 2)]);
  });
});
