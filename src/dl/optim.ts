// Optimizers with the course's update formulas. Each holds the parameter dictionary and updates
// its arrays in place (params.W1 stays the same object, so a model and a learner's loop see the
// same weights); the state (v, s) is keyed as the course keys it: v.dW1, s.db2... The learning
// rate is a plain settable field, so a schedule or a learner babysitting one model ("pandas")
// can change it between steps.
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { gradFor } from './types';
import type { Grads, Params } from './types';

export type OptimizerName = 'gd' | 'momentum' | 'rmsprop' | 'adam';

export interface OptimizerOptions {
  /** Learning rate α (default 0.01 for gd and momentum, 0.001 for rmsprop and adam). */
  lr?: number;
  /** Momentum's β (0.9); also RMSprop's decay when `beta2` is not given. */
  beta?: number;
  /** Adam's first-moment decay (0.9). */
  beta1?: number;
  /** Adam's and RMSprop's second-moment decay (0.999). */
  beta2?: number;
  /** Added to sqrt(s) in the denominators (1e-8). */
  eps?: number;
  /** Momentum only: the Nesterov look-ahead step. */
  nesterov?: boolean;
}

/**
 * What every optimizer offers: `step(grads)` and a settable `lr`. Made by gd, momentum,
 * rmsprop, adam or create.
 * @example const opt = dl.optim.adam(params, { lr: 0.0007 }); opt.step(grads); opt.lr *= 0.5;
 */
export abstract class Optimizer {
  abstract readonly name: OptimizerName;
  /** The learning rate used by the next step. */
  lr: number;
  /** Steps taken so far (Adam's t: it counts mini-batches, starting at 1 for the first step). */
  t = 0;
  /** First-moment (velocity) estimates, keyed dW1, db1... (empty for gd and rmsprop). */
  readonly v: Grads = {};
  /** Second-moment estimates, keyed dW1, db1... (rmsprop and adam). */
  readonly s: Grads = {};

  constructor(readonly params: Params, lr: number) {
    this.lr = lr;
  }

  /** One update of every parameter; grads keyed dW1/db1 (the course) or W1/b1 (np.grad). */
  step(grads: Grads): void {
    this.t += 1;
    for (const key of Object.keys(this.params)) {
      const g = gradFor(grads, key);
      if (g === undefined) throw new Error(`${this.name}.step: no gradient for ${key} (expected d${key} or ${key})`);
      this.update(key, this.params[key]!, g);
    }
  }

  protected abstract update(key: string, W: NDArray, dW: NDArray): void;

  /** State arrays start at zeros shaped like the parameter (the course's initialize_velocity). */
  protected state(table: Grads, key: string, W: NDArray): NDArray {
    return (table['d' + key] ??= np.zeros_like(W, 'float64'));
  }
}

/** x = beta * x + (1 - beta) * g, in place, in the course's order of operations. */
function average(x: NDArray, g: NDArray, beta: number): void {
  np.multiply(x, beta, { out: x });
  np.add(x, np.multiply(g, 1 - beta), { out: x });
}

class GradientDescent extends Optimizer {
  override readonly name = 'gd';
  protected override update(_key: string, W: NDArray, dW: NDArray): void {
    np.subtract(W, np.multiply(dW, this.lr), { out: W });
  }
}

class Momentum extends Optimizer {
  override readonly name = 'momentum';
  constructor(params: Params, lr: number, readonly beta: number, readonly nesterov: boolean) {
    super(params, lr);
  }
  protected override update(key: string, W: NDArray, dW: NDArray): void {
    const v = this.state(this.v, key, W);
    average(v, dW, this.beta);
    // Nesterov steps along where the velocity is heading: beta·v + (1 - beta)·dW.
    const dir = this.nesterov ? np.add(np.multiply(v, this.beta), np.multiply(dW, 1 - this.beta)) : v;
    np.subtract(W, np.multiply(dir, this.lr), { out: W });
  }
}

