// The wire format to pool workers: NDArrays survive structured clone, objectives survive
// toString() and new Function, including the loop guards the notebook compiler adds.
import { expect } from 'chai';
import { NDArray, np } from '../../tensor';
import * as dl from '../index';
import { compileObjective, decode, encode, objectiveSource } from './wire';

const roundTrip = (x: unknown): unknown => decode(structuredClone(encode(x)));

describe('dl.search wire format', () => {
  it('carries NDArrays of every dtype, views included, nested in objects and arrays', () => {
    const A = np.arange(12).reshape(3, 4).astype('float64');
    const data = {
      X: A,
      T: A.T, // not contiguous
      rows: A.slice('1:3', ':'), // contiguous, at an offset
      f32: np.ones([2, 2], 'float32'),
      ints: np.array([1, 2, 3]),
      mask: np.greater(A, 5),
      nested: [{ W: np.array([[0.5]]) }, 7, 'text'],
      lr: 0.1,
    };
    const back = roundTrip(data) as typeof data;
    for (const key of ['X', 'T', 'rows', 'f32', 'ints', 'mask'] as const) {
      expect(back[key]).to.be.instanceOf(NDArray);
      expect(back[key].dtype, key).to.equal(data[key].dtype);
      expect(back[key].shape, key).to.deep.equal(data[key].shape);
      expect(back[key].tolist(), key).to.deep.equal(data[key].tolist());
    }
    expect((back.nested[0] as { W: NDArray }).W.tolist()).to.deep.equal([[0.5]]);
    expect(back.nested.slice(1)).to.deep.equal([7, 'text']);
    expect(back.lr).to.equal(0.1);
  });

  it('gives every array a buffer of its own size (small arrays live in a shared slab)', () => {
    const small = np.ones([3]);
    const wire = encode(small) as { data: Float64Array };
    expect(wire.data.buffer.byteLength).to.equal(24);
  });

  it('rebuilds arrow functions, function expressions, async functions and methods', () => {
    const f = compileObjective(objectiveSource((config: { lr: number }) => config.lr * 2));
    expect(f({ lr: 3 }, {}, np, dl)).to.equal(6);
    expect(compileObjective('function (c, d) { return c.a + d.b; }')({ a: 1 }, { b: 2 }, np, dl)).to.equal(3);
    expect(compileObjective('function __nbf_objective(c) { return c.a; }')({ a: 4 }, {}, np, dl)).to.equal(4);
    expect(compileObjective('objective(c) { return c.a * 10; }')({ a: 4 }, {}, np, dl)).to.equal(40);
    return (compileObjective('async (c, d, np) => np.sum(np.ones([c.n]))')({ n: 5 }, {}, np, dl) as Promise<number>).then((v) => expect(v).to.equal(5));
  });

  it("runs a notebook cell's compiled loops (with their __nb.g() guards) without the kernel", () => {
    const source = 'function (c) { let s = 0; for (let i = 0; i < c.n; i++) {__nb.g(); s += i; } return s; }';
    expect(compileObjective(source)({ n: 5 }, {}, np, dl)).to.equal(10);
  });

  it('cannot see the variables the objective closed over, and says so when called', () => {
    const secret = 42;
    const f = compileObjective(objectiveSource(() => secret));
    expect(() => f({}, {}, np, dl)).to.throw(ReferenceError, /secret/);
  });

  it('rejects what is not a function', () => {
    expect(() => compileObjective('1 + 1')).to.throw(TypeError, /not a function/);
    expect(() => compileObjective('this is not code')).to.throw(SyntaxError, /does not parse/);
    expect(() => objectiveSource(((c: number) => c).bind(null))).to.throw(/bound or built-in/);
  });
});
