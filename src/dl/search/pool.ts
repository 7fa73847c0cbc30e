// "Caviar": many models trained at once, one per Web Worker, instead of one babysat model. The
// kernel already runs in a worker; Chromium lets it start dedicated workers of its own. Each
// pool worker gets the objective's source and the data once, then one trial at a time.
import { sampleSpace } from './space';
import type { ConfigOf, Space } from './space';
import { better, finish, trialSeed } from './trials';
import type { Objective, Progress, SearchResult, Trial } from './trials';
import type { FromWorker, ToWorker } from './protocol';
import { encode, decode, objectiveSource } from './wire';

interface PoolOptions<C, D> {
  /**
   * Runs in a pool worker as (config, data, np, dl). It is sent as source text and rebuilt
   * there, so it must not use any variable of the cell (or module) that defined it: everything
   * it needs comes through its arguments. A string holding such a function also works.
   */
  objective: Objective<C, D> | string;
  /** Sent once to every worker and passed as the objective's second argument. NDArrays (also nested in objects and arrays) arrive as NDArrays. */
  data?: D;
  /** How many workers (default navigator.hardwareConcurrency, never more than there are trials). */
  workers?: number;
  /** Lower scores are better (a cost); false for an accuracy. Default true. */
  minimize?: boolean;
  /** Called as each trial ends (in the order they end), with the best trial so far. */
  onTrial?: (trial: Trial<C>, progress: Progress<C>) => void;
  /** Where lines the objective printed go; default console.log prefixed "[trial i]"; false drops them. */
  log?: ((line: string, trial: Trial<C>) => void) | false;
  /** Aborting terminates every worker and rejects the search with the signal's reason. */
  signal?: AbortSignal;
  /** The pool worker script (default search-worker.js next to this bundle). */
  workerURL?: string | URL;
  /** np.random is seeded with [seed, i] before trial i (and space draws with seed). */
  seed?: number;
}

export interface ParallelSpaceOptions<S extends Space, D> extends PoolOptions<ConfigOf<S>, D> {
  space: S;
  trials: number;
}

export interface ParallelConfigsOptions<C, D> extends PoolOptions<C, D> {
  /** The configurations to train, e.g. dl.search.gridSpace({...}) for a parallel grid search. */
  configs: readonly C[];
}

/**
 * Trains configurations in parallel on a pool of Web Workers and resolves with every trial in
 * configuration order; onTrial streams each as it ends. A trial whose objective throws gets
 * its `error` (other trials go on); the search rejects only if all fail or a worker cannot
 * start. Browser only (Node: use randomSearch).
 * @example
 * const result = await dl.search.parallelSearch({
 *   space: { lr: dl.search.logUniform(1e-4, 1), hidden: dl.search.intRange(2, 20) }, trials: 16, seed: 0,
 *   data: { X: train_X, Y: train_Y },
 *   objective: (config, data, np, dl) => {
 *     const model = dl.sequential([dl.dense(config.hidden, { activation: 'relu' }), dl.dense(1, { activation: 'sigmoid' })], 2, { seed: 3 });
 *     return model.fit(data.X, data.Y, { epochs: 500, lr: config.lr }).cost.at(-1);
 *   },
 *   onTrial: (t, p) => console.log(`${p.done}/${p.total}`, t.config, t.score),
 * });
 */
export function parallelSearch<S extends Space, D = Record<string, unknown>>(options: ParallelSpaceOptions<S, D>): Promise<SearchResult<ConfigOf<S>>>;
export function parallelSearch<C, D = Record<string, unknown>>(options: ParallelConfigsOptions<C, D>): Promise<SearchResult<C>>;
export function parallelSearch<C, D>(options: (ParallelSpaceOptions<Space, D> | ParallelConfigsOptions<C, D>) & PoolOptions<C, D>): Promise<SearchResult<C>> {
  try {
    return runPool(options);
  } catch (e) {
    return Promise.reject(e);
  }
}

