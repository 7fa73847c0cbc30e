import { expect } from 'chai';
import * as binary from './binary';
import * as compare from './compare';
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { clip, where } from './elementwise-select';
import { decode, describeOperand, expectNumpy, loadFixture } from './elementwise-fixtures.test-util';
import type { Encoded } from './elementwise-fixtures.test-util';
import { NDArray } from './ndarray';
import * as unary from './unary';

interface BinaryCase {
  fn: string;
  a: Encoded;
  b: Encoded;
  out: Encoded;
}
interface UnaryCase {
  fn: string;
  a: Encoded;
  out: Encoded;
}
interface SelectCase {
  fn: 'where' | 'clip';
  args: (Encoded | null)[];
  out: Encoded;
}
const fx = loadFixture<{ binary: BinaryCase[]; unary: UnaryCase[]; select: SelectCase[] }>('ops-elementwise.json');

type BinaryFn = (a: ArrayLike, b: ArrayLike) => NDArray;
type UnaryFn = (a: ArrayLike) => NDArray;
const binaries = { ...binary, ...compare } as unknown as Record<string, BinaryFn>;
const unaries = { ...unary, ...compare } as unknown as Record<string, UnaryFn>;

describe('elementwise ops against numpy', () => {
  it('has the fixture cases', () => {
    expect(fx.binary.length).to.be.greaterThan(500);
    expect(fx.unary.length).to.be.greaterThan(150);
  });

  for (const c of fx.binary) {
    it(`${c.fn}(${describeOperand(c.a)}, ${describeOperand(c.b)})`, () => {
      expect(binaries[c.fn], c.fn).to.be.a('function');
      expectNumpy(() => binaries[c.fn]!(decode(c.a), decode(c.b)), c.out);
    });
  }

  for (const c of fx.unary) {
    it(`${c.fn}(${describeOperand(c.a)})`, () => {
      expect(unaries[c.fn], c.fn).to.be.a('function');
      expectNumpy(() => unaries[c.fn]!(decode(c.a)), c.out);
    });
  }

  for (const c of fx.select) {
    it(`${c.fn}(${c.args.map(describeOperand).join(', ')})`, () => {
      const args = c.args.map((e) => (e === null ? null : decode(e)));
      if (c.fn === 'where') expectNumpy(() => where(args[0]!, args[1]!, args[2]!), c.out);
      else expectNumpy(() => clip(args[0]!, args[1], args[2]), c.out);
    });
  }
});

describe('elementwise ops: the out argument', () => {
  it('writes into out and returns it, in place too', () => {
    const a = asArray([[1, 2, 3], [4, 5, 6]], 'float64');
    const out = new NDArray(new Float64Array(6), [2, 3]);
    expect(binary.add(a, [10, 20, 30], { out })).to.equal(out);
    expect(out.tolist()).to.deep.equal([[11, 22, 33], [14, 25, 36]]);
    expect(binary.multiply(a, 2, { out: a })).to.equal(a);
    expect(a.tolist()).to.deep.equal([[2, 4, 6], [8, 10, 12]]);
    expect(unary.sqrt(asArray([4, 9]), { out: asArray([0, 0], 'float64') }).tolist()).to.deep.equal([2, 3]);
    expect(compare.greater(a, 5, { out: asArray([[false, false, false], [false, false, false]]) }).tolist()).to.deep.equal([[false, false, true], [true, true, true]]);
  });

  it('rejects a wrong shape or a narrower dtype with numpy messages', () => {
    const a = asArray([[1, 2, 3], [4, 5, 6]], 'float64');
    expect(() => binary.add(a, 1, { out: asArray([0, 0, 0], 'float64') })).to.throw("non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)");
    expect(() => binary.add(a, 1.5, { out: asArray([[0, 0, 0], [0, 0, 0]], 'int32') })).to.throw("Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'");
    // Widening and float64 -> float32 are allowed, as numpy's same_kind.
    expect(binary.add(asArray([1, 2]), 1, { out: asArray([0, 0], 'float32') }).dtype).to.equal('float32');
  });

  it('writes into strided outs and handles outs that overlap an operand', () => {
    const base = asArray([[1, 2], [3, 4]], 'float64');
    const outT = new NDArray(new Float64Array(4), [2, 2]).T;
    binary.add(base, 1, { out: outT });
    expect(outT.tolist()).to.deep.equal([[2, 3], [4, 5]]);
    // out is the transpose of its own operand: numpy gives the values as if computed first.
    const m = asArray([[1, 2], [3, 4]], 'float64');
    binary.add(m.T, 0, { out: m });
    expect(m.tolist()).to.deep.equal([[1, 3], [2, 4]]);
    const s = asArray([[1, 2], [3, 4]], 'float64');
    binary.add(s, s.T, { out: s });
    expect(s.tolist()).to.deep.equal([[2, 5], [5, 8]]);
  });
});

