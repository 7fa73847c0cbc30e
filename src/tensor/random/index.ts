// np.random: numpy's legacy module-level functions, all drawing from one global RandomState
// (unseeded until `seed` is called, as numpy's), which other modules reach through
// globalRandomState() so that data sets and initialisers share the stream the way scikit-learn
// and course code share np.random.
import { RandomState } from './state';

export { RandomState } from './state';
export type { ChoiceOptions } from './sampling';
export type { Seed } from './seeding';
export type { Size } from './size';
export { MT19937 } from './mt19937';

const shared = new RandomState();

/**
 * The RandomState behind np.random.*; draw from it to stay on numpy's global stream.
 *
 * @example np.random.seed(0); globalRandomState().rand() // same as np.random.rand()
 */
export function globalRandomState(): RandomState {
  return shared;
}

/**
 * The `np.random` namespace: numpy's module-level legacy functions, bound to the global state.
 *
 * @example np.random.seed(3); np.random.randn(4, 2)
 */
export const random = {
  seed: shared.seed.bind(shared),
  rand: shared.rand.bind(shared),
  random_sample: shared.random_sample.bind(shared),
  random: shared.random.bind(shared),
  randn: shared.randn.bind(shared),
  standard_normal: shared.standard_normal.bind(shared),
  normal: shared.normal.bind(shared),
  uniform: shared.uniform.bind(shared),
  randint: shared.randint.bind(shared),
  permutation: shared.permutation.bind(shared),
  shuffle: shared.shuffle.bind(shared),
  choice: shared.choice.bind(shared),
  binomial: shared.binomial.bind(shared),
  RandomState,
};
