import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allocate } from './dtype';
import type { DType } from './dtype';
import { NDArray } from './ndarray';
import { arrayStr, formatArray } from './print';
import { floatScalarStr, positionalParts, scientificParts, shortestDigits } from './print-float';

interface Encoded {
  shape: number[];
  dtype: DType;
  data: (number | boolean | string)[];
}

interface PrintCase {
  name: string;
  input: Encoded;
  repr: string;
  str: string;
}

function decode(e: Encoded): NDArray {
  const data = allocate(e.dtype, e.data.length);
  e.data.forEach((v, i) => {
    data[i] = v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v);
  });
  return new NDArray(data, e.shape);
}

const cases = JSON.parse(readFileSync(path.join(process.cwd(), 'src/tensor/fixtures/arrays-print.json'), 'utf8')) as PrintCase[];

describe('print: numpy repr and str', () => {
  it('has the fixture cases', () => {
    expect(cases.length).to.be.greaterThan(500);
  });

  for (const c of cases) {
    it(`${c.name}`, () => {
      const a = decode(c.input);
      expect(formatArray(a), 'repr').to.equal(c.repr);
      expect(arrayStr(a), 'str').to.equal(c.str);
    });
  }

  it('prints views by their logical order (transposed, reversed, broadcast)', () => {
    const a = new NDArray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]);
    const t = new NDArray(a.data, [3, 2], [1, 3], 0);
    expect(formatArray(t)).to.equal('array([[1., 4.],\n       [2., 5.],\n       [3., 6.]])');
    const rev = new NDArray(a.data, [6], [-1], 5);
    expect(arrayStr(rev)).to.equal('[6. 5. 4. 3. 2. 1.]');
    const b = new NDArray(new Int32Array([7]), [2, 2], [0, 0], 0);
    expect(formatArray(b)).to.equal('array([[7, 7],\n       [7, 7]])');
  });

  it('prints a summarized view without copying it', () => {
    const big = new Float64Array(3000).map((_, i) => i);
    const v = new NDArray(big, [1500], [2], 1);
    expect(arrayStr(v)).to.equal('[1.000e+00 3.000e+00 5.000e+00 ... 2.995e+03 2.997e+03 2.999e+03]');
  });
});

describe('print-float: Dragon4 digits', () => {
  it('finds the shortest float32 digits', () => {
    expect(shortestDigits(Math.fround(0.1), true)).to.deep.equal({ digits: '1', exp: -1 });
    expect(shortestDigits(Math.fround(1 / 3), true)).to.deep.equal({ digits: '33333334', exp: -1 });
    expect(shortestDigits(16777216, true)).to.deep.equal({ digits: '16777216', exp: 7 });
    expect(shortestDigits(0.1, false)).to.deep.equal({ digits: '1', exp: -1 });
  });

  it('rounds exact ties half to even when capping digits', () => {
    expect(positionalParts(1 / 512, false, 8)).to.deep.equal(['0', '00195312']);
    expect(positionalParts(3 / 512, false, 8)).to.deep.equal(['0', '00585938']);
    expect(positionalParts(-2.5, false, 0)).to.deep.equal(['-2', '']);
    expect(scientificParts(125, false, 1)).to.deep.equal(['1', '2', 2]);
    expect(scientificParts(135, false, 1)).to.deep.equal(['1', '4', 2]);
  });

  it('formats scalars as numpy str does', () => {
    expect(floatScalarStr(1, false)).to.equal('1.0');
    expect(floatScalarStr(1e16, false)).to.equal('1e+16');
    expect(floatScalarStr(1.5e-5, false)).to.equal('1.5e-05');
    expect(floatScalarStr(-0, false)).to.equal('-0.0');
    expect(floatScalarStr(Math.fround(0.1), true)).to.equal('0.1');
  });
});
