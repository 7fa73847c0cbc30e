// Batch normalization over the examples (columns) of each row, as the lecture defines it:
// mu = mean of the batch, var = mean (z - mu)², z_norm = (z - mu) / sqrt(var + eps),
// z~ = gamma·z_norm + beta. Training uses the batch's statistics and updates exponentially
// weighted running averages of them; test time uses the running averages.
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import type { BuildContext, Layer } from './layers';
import type { Grads, Params } from './types';

export interface BatchNormOptions {
  /** Weight of the old running average: running = momentum·running + (1 - momentum)·batch (0.9). */
  momentum?: number;
  /** Added to the variance before the square root (1e-8, the lecture's ε). */
  eps?: number;
}

/**
 * The batch-norm layer; its parameters are gamma<l>, beta<l> after dense layer l. Made by
 * dl.batchNorm.
 * @example const bn = dl.batchNorm(); // in a model: after model.fit(...), bn.runningMean
 */
export class BatchNorm implements Layer {
  readonly kind = 'batchNorm';
  readonly momentum: number;
  readonly eps: number;
  gammaKey = '';
  betaKey = '';
  /** Running averages of the batch mean and variance (start at 0 and 1), used at test time. */
  runningMean: NDArray = np.zeros([1, 1]);
  runningVar: NDArray = np.ones([1, 1]);
  /** The training pass's cache: the normalized input and sqrt(var + eps). */
  cache: { zNorm: NDArray; std: NDArray } | null = null;
  private params: Params = {};
  private grads: Grads = {};

  constructor({ momentum = 0.9, eps = 1e-8 }: BatchNormOptions = {}) {
    this.momentum = momentum;
    this.eps = eps;
  }

  build(inputSize: number, ctx: BuildContext): number {
    this.params = ctx.params;
    this.grads = ctx.grads;
    this.gammaKey = 'gamma' + ctx.dense;
    this.betaKey = 'beta' + ctx.dense;
    if (ctx.params[this.gammaKey]) throw new Error(`batchNorm: ${this.gammaKey} exists already (one batch norm per dense layer)`);
    ctx.params[this.gammaKey] = np.ones([inputSize, 1]);
    ctx.params[this.betaKey] = np.zeros([inputSize, 1]);
    this.runningMean = np.zeros([inputSize, 1]);
    this.runningVar = np.ones([inputSize, 1]);
    return inputSize;
  }

  forward(Z: NDArray, training: boolean): NDArray {
    const gamma = this.params[this.gammaKey]!;
    const beta = this.params[this.betaKey]!;
    if (!training) {
      const zNorm = np.divide(np.subtract(Z, this.runningMean), np.sqrt(np.add(this.runningVar, this.eps)));
      return np.add(np.multiply(gamma, zNorm), beta);
    }
    const mu = np.mean(Z, { axis: 1, keepdims: true });
    const centered = np.subtract(Z, mu);
    const variance = np.mean(np.square(centered), { axis: 1, keepdims: true });
    const std = np.sqrt(np.add(variance, this.eps));
    const zNorm = np.divide(centered, std);
    this.cache = { zNorm, std };
    // New arrays rather than in-place updates: this also runs inside np.grad, where `out` is refused.
    this.runningMean = np.add(np.multiply(this.runningMean, this.momentum), np.multiply(mu, 1 - this.momentum));
    this.runningVar = np.add(np.multiply(this.runningVar, this.momentum), np.multiply(variance, 1 - this.momentum));
    return np.add(np.multiply(gamma, zNorm), beta);
  }

  /**
   * dgamma = Σ dout·z_norm, dbeta = Σ dout (over examples), and with dẑ = dout·gamma:
   * dZ = (1/m)/sqrt(var + eps) · (m·dẑ - Σ dẑ - z_norm·Σ dẑ·z_norm).
   */
  backward(dout: NDArray): NDArray {
    if (this.cache === null) throw new Error('batchNorm: backward needs a training forward pass first');
    const { zNorm, std } = this.cache;
    const m = zNorm.shape[1]!;
    const sumAxis = { axis: 1, keepdims: true } as const;
    this.grads['d' + this.gammaKey] = np.sum(np.multiply(dout, zNorm), sumAxis);
    this.grads['d' + this.betaKey] = np.sum(dout, sumAxis);
    const dzNorm = np.multiply(dout, this.params[this.gammaKey]!);
    const bracket = np.subtract(np.subtract(np.multiply(dzNorm, m), np.sum(dzNorm, sumAxis)), np.multiply(zNorm, np.sum(np.multiply(dzNorm, zNorm), sumAxis)));
    return np.multiply(np.divide(1 / m, std), bracket);
  }

  describe(): string {
    return `batchNorm ${this.gammaKey}, ${this.betaKey} (${this.runningMean.shape[0]} units), momentum ${this.momentum}`;
  }
}

/**
 * Batch normalization of its input's rows over the batch, with learned gamma and beta.
 * @example dl.sequential([dl.dense(10, { bias: false }), dl.batchNorm({ momentum: 0.9 }), dl.activation('relu'), dl.dense(1, { activation: 'sigmoid' })], 2)
 */
export function batchNorm(options?: BatchNormOptions): BatchNorm {
  return new BatchNorm(options);
}
