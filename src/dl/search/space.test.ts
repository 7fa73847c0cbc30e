// Samplers, random and grid spaces, and zoom: ranges, the distribution on each scale, the same
// draws as numpy from the same seed, and coarse-to-fine narrowing.
import { expect } from 'chai';
import { np } from '../../tensor';
import { choice, draw, gridSpace, intRange, logUniform, oneMinusLog, sampleSpace, uniform } from './space';
import { zoom } from './zoom';
import type { ConfigOf } from './space';
import type { Trial } from './trials';

const N = 10000;
const draws = (s: unknown, seed = 0): number[] => {
  const rs = new np.random.RandomState(seed);
  return Array.from({ length: N }, () => draw(s, rs) as number);
};
const fraction = (xs: number[], pred: (x: number) => boolean): number => xs.filter(pred).length / xs.length;

describe('dl.search samplers', () => {
  it('uniform stays in [lo, hi) with a flat histogram', () => {
    const xs = draws(uniform(-2, 3));
    expect(Math.min(...xs)).to.be.at.least(-2);
    expect(Math.max(...xs)).to.be.below(3);
    for (let a = -2; a < 3; a++) expect(fraction(xs, (x) => x >= a && x < a + 1)).to.be.closeTo(0.2, 0.02);
  });

  it('logUniform(1e-4, 1) puts about a quarter of the draws in each decade', () => {
    const xs = draws(logUniform(1e-4, 1));
    expect(Math.min(...xs)).to.be.at.least(1e-4);
    expect(Math.max(...xs)).to.be.at.most(1);
    for (const e of [-4, -3, -2, -1]) expect(fraction(xs, (x) => x >= 10 ** e && x < 10 ** (e + 1)), `decade 1e${e}`).to.be.closeTo(0.25, 0.02);
    // A uniform draw over the same range would put 90% above 0.1.
    expect(fraction(xs, (x) => x > 0.1)).to.be.below(0.3);
  });

  it('oneMinusLog(0.9, 0.999) spreads 1 - beta evenly over its decades', () => {
    const xs = draws(oneMinusLog(0.9, 0.999));
    expect(Math.min(...xs)).to.be.at.least(0.9);
    expect(Math.max(...xs)).to.be.at.most(0.999);
    expect(fraction(xs, (b) => b < 0.99)).to.be.closeTo(0.5, 0.02); // 1 - beta in [1e-2, 1e-1]
    expect(fraction(xs, (b) => b >= 0.99)).to.be.closeTo(0.5, 0.02); // 1 - beta in [1e-3, 1e-2]
  });

  it('intRange includes both ends, each value equally often', () => {
    const xs = draws(intRange(2, 20));
    expect(xs.every(Number.isInteger)).to.equal(true);
    for (let v = 2; v <= 20; v++) expect(fraction(xs, (x) => x === v), `value ${v}`).to.be.closeTo(1 / 19, 0.012);
  });

  it('choice picks each value equally often', () => {
    const rs = new np.random.RandomState(1);
    const picks = Array.from({ length: N }, () => draw(choice(['gd', 'momentum', 'adam']), rs));
    for (const v of ['gd', 'momentum', 'adam']) expect(picks.filter((p) => p === v).length / N).to.be.closeTo(1 / 3, 0.02);
  });

  it('draws what numpy draws from the same seed', () => {
    // numpy: rs = RandomState(0); [(10 ** rs.uniform(-4, 0), rs.randint(2, 21)) for _ in range(3)]
    const configs = sampleSpace({ lr: logUniform(1e-4, 1), hidden: intRange(2, 20) }, 3, 0);
    const want = [[0.01567667719550606, 2], [0.02576638574613588, 5], [0.24491024634012082, 20]];
    configs.forEach((c, i) => {
      expect(c.lr).to.be.closeTo(want[i]![0]!, 1e-15 * want[i]![0]!);
      expect(c.hidden).to.equal(want[i]![1]);
    });
    // numpy: rs = RandomState(0); 1 - 10 ** rs.uniform(-3, -1)
    expect(sampleSpace({ beta: oneMinusLog(0.9, 0.999) }, 1, 0)[0]!.beta).to.be.closeTo(0.9874793461850006, 1e-15);
  });

  it('rejects bounds the scale cannot take', () => {
    expect(() => logUniform(0, 1)).to.throw(RangeError);
    expect(() => oneMinusLog(0.9, 1)).to.throw(RangeError);
    expect(() => intRange(1, 2.5)).to.throw(RangeError);
    expect(() => uniform(2, 1)).to.throw(RangeError);
    expect(() => choice([])).to.throw(RangeError);
  });
});

