// Search spaces: what each hyperparameter may be and on which scale to draw it. Samplers are
// plain data (a kind and its bounds), not closures, so that a space can be printed, zoomed into
// and sent to a worker; all randomness comes from a seeded np.random.RandomState, so a search
// is reproducible and draws the same numbers as numpy would from the same seed.
import { np } from '../../tensor';
import type { RandomState } from '../../tensor/random';

/** A numeric hyperparameter drawn on a linear, log or 1 - log scale, or an integer range. */
export interface NumericSampler {
  readonly kind: 'uniform' | 'logUniform' | 'oneMinusLog' | 'intRange';
  readonly lo: number;
  readonly hi: number;
}

/** One of a list of values, each equally likely. */
export interface ChoiceSampler<T> {
  readonly kind: 'choice';
  readonly values: readonly T[];
}

export type Sampler<T = unknown> = NumericSampler | ChoiceSampler<T>;

/** Hyperparameter name -> sampler; any other value (a number, a string) is held constant. */
export type Space = Readonly<Record<string, unknown>>;

/** The configuration a space yields: numbers for numeric samplers, the listed values for choices. */
export type ConfigOf<S extends Space> = {
  [K in keyof S]: S[K] extends ChoiceSampler<infer T> ? T : S[K] extends NumericSampler ? number : S[K];
};

/** A configuration: hyperparameter name -> value. */
export type Config = Record<string, unknown>;

const KINDS = new Set(['uniform', 'logUniform', 'oneMinusLog', 'intRange', 'choice']);

/**
 * Whether a space entry is a sampler (anything else in a space is a constant).
 * @example isSampler(dl.search.uniform(0, 1)) // true; isSampler(100) // false
 */
export function isSampler(x: unknown): x is Sampler {
  return typeof x === 'object' && x !== null && KINDS.has((x as { kind?: unknown }).kind as string);
}

function checkBounds(name: string, lo: number, hi: number, test: (v: number) => boolean, rule: string): void {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo <= hi) || !test(lo) || !test(hi)) {
    throw new RangeError(`${name}(${lo}, ${hi}): need lo <= hi, ${rule}`);
  }
}

/**
 * A float drawn uniformly in [lo, hi): for hyperparameters whose useful values are spread
 * evenly, such as a dropout keep probability.
 * @example const space = { keepProb: dl.search.uniform(0.5, 1) };
 */
export function uniform(lo: number, hi: number): NumericSampler {
  checkBounds('uniform', lo, hi, () => true, 'both finite');
  return { kind: 'uniform', lo, hi };
}

/**
 * 10^U(log10 lo, log10 hi): each decade is equally likely, the course's r = -4·rand, α = 10^r
 * for a learning rate between 1e-4 and 1 (a uniform draw would put 90% of trials above 0.1).
 * @example const space = { lr: dl.search.logUniform(1e-4, 1) };
 */
export function logUniform(lo: number, hi: number): NumericSampler {
  checkBounds('logUniform', lo, hi, (v) => v > 0, 'both > 0');
  return { kind: 'logUniform', lo, hi };
}

/**
 * 1 - 10^U(log10(1 - hi), log10(1 - lo)): for averaging betas, where 0.9 → 0.9005 barely
 * matters but 0.999 → 0.9995 doubles the averaging window (1/(1 - β) values), so 1 - β is
 * what must be drawn on a log scale.
 * @example const space = { beta: dl.search.oneMinusLog(0.9, 0.999) };
 */
export function oneMinusLog(lo: number, hi: number): NumericSampler {
  checkBounds('oneMinusLog', lo, hi, (v) => v < 1, 'both < 1');
  return { kind: 'oneMinusLog', lo, hi };
}

/**
 * An integer from lo to hi, both included, each equally likely: layer sizes, layer counts.
 * @example const space = { hidden: dl.search.intRange(2, 20) };
 */
export function intRange(lo: number, hi: number): NumericSampler {
  checkBounds('intRange', lo, hi, Number.isInteger, 'both integers');
  return { kind: 'intRange', lo, hi };
}

