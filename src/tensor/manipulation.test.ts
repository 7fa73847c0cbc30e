import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asArray } from './convert';
import { decode, wsum } from './arrays.test-util';
import type { Encoded } from './arrays.test-util';
import { checkGrad } from './gradcheck.test-util';
import {
  broadcast_to,
  expand_dims,
  flatten,
  moveaxis,
  ravel,
  squeeze,
  sumToShape,
  swapaxes,
  transpose,
} from './manipulation';
import { NDArray, contiguousData } from './ndarray';

type Arg = number | number[];

const fx = JSON.parse(readFileSync(path.join(process.cwd(), 'src/tensor/fixtures/arrays-ops.json'), 'utf8')) as {
  shapes: { fn: string; name: string; a: Encoded; args: Arg[]; out: Encoded }[];
};

const randn = (...shape: number[]) => {
  const n = shape.reduce((p, q) => p * q, 1);
  return new NDArray(Float64Array.from({ length: n }, (_, i) => Math.cos(i * 1.3) * 2), shape);
};

const ops: Record<string, (a: NDArray, ...args: Arg[]) => NDArray> = {
  squeeze: (a, axis) => squeeze(a, axis),
  expand_dims: (a, axis) => expand_dims(a, axis!),
  transpose: (a, axes) => transpose(a, axes as number[] | undefined),
  swapaxes: (a, i, j) => swapaxes(a, i as number, j as number),
  moveaxis: (a, s, d) => moveaxis(a, s!, d!),
  broadcast_to: (a, shape) => broadcast_to(a, shape!),
  ravel: (a) => ravel(a),
  flatten: (a) => flatten(a),
};

describe('manipulation: numpy fixtures', () => {
  for (const c of fx.shapes) {
    it(`${c.fn}: ${c.name}`, () => {
      const a = decode(c.a);
      const out = ops[c.fn]!(a, ...c.args);
      expect(out.shape).to.deep.equal(c.out.shape);
      expect(out.dtype).to.equal(c.out.dtype);
      expect(Array.from(contiguousData(out))).to.deep.equal(c.out.data.map(Number));
      if (c.fn !== 'flatten') expect(out.data, 'a view').to.equal(a.data);
      else expect(out.data).to.not.equal(a.data);
    });
  }
});

describe('manipulation: views and errors', () => {
  it('broadcast_to has zero strides', () => {
    const b = broadcast_to([1, 2, 3], [4, 3]);
    expect(b.strides).to.deep.equal([0, 1]);
    expect(b.contiguous).to.equal(false);
    expect(broadcast_to(5, 3).tolist()).to.deep.equal([5, 5, 5]);
  });

  it('ravel copies only when it must', () => {
    const x = randn(2, 3);
    expect(ravel(x).data).to.equal(x.data);
    expect(ravel(transpose(x)).data).to.not.equal(x.data);
  });

  it('reports errors with numpy wording', () => {
    const x = randn(2, 3);
    expect(() => transpose(x, [0])).to.throw("axes don't match array");
    expect(() => transpose(x, [0, 0])).to.throw('repeated axis in transpose');
    expect(() => transpose(x, [0, 2])).to.throw('axis 2 is out of bounds for array of dimension 2');
    expect(() => squeeze(x, 0)).to.throw(/cannot select an axis to squeeze out which has size not equal to one/);
    expect(() => expand_dims(x, 3)).to.throw('axis 3 is out of bounds for array of dimension 3');
    expect(() => expand_dims(x, [0, 0])).to.throw('repeated axis');
    expect(() => swapaxes(x, 0, 2)).to.throw('axis 2 is out of bounds');
    expect(() => moveaxis(x, [0, 0], [1, 0])).to.throw('repeated axis in `source` argument');
    expect(() => moveaxis(x, [0], [1, 0])).to.throw('`source` and `destination` arguments must have the same number of elements');
    expect(() => broadcast_to(asArray([1, 2, 3]), [2, 4])).to.throw(
      'operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and requested shape (2,4)',
    );
    expect(() => broadcast_to(x, [3])).to.throw(/input operand has more dimensions than allowed by the axis remapping/);
  });

  it('sumToShape undoes broadcasting', () => {
    const g = asArray([[1, 2, 3], [4, 5, 6]], 'float64');
    expect(sumToShape(g, [3]).tolist()).to.deep.equal([5, 7, 9]);
    expect(sumToShape(g, [2, 1]).tolist()).to.deep.equal([[6], [15]]);
    expect(sumToShape(g, []).tolist()).to.equal(21);
    expect(sumToShape(g, [2, 3])).to.equal(g);
  });
});

describe('manipulation: gradients', () => {
  it('transpose, swapaxes, moveaxis', () => {
    checkGrad((x) => wsum(transpose(x, [2, 0, 1])), [randn(2, 3, 4)]);
    checkGrad((x) => wsum(swapaxes(x, 0, -1)), [randn(2, 3, 4)]);
    checkGrad((x) => wsum(moveaxis(x, [0, 1], [-1, -2])), [randn(2, 3, 4)]);
  });

  it('squeeze, expand_dims, ravel, flatten', () => {
    checkGrad((x) => wsum(squeeze(x)), [randn(1, 3, 1)]);
    checkGrad((x) => wsum(expand_dims(x, [0, 2])), [randn(3, 2)]);
    checkGrad((x) => wsum(ravel(transpose(x))), [randn(3, 2)]);
    checkGrad((x) => wsum(flatten(x)), [randn(3, 2)]);
  });

  it('broadcast_to sums the gradient back', () => {
    checkGrad((x) => wsum(broadcast_to(x, [4, 3])), [randn(3)]);
    checkGrad((x) => wsum(broadcast_to(x, [2, 3, 4])), [randn(3, 1)]);
    checkGrad((x) => wsum(broadcast_to(x, [2, 2])), [randn()]);
  });
});
