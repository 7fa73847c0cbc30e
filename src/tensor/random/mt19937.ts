// The Mersenne Twister MT19937 as numpy's legacy RandomState runs it (numpy/random/src/mt19937),
// so that a seed gives numpy's stream word for word. State is 624 words in a Uint32Array;
// arithmetic is done with Math.imul and `>>> 0`, which wrap exactly like C's uint32_t.

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class MT19937 {
  readonly key = new Uint32Array(N);
  /** Next word of `key` to temper; N means the block is used up and must be regenerated. */
  pos = N;

  /**
   * numpy's `mt19937_seed` (Matsumoto and Nishimura's `init_genrand`), what `RandomState.seed(int)`
   * does. The caller validates 0 <= s < 2**32.
   *
   * @example const mt = new MT19937(); mt.seed(5489); mt.nextUint32() // 3499211612
   */
  seed(s: number): void {
    const key = this.key;
    key[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = key[i - 1]!;
      key[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
    }
    this.pos = N;
  }

  /**
   * numpy's `mt19937_init_by_array` (`init_by_array`), what `RandomState.seed([...])` does. The
   * caller validates that every word is an integer in [0, 2**32).
   *
   * @example const mt = new MT19937(); mt.seedByArray([0x123, 0x234, 0x345, 0x456]); mt.nextUint32() // 1067595299
   */
  seedByArray(words: ArrayLike<number>): void {
    const key = this.key;
    const len = words.length;
    this.seed(19650218);
    let i = 1;
    let j = 0;
    // Uint32Array stores reduce modulo 2**32, which is the C code's unsigned wrap-around.
    for (let k = N > len ? N : len; k > 0; k--) {
      const prev = key[i - 1]!;
      key[i] = ((key[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) >>> 0) + words[j]! + j;
      i++;
      j++;
      if (i >= N) {
        key[0] = key[N - 1]!;
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = key[i - 1]!;
      key[i] = ((key[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) >>> 0) - i;
      i++;
      if (i >= N) {
        key[0] = key[N - 1]!;
        i = 1;
      }
    }
    key[0] = 0x80000000;
    this.pos = N;
  }

  /** Refills the 624-word block (numpy's `mt19937_gen`). */
  private generate(): void {
    const key = this.key;
    let i = 0;
    let y: number;
    for (; i < N - M; i++) {
      y = (key[i]! & UPPER) | (key[i + 1]! & LOWER);
      key[i] = key[i + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      y = (key[i]! & UPPER) | (key[i + 1]! & LOWER);
      key[i] = key[i + M - N]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (key[N - 1]! & UPPER) | (key[0]! & LOWER);
    key[N - 1] = key[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.pos = 0;
  }

  /**
   * The next 32-bit word, as an unsigned number in [0, 2**32).
   *
   * @example const mt = new MT19937(); mt.seed(0); mt.nextUint32() // 2357136044
   */
  nextUint32(): number {
    if (this.pos >= N) this.generate();
    let y = this.key[this.pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * A double in [0, 1) from two words, 27 + 26 bits: numpy's `mt19937_next_double`.
   *
   * @example const mt = new MT19937(); mt.seed(0); mt.nextDouble() // 0.5488135039273248
   */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
