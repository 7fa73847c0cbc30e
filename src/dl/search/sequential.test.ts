// randomSearch and gridSearch on toy objectives, where the optimum is known.
import { expect } from 'chai';
import { np } from '../../tensor';
import * as dl from '../index';
import { gridSearch, randomSearch, runConfigs } from './sequential';
import { choice, intRange, logUniform, sampleSpace } from './space';
import { zoom } from './zoom';
import type { Trial } from './trials';

// A cost that is lowest at lr = 3e-3, quadratic in log10(lr), as validation costs roughly are.
const LR_STAR = 3e-3;
const bowl = ({ lr }: { lr: number }) => (Math.log10(lr) - Math.log10(LR_STAR)) ** 2;

describe('dl.search.randomSearch', () => {
  const space = { lr: logUniform(1e-4, 1) };

  it('finds a near-optimal learning rate for a quadratic in log10(lr)', () => {
    const result = randomSearch({ space, trials: 40, seed: 0, objective: bowl });
    expect(result.trials).to.have.length(40);
    expect(result.best!.score).to.equal(Math.min(...result.trials.map((t) => t.score)));
    expect(Math.abs(Math.log10(result.best!.config.lr / LR_STAR))).to.be.lessThan(0.15);
    expect(result.minimize).to.equal(true);
  });

  it('tries the configurations sampleSpace draws, in order, with their scores and times', () => {
    const result = randomSearch({ space, trials: 5, seed: 9, objective: bowl });
    expect(result.trials.map((t) => t.config)).to.deep.equal(sampleSpace(space, 5, 9));
    result.trials.forEach((t, i) => {
      expect(t.index).to.equal(i);
      expect(t.score).to.equal(bowl(t.config));
      expect(t.ms).to.be.at.least(0);
      expect(t.error).to.equal(undefined);
    });
  });

  it('calls onTrial as each trial ends, with the best so far', () => {
    const seen: number[] = [];
    const bests: number[] = [];
    const result = randomSearch({
      space, trials: 12, seed: 1, objective: bowl,
      onTrial: (t, p) => {
        seen.push(t.index);
        expect(p.done).to.equal(t.index + 1);
        expect(p.total).to.equal(12);
        bests.push(p.best!.score);
      },
    });
    expect(seen).to.deep.equal([...Array(12).keys()]);
    for (let i = 1; i < bests.length; i++) expect(bests[i]).to.be.at.most(bests[i - 1]!);
    expect(bests.at(-1)).to.equal(result.best!.score);
  });

  it('keeps what the objective returns besides the score, and maximizes when told', () => {
    const result = randomSearch({
      space: { lr: logUniform(1e-4, 1), hidden: intRange(2, 20) }, trials: 30, seed: 2, minimize: false,
      objective: ({ lr, hidden }) => ({ score: -bowl({ lr }) - (hidden - 7) ** 2, accuracy: 0.5 }),
    });
    expect(result.best!.config.hidden).to.equal(7);
    expect(result.best!.extra).to.deep.equal({ accuracy: 0.5 });
  });

  it('records a throwing trial as an error and goes on; throws when every trial fails', () => {
    const result = randomSearch({
      space: { lr: logUniform(1e-4, 1), act: choice(['relu', 'bad']) }, trials: 10, seed: 3,
      objective: ({ lr, act }) => {
        if (act === 'bad') throw new RangeError(`no activation ${act}`);
        return bowl({ lr });
      },
    });
    const bad = result.trials.filter((t) => t.config.act === 'bad');
    expect(bad.length).to.be.greaterThan(0);
    for (const t of bad) {
      expect(t.error).to.equal('RangeError: no activation bad');
      expect(Number.isNaN(t.score)).to.equal(true);
    }
    expect(result.best!.config.act).to.equal('relu');
    expect(() => randomSearch({ space, trials: 3, objective: () => { throw new Error('typo'); } })).to.throw(/every trial failed; trial 0: Error: typo/);
    const wrong = runConfigs({ configs: [{ lr: 1 }, { lr: 2 }], objective: ({ lr }) => (lr === 1 ? 1 : ({ cost: lr } as unknown as number)) });
    expect(wrong.trials[1]!.error).to.match(/must return a number or \{ score: number, ... \}, got an object without a numeric score/);
  });

  it('refuses an async objective per trial (it runs synchronously)', () => {
    expect(() => randomSearch({ space, trials: 2, seed: 0, objective: async () => 1 })).to.throw(/returned a Promise/);
  });

  it('passes data, np and dl, and seeds np.random with [seed, i] before trial i', () => {
    const data = { offset: 10 };
    const draws = (seed: number) => randomSearch({ space, trials: 4, seed, data, objective: (_c, d, np_, dl_) => {
      expect(dl_.search.randomSearch).to.equal(randomSearch);
      return d.offset + (np_.random.rand() as number);
    } }).trials.map((t) => t.score);
    expect(draws(5)).to.deep.equal(draws(5));
    const scores = draws(5);
    np.random.seed([5, 2]);
    expect(scores[2]).to.equal(10 + (np.random.rand() as number));
  });

  it('zooming in after a coarse search finds a better configuration', () => {
    const coarse = randomSearch({ space, trials: 16, seed: 4, objective: bowl });
    const fine = randomSearch({ space: zoom(space, coarse, { keep: 0.25 }), trials: 16, seed: 5, objective: bowl });
    expect(fine.best!.score).to.be.at.most(coarse.best!.score);
    expect(fine.trials.every((t) => t.config.lr >= zoom(space, coarse).lr.lo)).to.equal(true);
  });

  it('trains real models: a tiny dl.sequential on circles, the learning rate searched', () => {
    np.random.seed(1);
    const { X, Y } = dl.data.makeCircles(100, { noise: 0.05 });
    const result = randomSearch({
      space: { lr: logUniform(1e-3, 10) }, trials: 6, seed: 0, data: { X, Y },
      objective: ({ lr }, d, _np, dl_) => {
        const model = dl_.sequential([dl_.dense(5, { activation: 'tanh' }), dl_.dense(1, { activation: 'sigmoid' })], 2, { seed: 3 });
        return model.fit(d.X, d.Y, { epochs: 50, lr }).cost.at(-1)!;
      },
    });
    expect(result.best!.config.lr).to.be.greaterThan(0.1); // 50 epochs: the large rates win
  });
});

describe('dl.search.gridSearch', () => {
  it('trains every combination in grid order', () => {
    const calls: Trial<{ lr: number; l2: number }>[] = [];
    const result = gridSearch({
      grid: { lr: [1e-1, 1e-2, 1e-3], l2: [0, 0.5] },
      objective: ({ lr, l2 }) => bowl({ lr }) + l2,
      onTrial: (t) => void calls.push(t),
    });
    expect(result.trials.map((t) => t.config)).to.deep.equal([
      { lr: 0.1, l2: 0 }, { lr: 0.1, l2: 0.5 }, { lr: 0.01, l2: 0 }, { lr: 0.01, l2: 0.5 }, { lr: 0.001, l2: 0 }, { lr: 0.001, l2: 0.5 },
    ]);
    expect(calls).to.have.length(6);
    expect(result.best!.config).to.deep.equal({ lr: 0.001, l2: 0 });
  });

  it('runConfigs of no configurations is an empty result', () => {
    expect(runConfigs({ configs: [], objective: () => 1 })).to.deep.equal({ trials: [], best: null, minimize: true });
  });
});
