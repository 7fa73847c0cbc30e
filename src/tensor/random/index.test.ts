import { expect } from 'chai';
import fx from '../fixtures/random.json';
import type { NDArray } from '../ndarray';
import { globalRandomState, random, RandomState } from './index';

const course = (fx as unknown as { sequences: { name: string; calls: { out: { data: number[] } }[] }[] }).sequences;
const expected = (name: string, call = 0) => course.find((s) => s.name === name)!.calls[call]!.out.data;

describe('np.random: the module-level functions on the global state', () => {
  it("seed(3); randn(4, 2) is numpy's", () => {
    random.seed(3);
    const w: NDArray = random.randn(4, 2);
    expect(Array.from(w.data)).to.deep.equal(expected('course: seed(3); randn(4, 2)'));
  });

  it('seed(1); permutation(64) then permutation(10) are numpy\'s', () => {
    random.seed(1);
    expect(Array.from(random.permutation(64).data)).to.deep.equal(expected('course: seed(1); permutation(m)'));
    expect(Array.from(random.permutation(10).data)).to.deep.equal(expected('course: seed(1); permutation(m)', 1));
  });

  it('globalRandomState() is the same stream as np.random.*', () => {
    random.seed(0);
    expect(globalRandomState().rand()).to.equal(0.5488135039273248);
    expect(random.rand()).to.equal(0.7151893663724195);
    expect(globalRandomState()).to.be.instanceOf(RandomState);
  });

  it('exposes RandomState and all the functions', () => {
    const names = ['seed', 'rand', 'random_sample', 'random', 'randn', 'standard_normal', 'normal', 'uniform', 'randint', 'permutation', 'shuffle', 'choice', 'binomial'];
    for (const n of names) expect(random[n as keyof typeof random], n).to.be.a('function');
    expect(new random.RandomState(0).rand()).to.equal(0.5488135039273248);
  });

  it('seed() with no argument reseeds from entropy', () => {
    random.seed();
    const a = random.rand();
    random.seed();
    expect(random.rand()).to.not.equal(a);
  });
});
