// The layers of dl.sequential. Each forward pass is plain np code (so np.grad can differentiate
// it) and caches what its hand-written backward pass needs, the course's "cache". Parameters
// live in the model's shared dictionary under the course's names (W1, b1, gamma1...) and are
// read from it at every pass, so replacing model.params.W1 takes effect.
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { activate, activationBackward } from './activations';
import { initWeight } from './init';
import type { InitMethod } from './init';
import { applyDropout, dropoutBackward, dropoutMask } from './regularization';
import type { ActivationName, Grads, Params } from './types';

/** What a model hands its layers when it builds them. */
export interface BuildContext {
  readonly params: Params;
  readonly grads: Grads;
  /** Number of dense layers built so far (the next dense layer is number dense + 1). */
  dense: number;
}

/** A layer: sizes and parameters at build time, then forward and backward passes. */
export interface Layer {
  readonly kind: 'dense' | 'dropout' | 'batchNorm' | 'activation';
  /** Creates the layer's parameters for inputs of `inputSize` rows; returns its output rows. */
  build(inputSize: number, ctx: BuildContext): number;
  forward(A: NDArray, training: boolean): NDArray;
  /** dA of the output in, dA of the input out (null when `needInput` is false: the data X). */
  backward(dA: NDArray, needInput: boolean): NDArray | null;
  /** One line for model.summary(). */
  describe(): string;
}

export interface DenseOptions {
  /** Applied after Z = W·A + b (default 'linear'). */
  activation?: ActivationName;
  /** How W is drawn (default 'he'). */
  init?: InitMethod;
  /** The factor of init 'random' (default 10, the course's). */
  scale?: number;
  /** Whether there is a bias b (default true; with batch norm after it b is redundant). */
  bias?: boolean;
  /** Slope for activation 'leakyRelu' (0.01). */
  alpha?: number;
}

/**
 * A fully connected layer: Z = W·A_prev + b, A = g(Z). Made by dl.dense.
 * @example const layer = dl.dense(10, { activation: 'relu' }); layer.cache?.Z // after a forward pass
 */
export class Dense implements Layer {
  readonly kind = 'dense';
  readonly activation: ActivationName;
  readonly init: InitMethod;
  readonly scale: number;
  readonly bias: boolean;
  readonly alpha: number;
  /** W's and b's keys in the model's dictionaries, set by build (W3, b3...). */
  wKey = '';
  bKey = '';
  /** The forward pass's cache: input, pre-activation and output. */
  cache: { A_prev: NDArray; Z: NDArray; A: NDArray } | null = null;
  private params: Params = {};
  private grads: Grads = {};

  constructor(readonly units: number, options: DenseOptions = {}) {
    if (!(Number.isInteger(units) && units > 0)) throw new RangeError(`dense: units must be a positive integer, got ${units}`);
    this.activation = options.activation ?? 'linear';
    this.init = options.init ?? 'he';
    this.scale = options.scale ?? 10;
    this.bias = options.bias ?? true;
    this.alpha = options.alpha ?? 0.01;
  }

  build(inputSize: number, ctx: BuildContext): number {
    const l = ++ctx.dense;
    this.params = ctx.params;
    this.grads = ctx.grads;
    this.wKey = 'W' + l;
    this.bKey = 'b' + l;
    ctx.params[this.wKey] = initWeight(this.units, inputSize, this.init, this.scale);
    if (this.bias) ctx.params[this.bKey] = np.zeros([this.units, 1]);
    return this.units;
  }

  forward(A_prev: NDArray, _training: boolean): NDArray {
    const W = this.params[this.wKey]!;
    let Z = np.dot(W, A_prev);
    if (this.bias) Z = np.add(Z, this.params[this.bKey]!);
    const A = activate(this.activation, Z, this.alpha);
    this.cache = { A_prev, Z, A };
    return A;
  }

  backward(dA: NDArray, needInput: boolean): NDArray | null {
    const c = this.need();
    return this.backwardFromZ(activationBackward(this.activation, dA, c.Z, c.A, this.alpha), needInput);
  }