describe('dl.search.sampleSpace and gridSpace', () => {
  const space = { lr: logUniform(1e-4, 1), beta: oneMinusLog(0.9, 0.999), hidden: intRange(2, 20), act: choice(['relu', 'tanh']), epochs: 100 };

  it('the same seed gives the same configurations, another seed others', () => {
    expect(sampleSpace(space, 5, 7)).to.deep.equal(sampleSpace(space, 5, 7));
    expect(sampleSpace(space, 5, 7)).not.to.deep.equal(sampleSpace(space, 5, 8));
  });

  it('keeps constants and gives every configuration every key', () => {
    const configs = sampleSpace(space, 20, 0);
    expect(configs).to.have.length(20);
    for (const c of configs) {
      expect(Object.keys(c)).to.deep.equal(['lr', 'beta', 'hidden', 'act', 'epochs']);
      expect(c.epochs).to.equal(100);
      expect(['relu', 'tanh']).to.include(c.act);
    }
  });

  it('gridSpace is the cartesian product, the last key fastest', () => {
    const grid = gridSpace({ lr: [0.1, 0.01], hidden: [5, 10, 20], act: ['relu'] });
    expect(grid).to.have.length(6);
    expect(grid.slice(0, 3)).to.deep.equal([
      { lr: 0.1, hidden: 5, act: 'relu' },
      { lr: 0.1, hidden: 10, act: 'relu' },
      { lr: 0.1, hidden: 20, act: 'relu' },
    ]);
    expect(grid[3]).to.deep.equal({ lr: 0.01, hidden: 5, act: 'relu' });
    expect(gridSpace({})).to.deep.equal([{}]);
    expect(gridSpace({ a: [1, 2], b: [] })).to.deep.equal([]);
  });
});

describe('dl.search.zoom', () => {
  const space = { lr: logUniform(1e-4, 1), beta: oneMinusLog(0.9, 0.999), hidden: intRange(2, 20), act: choice(['relu', 'tanh', 'sigmoid']), epochs: 50 };
  type C = ConfigOf<typeof space>;
  // Best near lr = 1e-2, hidden = 10, beta = 0.99, with relu or tanh.
  const score = (c: C) => (Math.log10(c.lr) + 2) ** 2 + ((c.hidden - 10) / 5) ** 2 + (Math.log10(1 - c.beta) + 2) ** 2 + (c.act === 'sigmoid' ? 3 : 0);
  const trials: Trial<C>[] = sampleSpace(space, 200, 3).map((config, index) => ({ index, config, score: score(config), extra: {}, ms: 0 }));

  it('narrows every numeric range around the best trials, on the same scale', () => {
    const fine = zoom(space, trials, { keep: 0.1 });
    expect(fine.lr.kind).to.equal('logUniform');
    expect(fine.beta.kind).to.equal('oneMinusLog');
    expect(fine.hidden.kind).to.equal('intRange');
    expect(fine.lr.lo).to.be.greaterThan(1e-4);
    expect(fine.lr.hi).to.be.lessThan(1);
    expect(Math.log10(fine.lr.hi / fine.lr.lo)).to.be.lessThan(2.5); // from 4 decades
    expect(fine.lr.lo).to.be.at.most(1e-2);
    expect(fine.lr.hi).to.be.at.least(1e-2);
    expect(fine.beta.lo).to.be.at.most(0.99);
    expect(fine.beta.hi).to.be.at.least(0.99);
    expect(fine.hidden.lo).to.be.within(3, 10);
    expect(fine.hidden.hi).to.be.within(10, 17);
    expect(fine.epochs).to.equal(50);
  });

  it('keeps the min and max of the top fraction exactly, and only the choices they used', () => {
    const fine = zoom(space, trials, { keep: 0.25 });
    const top = [...trials].sort((a, b) => a.score - b.score).slice(0, 50);
    expect(fine.lr.lo).to.equal(Math.min(...top.map((t) => t.config.lr)));
    expect(fine.lr.hi).to.equal(Math.max(...top.map((t) => t.config.lr)));
    expect(fine.hidden.lo).to.equal(Math.min(...top.map((t) => t.config.hidden)));
    expect(fine.act.values).to.deep.equal(['relu', 'tanh', 'sigmoid'].filter((a) => top.some((t) => t.config.act === a)));
  });

  it('draws from the zoomed space score better on average', () => {
    const mean = (cs: C[]) => cs.reduce((s, c) => s + score(c), 0) / cs.length;
    expect(mean(sampleSpace(zoom(space, trials), 500, 4))).to.be.lessThan(mean(sampleSpace(space, 500, 4)) / 2);
  });

  it('maximizes when told, skips failed trials, and can widen by a margin within the old bounds', () => {
    const flipped = trials.map((t) => ({ ...t, score: -t.score }));
    expect(zoom(space, flipped, { minimize: false })).to.deep.equal(zoom(space, trials));
    const failed = [...trials, { index: 999, config: { ...trials[0]!.config, lr: 0.9 }, score: NaN, extra: {}, ms: 0, error: 'Error: boom' }];
    expect(zoom(space, failed)).to.deep.equal(zoom(space, trials));
    const tight = zoom(space, trials, { keep: 0.1 });
    const wide = zoom(space, trials, { keep: 0.1, margin: 0.5 });
    expect(wide.lr.lo).to.be.lessThan(tight.lr.lo);
    expect(wide.lr.hi).to.be.greaterThan(tight.lr.hi);
    expect(zoom(space, trials, { keep: 1, margin: 10 }).lr).to.deep.equal(space.lr);
    expect(() => zoom(space, [])).to.throw(/no successful trial/);
  });
});
