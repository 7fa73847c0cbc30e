// Replays numpy's recorded call sequences (scripts/fixtures/random.py) and demands every number
// exactly: one miscounted 32-bit word or one stale cached Gaussian shifts all later values.
import { expect } from 'chai';
import fx from '../fixtures/random.json';
import { NDArray } from '../ndarray';
import { RandomState } from './state';

type Json = number | null | { list: number[] } | { shape: number[]; data: number[] } | Record<string, unknown>;
interface Call {
  fn: string;
  args: Json[];
  out: Json;
}
interface Sequence {
  name: string;
  seed: number | number[];
  calls: Call[];
}
const sequences = (fx as unknown as { sequences: Sequence[] }).sequences;

const FLOAT_FNS = new Set(['rand', 'randn', 'random_sample', 'random', 'standard_normal', 'normal', 'uniform']);

function decode(a: Json): unknown {
  if (a === null) return undefined;
  if (typeof a === 'object' && 'list' in a) return [...(a.list as number[])];
  if (typeof a === 'object' && 'shape' in a) return new NDArray(Int32Array.from(a.data as number[]), a.shape as number[]);
  return a;
}

/** Calls `fn` with the fixture's positional arguments; returns what numpy's call returned. */
function replay(rs: RandomState, fn: string, args: Json[]): unknown {
  const v = args.map(decode) as never[];
  switch (fn) {
    case 'rand':
      return rs.rand(...(v as number[]));
    case 'randn':
      return rs.randn(...(v as number[]));
    case 'shuffle': {
      const x = v[0] as NDArray | number[];
      rs.shuffle(x);
      return x;
    }
    case 'random_sample':
    case 'random':
    case 'standard_normal':
    case 'normal':
    case 'uniform':
    case 'randint':
    case 'permutation':
    case 'choice':
    case 'binomial':
      return (rs[fn] as (...a: unknown[]) => unknown)(...v);
    default:
      throw new Error(`no such call ${fn}`);
  }
}

function expectSame(got: unknown, want: Json, fn: string, where: string): void {
  if (typeof want === 'number') {
    expect(got, where).to.be.a('number');
    expect(got, where).to.equal(want);
  } else if (want !== null && 'list' in want) {
    expect(got, where).to.deep.equal(want.list);
  } else {
    const w = want as { shape: number[]; data: number[] };
    expect(got, where).to.be.instanceOf(NDArray);
    const a = got as NDArray;
    expect(a.shape, where).to.deep.equal(w.shape);
    if (FLOAT_FNS.has(fn)) expect(a.dtype, where).to.equal('float64');
    if (fn === 'randint' || fn === 'binomial' || fn === 'permutation') expect(a.dtype, where).to.equal('int32');
    const data = Array.from(a.copy().data);
    for (let i = 0; i < w.data.length; i++) {
      if (data[i] !== w.data[i]) expect.fail(`${where}: element ${i} is ${data[i]}, numpy ${w.data[i]}`);
    }
  }
}

describe("RandomState: numpy's legacy streams, exactly", () => {
  for (const seq of sequences) {
    it(`${seq.name} (${seq.calls.length} calls)`, () => {
      const rs = new RandomState(seq.seed);
      seq.calls.forEach((c, i) => {
        const where = `call ${i}: ${c.fn}(${JSON.stringify(c.args).slice(1, -1).slice(0, 60)})`;
        expectSame(replay(rs, c.fn, c.args), c.out, c.fn, where);
      });
    });
  }

  it('reseeding restarts the stream and drops the cached Gaussian', () => {
    const rs = new RandomState(3);
    rs.randn(3); // leaves a cached value
    rs.seed(3);
    const again = rs.randn(4, 2).tolist();
    rs.seed(3);
    expect(rs.randn(4, 2).tolist()).to.deep.equal(again);
  });

  it("the course's fact: seed(3); randn(4, 2) starts 1.78862847, 0.43650985", () => {
    const rs = new RandomState(3);
    const w = rs.randn(4, 2);
    expect(w.get(0, 0) as number).to.be.closeTo(1.78862847, 1e-8);
    expect(w.get(0, 1) as number).to.be.closeTo(0.43650985, 1e-8);
  });

  it('shuffles a strided view through its strides', () => {
    const base = new NDArray(Int32Array.from({ length: 12 }, (_, i) => i), [3, 4]);
    const view = base.T; // shape (4, 3), not contiguous
    const copy = view.copy();
    new RandomState(5).shuffle(view);
    new RandomState(5).shuffle(copy);
    expect(view.tolist()).to.deep.equal(copy.tolist());
    expect(base.T.tolist()).to.deep.equal(copy.tolist());
  });

  it('shuffles a typed array as it shuffles a list', () => {
    const list = [0, 1, 2, 3, 4, 5, 6, 7];
    const typed = Float64Array.from(list);
    new RandomState(9).shuffle(list);
    new RandomState(9).shuffle(typed);
    expect(Array.from(typed)).to.deep.equal(list);
  });

  it('permutation of an NDArray returns a copy and leaves the input alone', () => {
    const x = new NDArray(Float64Array.from([1, 2, 3, 4, 5]), [5]);
    const p = new RandomState(0).permutation(x);
    expect(x.tolist()).to.deep.equal([1, 2, 3, 4, 5]);
    expect((p.tolist() as number[]).slice().sort()).to.deep.equal([1, 2, 3, 4, 5]);
    expect(p.dtype).to.equal('float64');
  });

  it('an unseeded RandomState draws from fresh entropy', () => {
    expect(new RandomState().rand(4).tolist()).to.not.deep.equal(new RandomState().rand(4).tolist());
  });

  it('types follow numpy: a number without size, an array with one', () => {
    const rs = new RandomState(0);
    const scalar: number = rs.normal(0, 1);
    const arr: NDArray = rs.normal(0, 1, [2]);
    const one: number = rs.randint(0, 5);
    const picked: number = rs.choice([1, 2, 3]);
    expect([typeof scalar, arr.shape, typeof one, typeof picked]).to.deep.equal(['number', [2], 'number', 'number']);
    expect(rs.rand(0).shape).to.deep.equal([0]);
    expect(rs.randint(0, 10, [2, 0]).shape).to.deep.equal([2, 0]);
  });
});
