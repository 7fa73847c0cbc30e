// The training loop of model.fit, written as the course's model() functions are: for each
// epoch, (optionally) reshuffle into mini-batches, then forward, cost, backward and an
// optimizer step per batch; the epoch's cost is the sum of the batch costs over m.
import type { NDArray } from '../tensor';
import { l2Penalty } from './losses';
import { randomMiniBatches } from './minibatch';
import type { MiniBatch } from './minibatch';
import type { Sequential } from './model';
import { correctCount } from './model';
import { create, Optimizer } from './optim';
import type { OptimizerName, OptimizerOptions } from './optim';
import type { Schedule } from './schedules';

/** One epoch's numbers, as onEpoch receives them. */
export interface EpochRecord {
  readonly epoch: number;
  /** Training cost, measured on the forward passes of the epoch (before each batch's update). */
  readonly cost: number;
  /** Training accuracy on the same forward passes (so with dropout active, if any). */
  readonly accuracy: number;
  /** The learning rate the epoch ran at. */
  readonly lr: number;
  /** Test-time cost and accuracy on `validation`, after the epoch's updates. */
  readonly valCost?: number;
  readonly valAccuracy?: number;
}

export interface FitOptions extends OptimizerOptions {
  /** Passes over the training set (default 1000). For full-batch training, epoch = iteration. */
  epochs?: number;
  /**
   * Mini-batch size; omit for full-batch gradient descent (no shuffling). A size >= m gives
   * one shuffled batch per epoch, as the course's random_mini_batches would.
   */
  batchSize?: number;
  /**
   * Shuffle seed, as the course's model: before every epoch the seed grows by one, then
   * random_mini_batches reseeds np.random with it (the course starts at 10, so epoch 0 uses 11).
   * Omitted: batches are shuffled from the current np.random stream.
   */
  seed?: number;
  /** An optimizer object (dl.optim.adam(model.params, ...)) or a name (default 'gd'), with lr etc. */
  optimizer?: Optimizer | OptimizerName;
  /** Learning-rate decay: after epoch i, lr = schedule(i) (the course's order). */
  schedule?: Schedule;
  /** L2 strength λ. */
  l2?: number;
  /** A dev set to evaluate after every epoch (for early stopping and bias/variance plots). */
  validation?: readonly [X: NDArray, Y: NDArray];
  /** Called after every epoch; return false to stop training (early stopping). */
  onEpoch?: (record: EpochRecord, model: Sequential) => void | boolean;
  /** Print "Cost after iteration i: cost" (or epoch, with mini-batches) every printEvery epochs. */
  printEvery?: number;
  /** Shorthand for printEvery 1000 (the course's) when printEvery is not given. */
  verbose?: boolean;
  /** Where printed lines go (console.log by default). */
  log?: (line: string) => void;
}

/** Per-epoch numbers of a fit; index i is epoch i. */
export interface History {
  readonly cost: number[];
  readonly accuracy: number[];
  readonly lr: number[];
  readonly valCost: number[];
  readonly valAccuracy: number[];
  /** The optimizer that trained (its t, v, s and lr can be inspected or reused). */
  readonly optimizer: Optimizer;
}

/**
 * Python's str(float), as the course prints costs: inf, nan, 1e-05, 2.0.
 * @example pyFloat(Infinity) // 'inf'; pyFloat(0.8830537463419761) // '0.8830537463419761'
 */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  return String(x).replace(/e([+-])(\d)$/, 'e$10$2');
}

/**
 * Trains `model` on X (n_x, m), Y (1 or C, m). See FitOptions.
 * @example const history = dl.fit(model, X, Y, { epochs: 100, batchSize: 64, optimizer: 'adam', lr: 0.0007, seed: 10 });
 */
export function fit(model: Sequential, X: NDArray, Y: NDArray, options: FitOptions = {}): History {
  const { epochs = 1000, batchSize, l2 = 0, schedule, validation, onEpoch } = options;
  const printEvery = options.printEvery ?? (options.verbose ? 1000 : 0);
  const log = options.log ?? ((line: string) => console.log(line));
  const opt = options.optimizer instanceof Optimizer ? options.optimizer : create(options.optimizer ?? 'gd', model.params, options);
  if (opt.params !== model.params) throw new Error("fit: the optimizer must be created on this model's params (dl.optim.adam(model.params, ...))");
  const m = X.shape[1]!;
  const task = model.task;
  const full = batchSize === undefined;
  const history: History = { cost: [], accuracy: [], lr: [], valCost: [], valAccuracy: [], optimizer: opt };
  let seed = options.seed;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let batches: MiniBatch[];
    if (full) batches = [[X, Y]];
    else {
      if (seed !== undefined) seed += 1;
      batches = randomMiniBatches(X, Y, batchSize, seed ?? null);
    }
    const lr = opt.lr;
    // The penalty is evaluated with the weights the epoch starts from (the course's, full-batch).
    const penalty = l2 === 0 ? 0 : l2Penalty(model.params, l2, m);
    let costSum = 0;
    let right = 0;
    let total = 0;
    for (const [Xb, Yb] of batches) {
      const AL = model.forward(Xb, { training: true });
      // The course's full-batch cost is (1/m)·Σ; with mini-batches it sums Σ over batches, then /m.
      costSum += full ? model.cost(AL, Yb) : model.cost(AL, Yb, { reduction: 'sum' });
      const count = correctCount(AL, Yb, task);
      right += count.right;
      total += count.total;
      model.backpropFromOutput(AL, Yb, l2);
      opt.step(model.grads);
    }
    const cost = (full ? costSum : costSum / m) + penalty;
    const rec: { -readonly [K in keyof EpochRecord]: EpochRecord[K] } = { epoch, cost, accuracy: right / total, lr };
    history.cost.push(cost);
    history.accuracy.push(rec.accuracy);
    history.lr.push(lr);
    if (validation) {
      const v = model.evaluate(validation[0], validation[1]);
      rec.valCost = v.cost;
      rec.valAccuracy = v.accuracy;
      history.valCost.push(v.cost);
      history.valAccuracy.push(v.accuracy);
    }
    if (schedule) opt.lr = schedule(epoch);
    if (printEvery > 0 && epoch % printEvery === 0) log(`Cost after ${full ? 'iteration' : 'epoch'} ${epoch}: ${pyFloat(cost)}`);
    if (onEpoch && onEpoch(rec, model) === false) break;
  }
  return history;
}
