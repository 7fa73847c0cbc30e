// Initialization against the course's numbers and numpy's draws.
import { expect } from 'chai';
import { np } from '../tensor';
import { initializeParameters, initWeight } from './init';
import { dict, expectClose, fx } from './fixtures.test-util';

describe('dl init', () => {
  it('He on [2, 4, 1] with seed 3 gives W1[0] = [1.78862847, 0.43650985] (the course)', () => {
    const p = initializeParameters([2, 4, 1], 'he', { seed: 3 });
    expect(p.W1!.get(0, 0)).to.be.closeTo(1.78862847, 1e-8);
    expect(p.W1!.get(0, 1)).to.be.closeTo(0.43650985, 1e-8);
    expect(Object.keys(p)).to.deep.equal(['W1', 'b1', 'W2', 'b2']);
    const want = dict(fx.he241);
    for (const k of Object.keys(want)) expectClose(p[k]!, want[k]!, 0, k);
  });

  it('draws [2, 10, 5, 1] as the course does for zeros, random (x10) and he', () => {
    for (const method of ['zeros', 'random', 'he'] as const) {
      const p = initializeParameters([2, 10, 5, 1], method, { seed: 3 });
      const want = dict(fx.init[method].init);
      for (const k of Object.keys(want)) expectClose(p[k]!, want[k]!, 0, `${method} ${k}`);
    }
  });

  it('xavier divides randn by sqrt(n_prev); without a seed it continues the stream', () => {
    np.random.seed(3);
    const direct = np.divide(np.random.randn(4, 3), Math.sqrt(3));
    np.random.seed(3);
    expectClose(initWeight(4, 3, 'xavier'), direct, 0);
    np.random.seed(3);
    np.random.randn(1);
    const p = initializeParameters([3, 2], 'random', { scale: 0.01 });
    np.random.seed(3);
    np.random.randn(1);
    expectClose(p.W1!, np.multiply(np.random.randn(2, 3), 0.01), 0);
  });

  it('refuses unknown methods and too few layers', () => {
    expect(() => initializeParameters([2], 'he')).to.throw(/at least/);
    expect(() => initWeight(2, 2, 'bad' as 'he')).to.throw(/unknown initialization/);
  });
});
