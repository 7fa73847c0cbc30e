import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DType } from './dtype';
import { NDArray, contiguousData } from './ndarray';
import {
  arange,
  array,
  asarray,
  copy,
  empty,
  empty_like,
  eye,
  full,
  full_like,
  identity,
  linspace,
  ones,
  ones_like,
  zeros,
  zeros_like,
} from './creation';

interface Encoded {
  shape: number[];
  dtype: DType;
  data: (number | boolean | string)[];
}

const fx = JSON.parse(readFileSync(path.join(process.cwd(), 'src/tensor/fixtures/arrays-creation.json'), 'utf8')) as {
  arange: { args: number[]; dtype: DType | null; out: Encoded }[];
  linspace: { start: number; stop: number; num: number; endpoint: boolean; dtype: DType | null; out: Encoded }[];
  eye: { args: number[]; out: Encoded }[];
};

/** Element-by-element identity (Object.is), so -0 and the last bit both count. */
function expectExact(a: NDArray, e: Encoded): void {
  expect(a.dtype).to.equal(e.dtype);
  expect(a.shape).to.deep.equal(e.shape);
  const got = Array.from(contiguousData(a));
  const want = e.data.map((v) => Number(v));
  got.forEach((v, i) => expect(Object.is(v, want[i]), `element ${i}: ${v} vs ${want[i]}`).to.equal(true));
}

describe('creation: arange (numpy, bit for bit)', () => {
  for (const c of fx.arange) {
    it(`arange(${c.args.join(', ')}${c.dtype ? `, dtype=${c.dtype}` : ''})`, () => {
      const [a, b, s] = c.args;
      expectExact(arange(a!, b, s, c.dtype ?? undefined), c.out);
    });
  }

  it('rejects a zero step and non-finite lengths', () => {
    expect(() => arange(0, 10, 0)).to.throw(/step must not be zero/);
    expect(() => arange(0, Infinity)).to.throw(/maximum allowed size/);
    expect(() => arange(NaN)).to.throw(/cannot compute length/);
  });
});

describe('creation: linspace (numpy, bit for bit)', () => {
  for (const c of fx.linspace) {
    it(`linspace(${c.start}, ${c.stop}, ${c.num}, endpoint=${c.endpoint}${c.dtype ? `, dtype=${c.dtype}` : ''})`, () => {
      expectExact(linspace(c.start, c.stop, c.num, { endpoint: c.endpoint, dtype: c.dtype ?? undefined }), c.out);
    });
  }

  it('uses num=50 by default and rejects negative counts', () => {
    expect(linspace(0, 1).shape).to.deep.equal([50]);
    expect(() => linspace(0, 1, -1)).to.throw('Number of samples, -1, must be non-negative.');
  });
});

describe('creation: eye, identity', () => {
  for (const c of fx.eye) {
    it(`eye(${c.args.join(', ')})`, () => {
      const [n, m, k] = c.args;
      expectExact(eye(n!, m, k), c.out);
    });
  }

  it('identity is eye(n)', () => {
    expect(identity(2).tolist()).to.deep.equal([[1, 0], [0, 1]]);
    expect(identity(2, 'int32').dtype).to.equal('int32');
  });
});

describe('creation: filled arrays', () => {
  it('zeros/ones/empty take a number or a shape array', () => {
    expect(zeros(3).shape).to.deep.equal([3]);
    expect(zeros([2, 3]).shape).to.deep.equal([2, 3]);
    expect(zeros([]).shape).to.deep.equal([]);
    expect(zeros([2, 3]).dtype).to.equal('float64');
    expect(ones([2], 'int32').tolist()).to.deep.equal([1, 1]);
    expect(ones(2, 'bool').tolist()).to.deep.equal([true, true]);
    expect(empty([2, 2]).tolist()).to.deep.equal([[0, 0], [0, 0]]);
  });

  it('rejects bad shapes with numpy wording', () => {
    expect(() => zeros(-1)).to.throw('negative dimensions are not allowed');
    expect(() => zeros([2, 2.5])).to.throw("expected a sequence of integers or a single integer, got '2.5'");
  });

  it('full infers the dtype from the value', () => {
    expect(full(2, 7).dtype).to.equal('int32');
    expect(full(2, 0.5).dtype).to.equal('float64');
    expect(full(2, true).tolist()).to.deep.equal([true, true]);
    expect(full(2, 7, 'float32').dtype).to.equal('float32');
    expect(full(2, NaN).dtype).to.equal('float64');
    expect(full(2, 2.7, 'int32').tolist()).to.deep.equal([2, 2]);
  });

  it('full broadcasts an array value', () => {
    const a = full([2, 3], [1, 2, 3]);
    expect(a.dtype).to.equal('int32');
    expect(a.tolist()).to.deep.equal([[1, 2, 3], [1, 2, 3]]);
    expect(full([2, 2], [[0.5], [2]], 'float64').tolist()).to.deep.equal([[0.5, 0.5], [2, 2]]);
  });

  it('*_like copy shape and dtype', () => {
    const a = array([[1, 2, 3]]);
    expect(zeros_like(a).dtype).to.equal('int32');
    expect(zeros_like(a).shape).to.deep.equal([1, 3]);
    expect(ones_like(a, 'float64').tolist()).to.deep.equal([[1, 1, 1]]);
    expect(full_like(a, 0.5).tolist()).to.deep.equal([[0, 0, 0]]);
    expect(full_like([1.5, 2], 0.5).tolist()).to.deep.equal([0.5, 0.5]);
    expect(empty_like(a).tolist()).to.deep.equal([[0, 0, 0]]);
  });
});

describe('creation: array, asarray, copy', () => {
  it('infers bool / int32 / float64 as numpy does', () => {
    expect(array([true, false]).dtype).to.equal('bool');
    expect(array([1, 2]).dtype).to.equal('int32');
    expect(array([1, 2.5]).dtype).to.equal('float64');
    expect(array([]).dtype).to.equal('float64');
    expect(array([[1, 2], [3, 4]], 'float32').dtype).to.equal('float32');
    expect(array(3).shape).to.deep.equal([]);
  });

  it('array copies an NDArray, asarray does not', () => {
    const a = array([1, 2, 3]);
    const b = array(a);
    expect(b.data).to.not.equal(a.data);
    expect(b.tolist()).to.deep.equal([1, 2, 3]);
    expect(array(a, 'float64').dtype).to.equal('float64');
    expect(asarray(a)).to.equal(a);
    expect(asarray(a, 'float32').dtype).to.equal('float32');
  });

  it('copy makes a contiguous array with its own buffer', () => {
    const a = new NDArray(new Float64Array([1, 2, 3, 4]), [2, 2], [1, 2], 0);
    const c = copy(a);
    expect(c.contiguous).to.equal(true);
    expect(c.tolist()).to.deep.equal([[1, 3], [2, 4]]);
    expect(copy([1, 2]).tolist()).to.deep.equal([1, 2]);
  });
});