describe('elementwise ops: paths agree', () => {
  const rand = (shape: number[]) => new NDArray(Float64Array.from({ length: shape.reduce((p, d) => p * d, 1) }, () => Math.random() - 0.5), shape);
  const strided = (x: NDArray) => new NDArray(x.T.copy().data, [...x.shape].reverse()).T; // same values, transposed layout

  it('contiguous, strided, row and column broadcasts give the same values', () => {
    const a = rand([10, 30]);
    const col = rand([10, 1]);
    const row = rand([1, 30]);
    for (const f of [binary.add, binary.subtract, binary.multiply, binary.divide, binary.maximum, compare.less]) {
      const want = f(a.tolist() as number[][], col.tolist() as number[][]).tolist();
      expect(f(a, col).tolist()).to.deep.equal(want);
      expect(f(strided(a), col).tolist()).to.deep.equal(want);
      expect(f(a, row).tolist()).to.deep.equal(f(a, row.copy()).tolist());
      expect(f(strided(a), strided(rand([10, 30]).copy())).shape).to.deep.equal([10, 30]);
      expect(f(a, 0.25).tolist()).to.deep.equal(f(strided(a), 0.25).tolist());
      expect(f(0.25, a).tolist()).to.deep.equal(f(0.25, strided(a)).tolist());
    }
  });

  it('broadcasts 4-D arrays through the odometer', () => {
    const a = rand([2, 3, 4, 5]);
    const b = rand([3, 1, 5]);
    const out = binary.add(a, b);
    expect(out.shape).to.deep.equal([2, 3, 4, 5]);
    expect(out.get(1, 2, 3, 4)).to.equal((a.get(1, 2, 3, 4) as number) + (b.get(2, 0, 4) as number));
    const t = binary.multiply(a.T, 2);
    expect(t.get(4, 3, 2, 1)).to.equal((a.get(1, 2, 3, 4) as number) * 2);
  });

  it('takes nested lists and booleans anywhere, and two scalars give a 0-d array', () => {
    expect(binary.add([1, 2], [[10], [20]]).tolist()).to.deep.equal([[11, 12], [21, 22]]);
    expect(binary.add(asArray([true, false]), true).tolist()).to.deep.equal([true, true]);
    expect(binary.add(asArray([true, false]), 1).tolist()).to.deep.equal([2, 1]);
    const s = binary.divide(1, 2);
    expect(s.shape).to.deep.equal([]);
    expect(s.item()).to.equal(0.5);
    expect(unary.exp(0).item()).to.equal(1);
  });

  it('follows numpy semantics without exceptions: 1/0, 0/0, log(0), log(-1)', () => {
    expect(binary.divide([1, -1, 0], 0).tolist()).to.deep.equal([Infinity, -Infinity, NaN]);
    expect(unary.log([0, -1]).tolist()).to.deep.equal([-Infinity, NaN]);
    expect(unary.sqrt(-1).item()).to.be.NaN;
    expect(binary.power(1, NaN).item()).to.equal(1);
  });
});
