// What a search records, shared by the sequential and the parallel search so that both return
// the same shape: one Trial per configuration, in configuration order, and the best of them.
import type { np } from '../../tensor';
import type * as DL from '../index';
import type { Config } from './space';

/** What an objective may return: a score, or a score with anything else worth keeping. */
export type ObjectiveResult = number | { readonly score: number; readonly [key: string]: unknown };

/**
 * Trains and evaluates one configuration. np and dl come as arguments (not from the cell) so
 * that the same function can run in a pool worker, where only its arguments exist.
 */
export type Objective<C = Config, D = Record<string, unknown>> = (
  config: C,
  data: D,
  np_: typeof np,
  dl: typeof DL,
) => ObjectiveResult | Promise<ObjectiveResult>;

/** One configuration's outcome. */
export interface Trial<C = Config> {
  /** Position of the configuration in the search (0-based), whatever order trials ended in. */
  readonly index: number;
  readonly config: C;
  /** The objective's score; NaN when the trial failed. */
  readonly score: number;
  /** Everything the objective returned besides `score`. */
  readonly extra: Record<string, unknown>;
  /** Wall-clock time of the objective call. */
  readonly ms: number;
  /** "Name: message" of what the objective threw; absent when it succeeded. */
  readonly error?: string;
  /** Index of the pool worker that ran the trial (parallelSearch only). */
  readonly worker?: number;
}

/** The outcome of a search: every trial in configuration order and the best one. */
export interface SearchResult<C = Config> {
  readonly trials: Trial<C>[];
  /** The trial with the lowest score (highest with minimize: false); null if none succeeded. */
  readonly best: Trial<C> | null;
  readonly minimize: boolean;
}

/** How far a search has got, as onTrial receives it. */
export interface Progress<C = Config> {
  readonly done: number;
  readonly total: number;
  readonly best: Trial<C> | null;
}

/**
 * Splits an objective's return value into score and extra.
 * @example scoreOf({ score: 0.3, accuracy: 0.9 }) // { score: 0.3, extra: { accuracy: 0.9 } }
 */
export function scoreOf(result: unknown): { score: number; extra: Record<string, unknown> } {
  if (typeof result === 'number') return { score: result, extra: {} };
  if (typeof result === 'object' && result !== null && typeof (result as { score?: unknown }).score === 'number') {
    const { score, ...extra } = result as { score: number };
    return { score, extra };
  }
  const got = typeof result === 'object' && result !== null ? 'an object without a numeric score' : typeof result;
  throw new TypeError(`the objective must return a number or { score: number, ... }, got ${got}`);
}

/**
 * "Name: message" of anything thrown.
 * @example errorText(new RangeError('lr too big')) // 'RangeError: lr too big'
 */
export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/**
 * The numpy seed np.random gets before trial `index`: a trial's score then depends on neither
 * the trials before it nor the worker that ran it, so sequential and parallel searches agree.
 * @example np.random.seed(trialSeed(0, 3)); // [0, 3]
 */
export function trialSeed(seed: number | undefined, index: number): number[] {
  return [seed ?? 0, index];
}

/**
 * Successful trials (not NaN), best first.
 * @example dl.search.ranked(result).slice(0, 5).map((t) => t.config)
 */
export function ranked<C>(trials: SearchResult<C> | readonly Trial<C>[], minimize = true): Trial<C>[] {
  const list = Array.isArray(trials) ? (trials as readonly Trial<C>[]) : (trials as SearchResult<C>).trials;
  const min = Array.isArray(trials) ? minimize : (trials as SearchResult<C>).minimize;
  const ok = list.filter((t) => t.error === undefined && !Number.isNaN(t.score));
  return ok.sort((a, b) => (min ? a.score - b.score : b.score - a.score) || a.index - b.index);
}

/**
 * Orders the trials by index and picks the best. If every trial failed the search throws the
 * first error: a bug in the objective should not pass for a search with no good configuration.
 * @example const result = finish(trials, true); result.best?.config
 */
export function finish<C>(trials: Trial<C>[], minimize: boolean): SearchResult<C> {
  trials.sort((a, b) => a.index - b.index);
  const failed = trials.filter((t) => t.error !== undefined);
  if (trials.length > 0 && failed.length === trials.length) {
    throw new Error(`every trial failed; trial 0: ${failed[0]!.error}`);
  }
  return { trials, best: ranked(trials, minimize)[0] ?? null, minimize };
}

/**
 * The better of two trials (either may be null).
 * @example best = better(best, trial, true);
 */
export function better<C>(a: Trial<C> | null, b: Trial<C> | null, minimize: boolean): Trial<C> | null {
  const ok = (t: Trial<C> | null): t is Trial<C> => t !== null && t.error === undefined && !Number.isNaN(t.score);
  if (!ok(a)) return ok(b) ? b : null;
  if (!ok(b)) return a;
  return (minimize ? b.score < a.score : b.score > a.score) ? b : a;
}
