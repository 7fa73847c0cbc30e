import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asArray } from './convert';
import { decode, wsum } from './arrays.test-util';
import type { Encoded } from './arrays.test-util';
import { checkGrad } from './gradcheck.test-util';
import { slice } from './indexing';
import { concatenate, hstack, stack, vstack } from './join';
import { NDArray, contiguousData } from './ndarray';

const fx = JSON.parse(readFileSync(path.join(process.cwd(), 'src/tensor/fixtures/arrays-ops.json'), 'utf8')) as {
  joins: { fn: string; name: string; arrays: Encoded[]; kwargs: { axis?: number | null }; out: Encoded }[];
};

const randn = (seed: number, ...shape: number[]) => {
  const n = shape.reduce((p, q) => p * q, 1);
  return new NDArray(Float64Array.from({ length: n }, (_, i) => Math.cos(i * 1.3 + seed) * 2), shape);
};

describe('join: numpy fixtures', () => {
  for (const c of fx.joins) {
    it(`${c.fn}: ${c.name}`, () => {
      const xs = c.arrays.map(decode);
      const axis = c.kwargs.axis;
      const out =
        c.fn === 'concatenate' ? concatenate(xs, axis === undefined ? 0 : axis)
        : c.fn === 'stack' ? stack(xs, axis ?? 0)
        : c.fn === 'vstack' ? vstack(xs)
        : hstack(xs);
      expect(out.shape).to.deep.equal(c.out.shape);
      expect(out.dtype).to.equal(c.out.dtype);
      expect(Array.from(contiguousData(out))).to.deep.equal(c.out.data.map(Number));
    });
  }
});

describe('join: behaviour and errors', () => {
  it('joins strided views and long rows', () => {
    const x = randn(0, 4, 300);
    const y = concatenate([slice(x, ':', '::-1'), x.T.T], 1);
    expect(y.shape).to.deep.equal([4, 600]);
    expect(y.get(2, 0)).to.equal(x.get(2, 299));
    expect(y.get(3, 599)).to.equal(x.get(3, 299));
  });

  it('reports errors with numpy wording', () => {
    const a = asArray([[1, 2, 3], [4, 5, 6]]);
    expect(() => concatenate([])).to.throw('need at least one array to concatenate');
    expect(() => concatenate([asArray(1), asArray(2)])).to.throw('zero-dimensional arrays cannot be concatenated');
    expect(() => concatenate([a, asArray([1, 2])])).to.throw(
      'all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)',
    );
    expect(() => concatenate([a, asArray([[1, 2]])])).to.throw(
      'all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2',
    );
    expect(() => concatenate([a, a], 2)).to.throw('axis 2 is out of bounds for array of dimension 2');
    expect(() => stack([])).to.throw('need at least one array to stack');
    expect(() => stack([asArray([1, 2, 3]), asArray([1, 2])])).to.throw(/all input arrays must have the same shape/);
    expect(() => stack([a, a], 3)).to.throw('axis 3 is out of bounds for array of dimension 3');
  });
});

describe('join: gradients split along the axis', () => {
  it('concatenate', () => {
    checkGrad((x, y) => wsum(concatenate([x, y, x], 1)), [randn(1, 2, 3), randn(2, 2, 1)]);
    checkGrad((x, y) => wsum(concatenate([x, y], null)), [randn(1, 2, 2), randn(2, 3)]);
  });

  it('stack, vstack, hstack', () => {
    checkGrad((x, y) => wsum(stack([x, y], -1)), [randn(1, 2, 3), randn(2, 2, 3)]);
    checkGrad((x, y) => wsum(vstack([x, y])), [randn(1, 2, 3), randn(2, 3)]);
    checkGrad((x, y) => wsum(hstack([x, y])), [randn(1, 3), randn(2, 2)]);
    checkGrad((x, y) => wsum(hstack([x, y])), [randn(1, 2, 1), randn(2, 2, 3)]);
  });
});