class RMSprop extends Optimizer {
  override readonly name = 'rmsprop';
  constructor(params: Params, lr: number, readonly beta: number, readonly eps: number) {
    super(params, lr);
  }
  protected override update(key: string, W: NDArray, dW: NDArray): void {
    const s = this.state(this.s, key, W);
    average(s, np.square(dW), this.beta);
    const step = np.multiply(dW, this.lr);
    np.divide(step, np.add(np.sqrt(s), this.eps), { out: step });
    np.subtract(W, step, { out: W });
  }
}

class Adam extends Optimizer {
  override readonly name = 'adam';
  constructor(params: Params, lr: number, readonly beta1: number, readonly beta2: number, readonly eps: number) {
    super(params, lr);
  }
  protected override update(key: string, W: NDArray, dW: NDArray): void {
    const v = this.state(this.v, key, W);
    const s = this.state(this.s, key, W);
    average(v, dW, this.beta1);
    average(s, np.square(dW), this.beta2);
    // Bias correction: early averages start from 0 and are too small by a factor 1 - beta^t.
    const step = np.divide(v, 1 - Math.pow(this.beta1, this.t));
    np.multiply(step, this.lr, { out: step });
    const denom = np.divide(s, 1 - Math.pow(this.beta2, this.t));
    np.sqrt(denom, { out: denom });
    np.add(denom, this.eps, { out: denom });
    np.divide(step, denom, { out: step });
    np.subtract(W, step, { out: W });
  }
}

/**
 * Plain gradient descent: W = W - α·dW.
 * @example const opt = dl.optim.gd(params, { lr: 0.01 }); opt.step(grads);
 */
export function gd(params: Params, { lr = 0.01 }: OptimizerOptions = {}): Optimizer {
  return new GradientDescent(params, lr);
}

/**
 * Momentum: v = β·v + (1 - β)·dW; W = W - α·v. With `nesterov`, W = W - α·(β·v + (1 - β)·dW).
 * @example const opt = dl.optim.momentum(params, { lr: 0.0007, beta: 0.9 }); opt.step(grads); opt.v.dW1
 */
export function momentum(params: Params, { lr = 0.01, beta = 0.9, nesterov = false }: OptimizerOptions = {}): Optimizer {
  return new Momentum(params, lr, beta, nesterov);
}

/**
 * RMSprop: s = β₂·s + (1 - β₂)·dW²; W = W - α·dW / (√s + ε). β₂ defaults to 0.999 (Adam's).
 * @example const opt = dl.optim.rmsprop(params, { lr: 0.001 }); opt.step(grads);
 */
export function rmsprop(params: Params, { lr = 0.001, beta, beta2, eps = 1e-8 }: OptimizerOptions = {}): Optimizer {
  return new RMSprop(params, lr, beta2 ?? beta ?? 0.999, eps);
}

/**
 * Adam with bias correction, the course's formulas: v = β₁v + (1-β₁)dW, s = β₂s + (1-β₂)dW²,
 * v̂ = v / (1 - β₁ᵗ), ŝ = s / (1 - β₂ᵗ), W = W - α·v̂ / (√ŝ + ε); t counts steps (mini-batches).
 * @example const opt = dl.optim.adam(params, { lr: 0.0007 }); opt.step(grads); opt.t // 1
 */
export function adam(params: Params, { lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 }: OptimizerOptions = {}): Optimizer {
  return new Adam(params, lr, beta1, beta2, eps);
}

/**
 * An optimizer by name, as fit() accepts it.
 * @example const opt = dl.optim.create('adam', model.params, { lr: 0.0007 });
 */
export function create(name: OptimizerName, params: Params, options: OptimizerOptions = {}): Optimizer {
  switch (name) {
    case 'gd': return gd(params, options);
    case 'momentum': return momentum(params, options);
    case 'rmsprop': return rmsprop(params, options);
    case 'adam': return adam(params, options);
    default: throw new Error(`unknown optimizer '${String(name)}': use 'gd', 'momentum', 'rmsprop' or 'adam'`);
  }
}
