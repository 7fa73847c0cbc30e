import { expect } from 'chai';
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { decode, describeOperand, expectNumpy, loadFixture } from './elementwise-fixtures.test-util';
import type { Encoded } from './elementwise-fixtures.test-util';
import { gradOf } from './gradcheck.test-util';
import { NDArray } from './ndarray';
import * as reduce from './reduce';
import type { ReduceArg } from './reduce-core';
import { pairwiseSum } from './reduce-kernels';
import * as stats from './reduce-stats';

interface ReduceCase {
  fn: string;
  x: Encoded;
  args: ReduceArg;
  out: Encoded;
}
const fx = loadFixture<{ reduce: ReduceCase[] }>('ops-reduce.json');
const fns = { ...reduce, ...stats } as unknown as Record<string, (x: ArrayLike, arg?: ReduceArg) => unknown>;

describe('reductions against numpy', () => {
  it('has the fixture cases', () => {
    expect(fx.reduce.length).to.be.greaterThan(500);
  });

  for (const c of fx.reduce) {
    it(`${c.fn}(${describeOperand(c.x)}, ${JSON.stringify(c.args)})`, () => {
      expect(fns[c.fn], c.fn).to.be.a('function');
      expectNumpy(() => fns[c.fn]!(decode(c.x) as NDArray, c.args), c.out);
    });
  }
});

describe('reductions: results and options', () => {
  const x = asArray([[1, 2, 3], [4, 5, 6]], 'float64');

  it('returns JS numbers and booleans for full reductions, NDArrays with an axis or keepdims', () => {
    const m = 2;
    const cost: number = reduce.sum(x) / m;
    expect(cost).to.equal(10.5);
    expect(reduce.mean(x)).to.equal(3.5);
    expect(stats.argmax(x)).to.equal(5);
    expect(reduce.all(x)).to.equal(true);
    expect(reduce.any(asArray([0, 0]))).to.equal(false);
    expect(reduce.sum(x, { keepdims: true })).to.be.instanceOf(NDArray);
    expect(reduce.sum(x, { keepdims: true }).shape).to.deep.equal([1, 1]);
    // An explicit axis gives an array even when it covers every axis (the type says so).
    expect(reduce.sum(asArray([1, 2]), 0).shape).to.deep.equal([]);
    expect(reduce.sum(x, { axis: 1, keepdims: true }).tolist()).to.deep.equal([[6], [15]]);
    expect(reduce.sum(x, 0).tolist()).to.deep.equal([5, 7, 9]);
    expect(reduce.sum(x, [0, -1]).item()).to.equal(21);
  });

  it('returns 0-d arrays from full reductions inside an autograd scope', () => {
    const w = asArray([1, 2, 3], 'float64');
    let inside: unknown;
    const { grads } = gradOf(() => {
      inside = reduce.sum(w);
      return inside as NDArray;
    }, [w]);
    expect(inside).to.be.instanceOf(NDArray);
    expect((inside as NDArray).shape).to.deep.equal([]);
    expect(grads[0]!.tolist()).to.deep.equal([1, 1, 1]);
    // Indices and truth values never go on the tape: still plain values.
    gradOf(() => {
      expect(stats.argmax(w)).to.equal(2);
      expect(reduce.any(w)).to.equal(true);
      return reduce.mean(w) as unknown as NDArray;
    }, [w]);
  });

  it('gives numpy dtypes: bool sums count as int32, int means are float64', () => {
    expect(reduce.sum(asArray([true, true, false]), 0).dtype).to.equal('int32');
    expect(reduce.sum(asArray([true, true, false]))).to.equal(2);
    expect(reduce.mean(asArray([[1, 2]]), 1).dtype).to.equal('float64');
    expect(stats.argmax(x, 1).dtype).to.equal('int32');
    expect(reduce.max(asArray([[true, false]]), 1).dtype).to.equal('bool');
  });

  it('rejects axis lists for argmax and repeated axes', () => {
    expect(() => stats.argmax(x, { axis: [0, 1] as unknown as number })).to.throw('argmax takes a single axis');
    expect(() => reduce.sum(x, [1, 1])).to.throw('repeated axis');
  });

  it('sums exactly as numpy (pairwise) on long rows', () => {
    const n = 1000;
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = 1 / (i + 1);
    // Sequential summation would differ in the last bits; pairwise over 8 lanes is what numpy does.
    let seq = 0;
    for (let i = 0; i < n; i++) seq += a[i]!;
    expect(pairwiseSum(a, 0, n)).to.be.closeTo(seq, 1e-12);
    expect(reduce.sum(new NDArray(a, [n]))).to.equal(pairwiseSum(a, 0, n));
  });

  it('reduces views and non-block axis sets by copying in reduced-last order', () => {
    const data = Float64Array.from({ length: 24 }, (_, i) => i);
    const t = new NDArray(data, [2, 3, 4]).T; // (4,3,2)
    expect(reduce.sum(t, [0, 2]).tolist()).to.deep.equal([60, 92, 124]);
    expect(reduce.max(t, 1).tolist()).to.deep.equal(reduce.max(t.copy(), 1).tolist());
    expect(stats.argmin(t, { axis: 2, keepdims: true }).shape).to.deep.equal([4, 3, 1]);
  });
});
