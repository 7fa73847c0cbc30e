// dl.sequential: a stack of layers with the course's forward and backward passes, written out
// in layers.ts so that nothing is hidden. Its parameters and gradients are plain dictionaries
// (model.params.W1, model.grads.dW1) that a learner's own loop, an optimizer and np.grad all
// share. The same model trains by the hand-written backward pass or by the tape.
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { binaryCrossEntropy, categoricalCrossEntropy, l2Penalty, plus } from './losses';
import type { LossOptions } from './losses';
import { Dense } from './layers';
import type { BuildContext, Layer } from './layers';
import { addPenaltyGrads } from './regularization';
import { fit } from './fit';
import type { FitOptions, History } from './fit';
import type { Grads, Params } from './types';

export interface SequentialOptions {
  /** np.random.seed(seed) before drawing the weights (the course uses 3). */
  seed?: number;
}

export interface CostOptions {
  /** L2 strength λ: adds (1/m)(λ/2)Σ||W||² to the cost and (λ/m)W to each dW. */
  l2?: number;
}

/** A cost and the gradients of every parameter, keyed dW1, db1... */
export interface CostAndGrads {
  readonly cost: number;
  readonly grads: Grads;
}

/**
 * A feed-forward network of layers; build one with dl.sequential.
 * @example
 * const model = dl.sequential([dl.dense(5, { activation: 'relu' }), dl.dense(1, { activation: 'sigmoid' })], 2, { seed: 3 });
 * const AL = model.forward(X, { training: true });
 * model.backward(np.multiply(1 / m, np.subtract(AL, Y)), { fromZ: true }); model.grads.dW1
 */
export class Sequential {
  readonly params: Params = {};
  /** The last backward pass's gradients, keyed as the course: dW1, db1, ... */
  readonly grads: Grads = {};
  readonly outputSize: number;

  constructor(readonly layers: readonly Layer[], readonly inputSize: number, { seed }: SequentialOptions = {}) {
    if (layers.length === 0) throw new Error('sequential needs at least one layer');
    if (seed !== undefined) np.random.seed(seed);
    const ctx: BuildContext = { params: this.params, grads: this.grads, dense: 0 };
    let n = inputSize;
    for (const layer of layers) n = layer.build(n, ctx);
    this.outputSize = n;
  }

  /** The output layer, when it is a dense layer (it decides the loss). */
  private get head(): Dense | null {
    const last = this.layers[this.layers.length - 1];
    return last instanceof Dense ? last : null;
  }

  /** 'binary' for a sigmoid output, 'categorical' for softmax. */
  get task(): 'binary' | 'categorical' {
    const act = this.head?.activation;
    if (act === 'sigmoid') return 'binary';
    if (act === 'softmax') return 'categorical';
    throw new Error('the model needs a dense output layer with a sigmoid or softmax activation for its cost');
  }

  /**
   * A_L for inputs X (n_x, m): each layer's forward pass in turn. `training` turns dropout on
   * and makes batch norm use (and update) the batch statistics.
   * @example const AL = model.forward(X, { training: true });
   */
  forward(X: NDArray, { training = false }: { training?: boolean } = {}): NDArray {
    let A = X;
    for (const layer of this.layers) A = layer.forward(A, training);
    return A;
  }

