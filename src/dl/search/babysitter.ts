// "Pandas": one model, watched as it trains and nudged by hand (pause, look at the cost, lower
// the learning rate, go on). The kernel runs one cell at a time, so the training loop must be
// started WITHOUT await: the cell ends, the loop goes on between epochs, and later cells can
// look at sitter.history and call sitter.pause() or set sitter.lr while it runs.
import { fit, pyFloat } from '../fit';
import type { EpochRecord, FitOptions } from '../fit';
import type { Sequential } from '../model';
import type { Optimizer } from '../optim';
import type { NDArray } from '../../tensor';

export type BabysitterState = 'running' | 'paused' | 'stopped';

/** fit's options, except those the babysitter owns (the optimizer, and no schedule: you are the schedule). */
export type BabysitOptions = Omit<FitOptions, 'optimizer' | 'schedule'>;

/** Lets a macrotask through: the kernel's messages (a new cell to run) are handled in between. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Wraps an optimizer so that a training loop can be paused, resumed, stopped and have its
 * learning rate changed from other cells while it runs. Make one with dl.search.babysit.
 * @example
 * const sitter = dl.search.babysit(dl.optim.adam(model.params, { lr: 0.01 }));
 * sitter.train(model, X, Y, { epochs: 5000, batchSize: 64 }); // no await: the cell ends, training goes on
 * // later cells:
 * sitter.history.at(-1); sitter.pause(); sitter.lr = 0.001; sitter.resume(); sitter.stop();
 */
export class Babysitter {
  /** Every epoch trained through this babysitter, in order. */
  readonly history: EpochRecord[] = [];
  private current: BabysitterState = 'running';
  private wake: (() => void) | null = null;

  constructor(readonly optimizer: Optimizer) {}

  /** The learning rate the next step will use; setting it takes effect at the next step. */
  get lr(): number {
    return this.optimizer.lr;
  }

  set lr(value: number) {
    if (!(value > 0 && Number.isFinite(value))) throw new RangeError(`lr must be a positive number, got ${value}`);
    this.optimizer.lr = value;
  }

  get state(): BabysitterState {
    return this.current;
  }

  /** Holds the loop at its next checkpoint (between epochs) until resume() or stop(). */
  pause(): void {
    if (this.current === 'running') this.current = 'paused';
  }

  resume(): void {
    if (this.current === 'paused') this.current = 'running';
    this.wake?.();
  }

  /** Ends the loop at its next checkpoint (a later train() goes on from the weights it left). */
  stop(): void {
    this.current = 'stopped';
    this.wake?.();
  }

  /**
   * Await this between epochs of your own loop: yields so other cells can run, waits while
   * paused, and says whether to go on (false once stopped).
   * @example for (let e = 0; e < 1000; e++) { if (!(await sitter.checkpoint())) break; ...one epoch... }
   */
  async checkpoint(): Promise<boolean> {
    await yieldToEventLoop();
    while (this.current === 'paused') await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
    return this.current === 'running';
  }

  /**
   * fit(), one epoch at a time with a checkpoint before each: the same batches, updates and
   * costs as model.fit with the same options, as long as nobody touches the controls.
   * Resolves with the records of the epochs it trained (also appended to sitter.history).
   * @example const run = sitter.train(model, X, Y, { epochs: 3000, printEvery: 500 }); // later: await run
   */
  async train(model: Sequential, X: NDArray, Y: NDArray, options: BabysitOptions = {}): Promise<EpochRecord[]> {
    const { epochs = 1000, seed, onEpoch, ...rest } = options;
    const printEvery = options.printEvery ?? (options.verbose ? 1000 : 0);
    const log = options.log ?? ((line: string) => console.log(line));
    const full = options.batchSize === undefined;
    const done: EpochRecord[] = [];
    if (this.current === 'stopped') this.current = 'running'; // train() again continues from the current weights
    for (let epoch = 0; epoch < epochs; epoch++) {
      if (!(await this.checkpoint())) break;
      // fit adds 1 to the seed before each epoch, so epoch e of a one-epoch fit seeded
      // seed + e shuffles exactly as epoch e of the whole fit would.
      const h = fit(model, X, Y, { ...rest, epochs: 1, optimizer: this.optimizer, seed: seed === undefined ? undefined : seed + epoch, printEvery: 0 });
      const record: EpochRecord = {
        epoch, cost: h.cost[0]!, accuracy: h.accuracy[0]!, lr: h.lr[0]!,
        ...(h.valCost.length ? { valCost: h.valCost[0]!, valAccuracy: h.valAccuracy[0]! } : {}),
      };
      this.history.push(record);
      done.push(record);
      if (printEvery > 0 && epoch % printEvery === 0) log(`Cost after ${full ? 'iteration' : 'epoch'} ${epoch}: ${pyFloat(record.cost)}`);
      if (onEpoch && onEpoch(record, model) === false) break;
    }
    this.current = 'stopped';
    return done;
  }
}

/**
 * A Babysitter for `optimizer` (made on the model's params), to train one model by hand.
 * @example const sitter = dl.search.babysit(dl.optim.momentum(model.params, { lr: 0.1 })); sitter.train(model, X, Y, { epochs: 2000 });
 */
export function babysit(optimizer: Optimizer): Babysitter {
  return new Babysitter(optimizer);
}
