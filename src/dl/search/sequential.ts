// Random and grid search, one trial after the other in the calling thread (the kernel, or Node).
// Trials are independent, so the same objective also runs unchanged on a pool of workers
// (parallelSearch); this is the one-at-a-time baseline it is compared with.
import { np } from '../../tensor';
import * as dl from '../index';
import { gridSpace, sampleSpace } from './space';
import type { ConfigOf, Grid, GridConfig, Space } from './space';
import { better, errorText, finish, scoreOf, trialSeed } from './trials';
import type { Objective, Progress, SearchResult, Trial } from './trials';

/** What every search takes besides its configurations. */
export interface CommonSearchOptions<C, D> {
  /** Called with (config, data, np, dl); returns a score or { score, ...extra }. */
  objective: Objective<C, D>;
  /** Passed to the objective as its second argument (empty object by default). */
  data?: D;
  /** Lower scores are better (a cost); false for an accuracy. Default true. */
  minimize?: boolean;
  /** Called as each trial ends, with the best trial so far. */
  onTrial?: (trial: Trial<C>, progress: Progress<C>) => void;
}

export interface RandomSearchOptions<S extends Space, D> extends CommonSearchOptions<ConfigOf<S>, D> {
  /** Hyperparameter name -> sampler (dl.search.logUniform...) or constant. */
  space: S;
  /** How many configurations to draw and train. */
  trials: number;
  /** Seeds the draws, and np.random before trial i with [seed, i]. */
  seed?: number;
}

export interface GridSearchOptions<G extends Grid, D> extends CommonSearchOptions<GridConfig<G>, D> {
  /** Hyperparameter name -> the values to try; every combination is trained. */
  grid: G;
  /** np.random is seeded with [seed, i] before trial i (seed 0 by default). */
  seed?: number;
}

export interface RunOptions<C, D> extends CommonSearchOptions<C, D> {
  configs: readonly C[];
  seed?: number;
}

/**
 * Trains every configuration in turn. A trial whose objective throws is recorded with its error
 * and the search goes on; only when all of them fail does the search throw.
 * @example const result = dl.search.runConfigs({ configs: [{ lr: 0.1 }, { lr: 0.01 }], objective: ({ lr }) => (lr - 0.03) ** 2 });
 */
export function runConfigs<C, D = Record<string, unknown>>(options: RunOptions<C, D>): SearchResult<C> {
  const { configs, objective, seed, minimize = true, onTrial } = options;
  const data = (options.data ?? {}) as D;
  const trials: Trial<C>[] = [];
  let best: Trial<C> | null = null;
  configs.forEach((config, index) => {
    np.random.seed(trialSeed(seed, index));
    const t0 = performance.now();
    let trial: Trial<C>;
    try {
      const out = objective(config, data, np, dl);
      if (out instanceof Promise) {
        out.catch(() => undefined); // its failure is reported as this trial's error, not as unhandled
        throw new TypeError('the objective returned a Promise: randomSearch and gridSearch run synchronously; use parallelSearch for an async objective');
      }
      trial = { index, config, ...scoreOf(out), ms: performance.now() - t0 };
    } catch (e) {
      trial = { index, config, score: NaN, extra: {}, ms: performance.now() - t0, error: errorText(e) };
    }
    trials.push(trial);
    best = better(best, trial, minimize);
    onTrial?.(trial, { done: trials.length, total: configs.length, best });
  });
  return finish(trials, minimize);
}

/**
 * Random search: `trials` configurations drawn from `space`, trained one after the other. With
 * the same number of trainings as a grid, every trial tries a new value of every
 * hyperparameter, so the ones that matter (the learning rate) get many distinct values.
 * @example
 * const result = dl.search.randomSearch({
 *   space: { lr: dl.search.logUniform(1e-4, 1), hidden: dl.search.intRange(2, 20) },
 *   trials: 20, seed: 1,
 *   objective: ({ lr, hidden }, data, np, dl) => { ...train...; return model.evaluate(Xdev, Ydev).cost; },
 *   onTrial: (t) => console.log(t.index, t.config, t.score),
 * });
 * result.best.config
 */
export function randomSearch<S extends Space, D = Record<string, unknown>>(options: RandomSearchOptions<S, D>): SearchResult<ConfigOf<S>> {
  const { space, trials, seed, ...rest } = options;
  return runConfigs({ ...rest, seed, configs: sampleSpace(space, trials, seed) });
}

/**
 * Grid search: every combination of the listed values, trained one after the other.
 * @example
 * const result = dl.search.gridSearch({ grid: { lr: [0.3, 0.1, 0.03], l2: [0, 0.1] }, objective: ({ lr, l2 }) => train(lr, l2) });
 * result.trials.map((t) => [t.config.lr, t.config.l2, t.score])
 */
export function gridSearch<G extends Grid, D = Record<string, unknown>>(options: GridSearchOptions<G, D>): SearchResult<GridConfig<G>> {
  const { grid, ...rest } = options;
  return runConfigs({ ...rest, configs: gridSpace(grid) });
}
