// What `np.random.seed(x)` accepts and how it seeds: numpy's `_legacy_seeding` in _mt19937.pyx.
import { NDArray, contiguousData } from '../ndarray';
import type { MT19937 } from './mt19937';

/** A seed as numpy's RandomState takes it: an integer in [0, 2**32) or a 1-d array of them. */
export type Seed = number | readonly number[] | NDArray;

const RANGE = 'Seed must be between 0 and 2**32 - 1';

function checkWord(v: number, scalar: boolean): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new TypeError(`Cannot cast ${scalar ? 'scalar' : 'array data'} from dtype('float64') to dtype('int64') according to the rule 'safe'`);
  }
  if (v < 0 || v > 4294967295) throw new Error(RANGE);
  return v;
}

/**
 * Seeds `mt` as numpy's `RandomState.seed(seed)`: an integer through `init_genrand`, an array
 * through `init_by_array`. As numpy, an NDArray holding one value counts as that integer (numpy
 * squeezes it), while a one-element JS list is an array seed.
 *
 * @example seedGenerator(mt, 42); seedGenerator(mt, [1, 2, 3])
 */
export function seedGenerator(mt: MT19937, seed: Seed): void {
  if (typeof seed === 'number') {
    mt.seed(checkWord(seed, true));
    return;
  }
  let words: number[];
  if (seed instanceof NDArray) {
    if (seed.dtype === 'float32' || seed.dtype === 'float64') {
      throw new TypeError(`Cannot cast array data from dtype('${seed.dtype}') to dtype('int64') according to the rule 'safe'`);
    }
    const flat = contiguousData(seed);
    if (seed.size === 1) {
      mt.seed(checkWord(Number(flat[0]), true));
      return;
    }
    if (seed.size === 0) throw new Error('Seed must be non-empty');
    if (seed.shape.filter((d) => d !== 1).length !== 1) throw new Error('Seed array must be 1-d');
    words = Array.from(flat, Number);
  } else {
    if (!Array.isArray(seed)) throw new TypeError(`Cannot use ${typeof seed} as a seed`);
    if (seed.length === 0) throw new Error('Seed must be non-empty');
    if (seed.some((v) => Array.isArray(v))) throw new Error('Seed array must be 1-d');
    words = [...seed];
  }
  for (const w of words) checkWord(w, false);
  mt.seedByArray(words);
}

/**
 * Fresh entropy for an unseeded generator (numpy reads the OS's entropy; so does
 * crypto.getRandomValues, in workers and in Node). Falls back to Math.random and the clock.
 *
 * @example mt.seedByArray(entropyWords())
 */
export function entropyWords(): Uint32Array {
  const words = new Uint32Array(4);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(words);
  else {
    for (let i = 0; i < 4; i++) words[i] = (Math.random() * 4294967296) >>> 0;
    words[3] = (words[3]! ^ Date.now()) >>> 0;
  }
  return words;
}
