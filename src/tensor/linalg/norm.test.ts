import { expect } from 'chai';
import { NDArray } from '../ndarray';
import { checkGrad, gradOf } from '../gradcheck.test-util';
import { norm } from './norm';
import type { NormOrder } from './norm';
import { cases, decode, expectClose, randomArray, rng, weightedSum } from './linalg.test-util';

const ORD: Record<string, number> = { inf: Infinity, '-inf': -Infinity };
const toArray = (x: NDArray | number) => (typeof x === 'number' ? new NDArray(Float64Array.of(x), []) : x);

describe('linalg.norm', () => {
  describe('against numpy', () => {
    for (const c of cases('norm')) {
      it(c.name, () => {
        const x = decode(c.inputs[0]!);
        const k = c.kwargs as { ord: number | string | null; axis: number | number[] | null; keepdims: boolean };
        const ord = (typeof k.ord === 'string' && k.ord in ORD ? ORD[k.ord] : k.ord) as NormOrder;
        const spectral = ord === 2 || ord === -2 || ord === 'nuc';
        const f32 = x.dtype === 'float32';
        // The spectral norms come from eigenvalues of the Gram matrix: about 1e-12 relative.
        expectClose(norm(x, ord, k.axis, k.keepdims), c.expected!, { rtol: f32 ? 1e-6 : spectral ? 1e-10 : 1e-13, atol: 1e-12 }, c.name);
      });
    }
  });

  it('raises numpy\'s errors', () => {
    expect(() => norm([1, 2], 'fro', 0)).to.throw("norm: Invalid norm order 'fro' for vectors");
    expect(() => norm([[1, 2]], 3)).to.throw('norm: Invalid norm order for matrices.');
    expect(() => norm([[[1]]], 1)).to.throw('norm: Improper number of dimensions to norm.');
    expect(() => norm([[1, 2]], null, [1, 1])).to.throw('norm: Duplicate axes given.');
    expect(() => norm([[1, 2]], null, 2)).to.throw(/axis 2 is out of bounds/);
  });

  it('returns a plain number for a full reduction', () => {
    expect(norm([3, 4])).to.equal(5);
    expect(norm([[3], [4]], null, null, true)).to.be.instanceOf(NDArray);
  });

  describe('gradients', () => {
    const rand = rng(17);
    const variants: [string, number[], NormOrder, number | number[] | null, boolean][] = [
      ['2-norm of a vector', [5], null, null, false],
      ['Frobenius of a matrix', [3, 4], 'fro', null, false],
      ['default over a 3-D array', [2, 3, 2], null, null, false],
      ['2-norm along axis 0', [3, 4], 2, 0, false],
      ['2-norm along axis 1, keepdims', [3, 4], null, 1, true],
      ['Frobenius over axes (0, 2)', [2, 3, 2], 'fro', [0, 2], false],
      ['1-norm of a vector', [6], 1, null, false],
      ['1-norm along axis 1', [3, 4], 1, 1, false],
    ];
    for (const [name, shape, ord, axis, keepdims] of variants) {
      it(name, () => {
        checkGrad((x) => weightedSum(toArray(norm(x!, ord, axis, keepdims))), [randomArray(shape, rand)]);
      });
    }
    it('is 0 at the origin and refuses the norms it cannot differentiate', () => {
      const z = new NDArray(new Float64Array(3), [3]);
      expect(gradOf(() => toArray(norm(z)), [z]).grads[0]!.tolist()).to.deep.equal([0, 0, 0]);
      const m = randomArray([2, 2], rand);
      expect(() => gradOf(() => toArray(norm(m, 2)), [m])).to.throw(/gradient of the ord=2 matrix norm is not implemented/);
    });
  });
});