  /** The linear part's backward pass: dW = dZ·A_prevᵀ, db = Σ dZ over examples, dA_prev = Wᵀ·dZ. */
  backwardFromZ(dZ: NDArray, needInput: boolean): NDArray | null {
    const c = this.need();
    const W = this.params[this.wKey]!;
    this.grads['d' + this.wKey] = np.dot(dZ, c.A_prev.T);
    if (this.bias) this.grads['d' + this.bKey] = np.sum(dZ, { axis: 1, keepdims: true });
    return needInput ? np.dot(W.T, dZ) : null;
  }

  describe(): string {
    const W = this.params[this.wKey];
    const shape = W ? `(${W.shape.join(', ')})` : '';
    return `dense ${this.wKey} ${shape}${this.bias ? ` + ${this.bKey}` : ''}, ${this.activation}, init ${this.init}`;
  }

  private need() {
    if (this.cache === null) throw new Error('backward before forward: run model.forward(X, { training: true }) first');
    return this.cache;
  }
}

/**
 * Inverted dropout on its input during training; the identity at test time. Made by dl.dropout.
 * @example const d = dl.dropout(0.8); model.forward(X, { training: true }); d.mask
 */
export class Dropout implements Layer {
  readonly kind = 'dropout';
  /** The last training pass's mask D (int 0/1), for inspection. */
  mask: NDArray | null = null;

  constructor(readonly keepProb: number) {
    if (!(keepProb > 0 && keepProb <= 1)) throw new RangeError(`dropout: keepProb must be in (0, 1], got ${keepProb}`);
  }

  build(inputSize: number): number {
    return inputSize;
  }

  forward(A: NDArray, training: boolean): NDArray {
    if (!training || this.keepProb === 1) {
      this.mask = null;
      return A;
    }
    this.mask = dropoutMask(A.shape, this.keepProb);
    return applyDropout(A, this.mask, this.keepProb);
  }

  backward(dA: NDArray): NDArray {
    return this.mask === null ? dA : dropoutBackward(dA, this.mask, this.keepProb);
  }

  describe(): string {
    return `dropout keepProb ${this.keepProb}`;
  }
}

/**
 * An activation on its own, e.g. after batch norm in the course's order Z → BN → g.
 * Made by dl.activation.
 * @example [dl.dense(5, { bias: false }), dl.batchNorm(), dl.activation('relu')]
 */
export class Activation implements Layer {
  readonly kind = 'activation';
  cache: { Z: NDArray; A: NDArray } | null = null;

  constructor(readonly activation: ActivationName, readonly alpha = 0.01) {}

  build(inputSize: number): number {
    return inputSize;
  }

  forward(Z: NDArray): NDArray {
    const A = activate(this.activation, Z, this.alpha);
    this.cache = { Z, A };
    return A;
  }

  backward(dA: NDArray): NDArray {
    if (this.cache === null) throw new Error('backward before forward');
    return activationBackward(this.activation, dA, this.cache.Z, this.cache.A, this.alpha);
  }

  describe(): string {
    return `activation ${this.activation}`;
  }
}

/**
 * A dense layer: `units` outputs, Z = W·A + b then the activation.
 * @example dl.dense(10, { activation: 'relu', init: 'he' })
 */
export function dense(units: number, options?: DenseOptions): Dense {
  return new Dense(units, options);
}

/**
 * Inverted dropout with keep probability keepProb (training only).
 * @example dl.sequential([dl.dense(20, { activation: 'relu' }), dl.dropout(0.86), dl.dense(1, { activation: 'sigmoid' })], 2)
 */
export function dropout(keepProb: number): Dropout {
  return new Dropout(keepProb);
}

/**
 * An activation layer (for the course's Z → batch norm → g order).
 * @example [dl.dense(5, { bias: false }), dl.batchNorm(), dl.activation('relu')]
 */
export function activation(name: ActivationName, alpha?: number): Activation {
  return new Activation(name, alpha);
}