/**
 * One of `values`, each equally likely: optimizers, activations, mini-batch sizes.
 * @example const space = { optimizer: dl.search.choice(['momentum', 'adam']), batchSize: dl.search.choice([64, 128, 256]) };
 */
export function choice<const T>(values: readonly T[]): ChoiceSampler<T> {
  if (values.length === 0) throw new RangeError('choice([]): need at least one value');
  return { kind: 'choice', values: [...values] };
}

/**
 * One value from a sampler (a constant is returned as it is).
 * @example draw(dl.search.logUniform(1e-4, 1), new np.random.RandomState(0)) // 0.01567667719550606, numpy's 10 ** RandomState(0).uniform(-4, 0)
 */
export function draw(sampler: unknown, rs: RandomState): unknown {
  if (!isSampler(sampler)) return sampler;
  switch (sampler.kind) {
    case 'uniform': return rs.uniform(sampler.lo, sampler.hi);
    case 'logUniform': return 10 ** rs.uniform(Math.log10(sampler.lo), Math.log10(sampler.hi));
    case 'oneMinusLog': return 1 - 10 ** rs.uniform(Math.log10(1 - sampler.hi), Math.log10(1 - sampler.lo));
    case 'intRange': return rs.randint(sampler.lo, sampler.hi + 1);
    case 'choice': return sampler.values[rs.randint(0, sampler.values.length)];
  }
}

/**
 * n configurations drawn at random from `space` (random search): with the same seed, the same
 * configurations. Within a configuration, dimensions are drawn in the space's key order.
 * @example dl.search.sampleSpace({ lr: dl.search.logUniform(1e-4, 1), hidden: dl.search.intRange(2, 20) }, 3, 0)
 * // [{ lr: 0.0157, hidden: 2 }, { lr: 0.0258, hidden: 5 }, { lr: 0.245, hidden: 20 }]
 */
export function sampleSpace<S extends Space>(space: S, n: number, seed?: number): ConfigOf<S>[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sampleSpace: n must be a whole number, got ${n}`);
  const rs = new np.random.RandomState(seed ?? null);
  const out: ConfigOf<S>[] = [];
  for (let i = 0; i < n; i++) {
    const config: Config = {};
    for (const key of Object.keys(space)) config[key] = draw(space[key], rs);
    out.push(config as ConfigOf<S>);
  }
  return out;
}

/** A grid: hyperparameter name -> the values to try. */
export type Grid = Readonly<Record<string, readonly unknown[]>>;

/** The configuration a grid yields. */
export type GridConfig<G extends Grid> = { [K in keyof G]: G[K][number] };

/**
 * Every combination of the listed values (grid search), the last key varying fastest as in
 * itertools.product. Its size is the product of the list lengths, which is why grids get
 * expensive: 5 values for each of 4 hyperparameters is already 625 trainings.
 * @example dl.search.gridSpace({ lr: [0.1, 0.01], hidden: [5, 10] })
 * // [{lr: 0.1, hidden: 5}, {lr: 0.1, hidden: 10}, {lr: 0.01, hidden: 5}, {lr: 0.01, hidden: 10}]
 */
export function gridSpace<G extends Grid>(grid: G): GridConfig<G>[] {
  let out: Config[] = [{}];
  for (const key of Object.keys(grid)) {
    const values = grid[key]!;
    if (!Array.isArray(values)) throw new TypeError(`gridSpace: ${key} must be a list of values`);
    out = out.flatMap((partial) => values.map((v) => ({ ...partial, [key]: v })));
  }
  return out as GridConfig<G>[];
}

/**
 * A sampler as text: logUniform(0.0001, 1).
 * @example describeSampler(dl.search.intRange(2, 20)) // 'intRange(2, 20)'
 */
export function describeSampler(s: unknown): string {
  if (!isSampler(s)) return JSON.stringify(s) ?? String(s);
  if (s.kind === 'choice') return `choice(${JSON.stringify(s.values)})`;
  return `${s.kind}(${s.lo}, ${s.hi})`;
}