function runPool<C, D>(options: (ParallelSpaceOptions<Space, D> | ParallelConfigsOptions<C, D>) & PoolOptions<C, D>): Promise<SearchResult<C>> {
  const { seed, minimize = true, onTrial, signal } = options;
  const configs = ('configs' in options ? options.configs : sampleSpace(options.space, options.trials, seed)) as readonly C[];
  if (typeof Worker === 'undefined') throw new Error('parallelSearch needs Web Workers (run it in the notebook); in Node use dl.search.randomSearch');
  const source = objectiveSource(options.objective as Objective<never, never> | string);
  if (configs.length === 0) return Promise.resolve(finish<C>([], minimize));
  const wanted = options.workers ?? (globalThis.navigator?.hardwareConcurrency || 2);
  if (!(wanted >= 1)) throw new RangeError(`parallelSearch: workers must be at least 1, got ${wanted}`);
  const size = Math.min(Math.floor(wanted), configs.length);
  const url = options.workerURL ?? new URL('./search-worker.js', import.meta.url);
  const log = options.log === false ? null : (options.log ?? ((line: string, t: Trial<C>) => console.log(`[trial ${t.index}] ${line}`)));
  const data = encode(options.data ?? {});

  return new Promise<SearchResult<C>>((resolve, reject) => {
    const pool: Worker[] = [];
    const trials: Trial<C>[] = [];
    let best: Trial<C> | null = null;
    let next = 0;
    let settled = false;

    const stop = (): void => {
      settled = true;
      for (const w of pool) w.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: unknown): void => {
      if (settled) return;
      stop();
      reject(err);
    };
    function onAbort(): void {
      fail(signal?.reason ?? new DOMException('The search was aborted', 'AbortError'));
    }
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    const send = (w: Worker, msg: ToWorker): void => w.postMessage(msg);
    const dispatch = (w: Worker): void => {
      if (next >= configs.length) return;
      const index = next++;
      send(w, { type: 'run', index, config: encode(configs[index]), seed: trialSeed(seed, index) });
    };

    const receive = (w: Worker, msg: FromWorker): void => {
      if (msg.type === 'ready') return; // its first trial was queued with 'init'
      if (msg.type === 'init-error') return fail(new Error(`parallelSearch: worker ${msg.worker} could not rebuild the objective (${msg.error}). It must be a self-contained function of (config, data, np, dl).`));
      const base = { index: msg.index, config: configs[msg.index]!, score: msg.score, extra: decode(msg.extra) as Record<string, unknown>, ms: msg.ms, worker: msg.worker };
      const trial: Trial<C> = msg.error === undefined ? base : { ...base, error: msg.error };
      trials.push(trial);
      best = better(best, trial, minimize);
      if (log) for (const line of msg.logs) log(line, trial);
      onTrial?.(trial, { done: trials.length, total: configs.length, best });
      if (trials.length < configs.length) return dispatch(w);
      const result = finish(trials, minimize); // throws when every trial failed: fail() rejects
      stop();
      resolve(result);
    };

    for (let i = 0; i < size && !settled; i++) {
      const w = new Worker(url, { type: 'module', name: `nabla-search-${i}` });
      pool.push(w);
      let ready = false;
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        if (settled) return;
        ready = true;
        // A throwing onTrial (or finish: every trial failed) ends the search with its error.
        try {
          receive(w, e.data);
        } catch (err) {
          fail(err);
        }
      };
      w.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        // Before its first reply the worker failed to load (bad URL, syntax error): fatal. Later,
        // an error escaped from a timer the objective set; the trial itself still replies.
        if (!ready) fail(new Error(`parallelSearch: pool worker ${i} failed to start from ${String(url)}${e.message ? `: ${e.message}` : ''}`));
      };
      w.onmessageerror = () => fail(new Error(`parallelSearch: a message from worker ${i} could not be read`));
      try {
        send(w, { type: 'init', worker: i, source, data });
        // Queued behind 'init' (messages keep their order): every worker starts with a trial even
        // if another one, ready first, could have finished them all meanwhile.
        dispatch(w);
      } catch (err) {
        // Structured clone refused part of `data` (a function, a class instance with private state...).
        fail(new TypeError(`parallelSearch: data cannot be sent to a worker (${err instanceof Error ? err.message : String(err)}); use NDArrays, numbers, strings and plain objects or arrays of them`));
      }
    }
  });
}
