// parallelSearch on REAL Web Workers in Chromium: the pool worker is bundled by scripts/test.mjs
// into .build/browser/search-worker.js, the objective travels as source text, the data as
// encoded NDArrays, and every score is checked against the same objective run here.
import { expect } from 'chai';
import { NDArray, np } from '../../tensor';
import * as dl from '../index';
import { parallelSearch } from './pool';
import { runConfigs } from './sequential';
import { logUniform, sampleSpace } from './space';
import type { Trial } from './trials';

// A shell glob such as src/dl/search/*.test.ts also hands this file to the Node runner, which
// has no workers and no location: there the suite is skipped instead of failing to load.
const inBrowser = typeof Worker !== 'undefined' && typeof location !== 'undefined';
const workerURL = inBrowser ? new URL('/.build/browser/search-worker.js', location.origin) : '';

interface Data {
  X: NDArray;
  Y: NDArray;
}

function makeData(): Data {
  np.random.seed(0);
  const X = np.random.randn(2, 64);
  const Y = np.greater(np.add(X.slice('0:1', ':'), X.slice('1:2', ':')), 0).astype('float64');
  return { X, Y };
}

// Logistic regression from zero weights, a few steps of gradient descent: deterministic, and
// self-contained (np and dl come as arguments), so it can be rebuilt in a worker from its text.
const logistic = (config: { lr: number; steps: number }, data: Data, np_: typeof np, dl_: typeof dl) => {
  const m = data.X.shape[1]!;
  let w = np_.zeros([1, 2]);
  let b = 0;
  for (let i = 0; i < config.steps; i++) {
    const A = dl_.sigmoid(np_.add(np_.dot(w, data.X), b));
    const dZ = np_.subtract(A, data.Y);
    w = np_.subtract(w, np_.multiply(config.lr / m, np_.dot(dZ, data.X.T)));
    b -= (config.lr / m) * np_.sum(dZ);
  }
  const cost = dl_.binaryCrossEntropy(dl_.sigmoid(np_.add(np_.dot(w, data.X), b)), data.Y);
  // `document` exists on the page, not in a worker.
  return { score: cost, w, inWorker: typeof document === 'undefined' };
};

(inBrowser ? describe : describe.skip)('dl.search.parallelSearch (real workers)', function () {
  this.timeout(20000);
  const space = { lr: logUniform(1e-3, 3), steps: 20 };

  it('runs 8 trials on 2 workers, streams each, and scores them as the page would', async () => {
    const data = makeData();
    const seen: Trial[] = [];
    const result = await parallelSearch({
      space, trials: 8, seed: 1, workers: 2, workerURL, data, objective: logistic,
      onTrial: (t, p) => {
        seen.push(t as Trial);
        expect(p.done).to.equal(seen.length);
        expect(p.total).to.equal(8);
      },
    });
    expect(seen).to.have.length(8);
    expect(result.trials.map((t) => t.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(result.trials.map((t) => t.config)).to.deep.equal(sampleSpace(space, 8, 1));
    for (const t of result.trials) {
      expect(t.error).to.equal(undefined);
      expect(t.score).to.be.closeTo(logistic(t.config, data, np, dl).score, 1e-12);
      expect(t.extra.inWorker, 'ran in a worker').to.equal(true);
      expect(t.extra.w).to.be.instanceOf(NDArray);
      expect((t.extra.w as NDArray).shape).to.deep.equal([1, 2]);
    }
    expect(new Set(result.trials.map((t) => t.worker))).to.deep.equal(new Set([0, 1]));
    const scores = result.trials.map((t) => t.score);
    expect(result.best!.score).to.equal(Math.min(...scores));
    expect(logistic({ lr: 1, steps: 20 }, data, np, dl).inWorker).to.equal(false);
    // The sequential search of the same configurations gives the same scores.
    const sequential = runConfigs({ configs: result.trials.map((t) => t.config), data, objective: logistic, seed: 1 });
    sequential.trials.forEach((t, i) => expect(t.score).to.equal(scores[i]));
  });

  it('reports a throwing objective as that trial\'s error; the others succeed', async () => {
    const configs = [0.1, 0.3, -1, 1, 0.03, 3].map((lr) => ({ lr, steps: 5 }));
    const result = await parallelSearch({
      configs, workers: 2, workerURL, data: makeData(),
      objective: (config: { lr: number; steps: number }, data: Data, np_: typeof np, dl_: typeof dl) => {
        if (config.lr < 0) throw new RangeError(`lr must be positive, got ${config.lr}`);
        return dl_.binaryCrossEntropy(dl_.sigmoid(np_.multiply(config.lr, data.X.slice('0:1', ':'))), data.Y);
      },
    });
    expect(result.trials).to.have.length(6);
    const bad = result.trials[2]!;
    expect(bad.error).to.equal('RangeError: lr must be positive, got -1');
    expect(Number.isNaN(bad.score)).to.equal(true);
    for (const t of result.trials.filter((t) => t !== bad)) {
      expect(t.error).to.equal(undefined);
      expect(t.score).to.be.a('number').and.be.greaterThan(0);
    }
    expect(result.best!.config.lr).not.to.equal(-1);
  });

  it('forwards what the objective prints, tagged with its trial', async () => {
    const lines: string[] = [];
    await parallelSearch({
      configs: [{ k: 1 }, { k: 2 }], workers: 2, workerURL,
      objective: (config: { k: number }) => {
        console.log('k is', config.k);
        return config.k;
      },
      log: (line, t) => lines.push(`${t.index}: ${line}`),
    });
    expect(lines.sort()).to.deep.equal(['0: k is 1', '1: k is 2']);
  });

  it('fails clearly when the objective closes over page variables', async () => {
    const outside = 3;
    const closed = await parallelSearch({ configs: [{}, {}], workers: 1, workerURL, objective: () => outside }).catch((e: Error) => e);
    expect(String(closed)).to.match(/every trial failed; trial 0: ReferenceError: outside is not defined/);
  });

  it('fails clearly when the objective cannot be rebuilt', async () => {
    const broken = await parallelSearch({ configs: [{}], workerURL, objective: 'not a function {' }).catch((e: Error) => e);
    expect(String(broken)).to.match(/could not rebuild the objective/);
  });

  it('fails clearly when the worker script cannot be loaded', async () => {
    const missing = await parallelSearch({ configs: [{}], workerURL: new URL('/no-such-worker.js', location.origin), objective: () => 1 }).catch((e: Error) => e);
    expect(String(missing)).to.match(/failed to start/);
  });

  it('stops every worker when its signal aborts', async () => {
    const controller = new AbortController();
    let ended = 0;
    const outcome = await parallelSearch({
      configs: Array.from({ length: 50 }, (_, i) => ({ i })), workers: 2, workerURL,
      objective: (config: { i: number }) => {
        const until = performance.now() + 20;
        while (performance.now() < until); // a busy "training" of 20 ms
        return config.i;
      },
      signal: controller.signal,
      onTrial: () => {
        if (++ended === 3) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((outcome as DOMException).name).to.equal('AbortError');
    await new Promise((r) => setTimeout(r, 100));
    expect(ended).to.equal(3); // no trial reported after the abort
  });
});