  /**
   * Backward pass from dAL = dJ/dA_L (or, with { fromZ: true }, from dJ/dZ_L of the dense
   * output layer), through each layer's rule in reverse; fills and returns model.grads.
   * @example model.forward(X, { training: true }); model.backward(dAL);
   */
  backward(dAL: NDArray, { fromZ = false }: { fromZ?: boolean } = {}): Grads {
    let d: NDArray | null = dAL;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i]!;
      const needInput = i > 0;
      if (fromZ && i === this.layers.length - 1) {
        if (!(layer instanceof Dense)) throw new Error('backward({ fromZ: true }) needs a dense output layer');
        d = layer.backwardFromZ(d!, needInput);
      } else d = layer.backward(d!, needInput);
    }
    return this.grads;
  }

  /**
   * The cost of outputs AL against labels Y: binary cross-entropy for a sigmoid output,
   * categorical (from the probabilities) for softmax; plus the L2 term when asked.
   * @example model.cost(model.forward(X), Y)
   */
  cost(AL: NDArray, Y: NDArray, { l2 = 0, reduction = 'mean' }: CostOptions & LossOptions = {}): number {
    const ce = this.task === 'binary' ? binaryCrossEntropy(AL, Y, { reduction }) : categoricalCrossEntropy(AL, Y, { fromLogits: false, reduction });
    return l2 === 0 ? ce : plus(ce, l2Penalty(this.params, l2, Y.shape[Y.ndim - 1]!));
  }

  /**
   * One training forward pass and the hand-written backward pass. With a sigmoid output and
   * cross-entropy (or softmax and categorical cross-entropy) the output layer's gradient is
   * the course's dZ_L = (1/m)(A_L - Y); with `l2`, (λ/m)W is added to each dW.
   * @example const { cost, grads } = model.costAndGrads(X, Y, { l2: 0.7 }); opt.step(grads);
   */
  costAndGrads(X: NDArray, Y: NDArray, { l2 = 0 }: CostOptions = {}): CostAndGrads {
    const AL = this.forward(X, { training: true });
    const cost = this.cost(AL, Y, { l2 });
    return { cost, grads: this.backpropFromOutput(AL, Y, l2) };
  }

  /**
   * The backward pass from outputs AL of a training forward pass (what fit() calls).
   * @example const AL = model.forward(Xb, { training: true }); opt.step(model.backpropFromOutput(AL, Yb));
   */
  backpropFromOutput(AL: NDArray, Y: NDArray, l2 = 0): Grads {
    const m = Y.shape[Y.ndim - 1]!;
    void this.task; // throws now for an output layer that has no cost
    const dZ = np.subtract(AL, Y);
    np.multiply(dZ, 1 / m, { out: dZ }); // the course's dz3 = 1./m * (a3 - Y), without a second array
    this.backward(dZ, { fromZ: true });
    if (l2 !== 0) addPenaltyGrads(this.grads, this.params, l2, m);
    return this.grads;
  }

  /**
   * The same cost and gradients by the tape instead of the hand-written rules: np.grad over
   * a training forward pass and the cost. Gradients are keyed dW1, db1... like model.grads.
   * @example const { cost, grads } = model.lossWithGrad(X, Y); opt.step(grads);
   */
  lossWithGrad(X: NDArray, Y: NDArray, { l2 = 0 }: CostOptions = {}): CostAndGrads {
    // Inside np.grad the cost is a 0-d NDArray on the tape, though typed as a number (losses.ts).
    const { value, grads } = np.grad(() => this.cost(this.forward(X, { training: true }), Y, { l2 }) as unknown as NDArray, this.params);
    const keyed: Grads = {};
    for (const k of Object.keys(grads)) keyed['d' + k] = grads[k]!;
    return { cost: value, grads: keyed };
  }

  /**
   * Predicted labels, shape (1, m) int: A_L > 0.5 for a sigmoid output (the course's predict),
   * the row of the largest probability for softmax. Test-time pass: no dropout.
   * @example const p = model.predict(Xtest); dl.accuracy(p, Ytest)
   */
  predict(X: NDArray): NDArray {
    const AL = this.forward(X);
    if (this.task === 'binary') return np.greater(AL, 0.5).astype('int32');
    return (np.argmax(AL, 0) as NDArray).reshape(1, -1);
  }

  /**
   * Test-time cost and accuracy on (X, Y).
   * @example const { cost, accuracy } = model.evaluate(Xdev, Ydev);
   */
  evaluate(X: NDArray, Y: NDArray): { cost: number; accuracy: number } {
    const AL = this.forward(X);
    return { cost: this.cost(AL, Y), accuracy: outputAccuracy(AL, Y, this.task) };
  }

  /**
   * Trains with mini-batch (or full-batch) gradient descent and an optimizer; see FitOptions.
   * @example const history = model.fit(X, Y, { epochs: 15000, lr: 0.01, printEvery: 1000 });
   */
  fit(X: NDArray, Y: NDArray, options: FitOptions = {}): History {
    return fit(this, X, Y, options);
  }

  /**
   * The layers, their parameter shapes and the parameter count.
   * @example console.log(model.summary())
   */
  summary(): string {
    const count = Object.values(this.params).reduce((n, p) => n + p.size, 0);
    return [`input ${this.inputSize}`, ...this.layers.map((l) => l.describe()), `${count} parameters`].join('\n');
  }
}

/**
 * How many outputs are on the right side, and of how many: A > 0.5 vs Y for sigmoid outputs
 * (every entry), the argmax column by column for softmax.
 * @example const { right, total } = correctCount(model.forward(X), Y, 'binary'); // 298, 300
 */
export function correctCount(AL: NDArray, Y: NDArray, task: 'binary' | 'categorical'): { right: number; total: number } {
  if (task === 'binary') return { right: np.sum(np.equal(np.greater(AL, 0.5), np.greater(Y, 0.5))), total: Y.size };
  return { right: np.sum(np.equal(np.argmax(AL, 0) as NDArray, np.argmax(Y, 0) as NDArray)), total: Y.shape[Y.ndim - 1]! };
}

/**
 * Fraction of outputs on the right side (see correctCount).
 * @example outputAccuracy(model.forward(X), Y, 'binary') // 0.9933333333333333
 */
export function outputAccuracy(AL: NDArray, Y: NDArray, task: 'binary' | 'categorical'): number {
  const { right, total } = correctCount(AL, Y, task);
  return right / total;
}

/**
 * A model from layers and the number of input features.
 * @example
 * const model = dl.sequential([
 *   dl.dense(10, { activation: 'relu', init: 'he' }),
 *   dl.dense(5, { activation: 'relu', init: 'he' }),
 *   dl.dense(1, { activation: 'sigmoid', init: 'he' }),
 * ], 2, { seed: 3 });
 */
export function sequential(layers: readonly Layer[], inputSize: number, options?: SequentialOptions): Sequential {
  return new Sequential(layers, inputSize, options);
}
