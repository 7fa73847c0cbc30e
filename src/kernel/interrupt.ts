// Interrupts reach synchronous cell code only through guards the compiler puts in every loop:
// the page sets a flag in shared memory, and the next guard call throws.
import { INTERRUPT_NAME } from './protocol';

export class KeyboardInterrupt extends Error {
  constructor() {
    super('Execution interrupted by the user');
    this.name = INTERRUPT_NAME;
  }
}

export interface Guard {
  /** Called at the top of every loop iteration of cell code. */
  readonly g: () => void;
  /** Clears the flag before a new run. */
  reset(): void;
}

/**
 * `flag` is an Int32Array over a SharedArrayBuffer (null when the page is not cross-origin
 * isolated: then the page terminates the worker instead). `tick` runs every 1024 iterations so
 * that output buffered by a long synchronous loop still reaches the page.
 */
export function makeGuard(flag: Int32Array | null, tick: () => void): Guard {
  let n = 0;
  const g = (): void => {
    if ((++n & 1023) === 0) tick();
    // An atomic read is a plain load on x86 and is never hoisted out of the loop by the JIT.
    if (flag !== null && Atomics.load(flag, 0) !== 0) throw new KeyboardInterrupt();
  };
  return {
    g,
    reset: () => {
      if (flag !== null) Atomics.store(flag, 0, 0);
    },
  };
}
