// Batch norm: forward and backward against numpy, finite differences and the tape; running
// averages for test time.
import { expect } from 'chai';
import { np } from '../tensor';
import type { NDArray } from '../tensor';
import { BatchNorm, batchNorm } from './batchnorm';
import type { BuildContext } from './layers';
import { activation, dense } from './layers';
import { sequential } from './model';
import { arr, expectClose, fx } from './fixtures.test-util';

function built(): { bn: BatchNorm; ctx: BuildContext } {
  const ctx: BuildContext = { params: {}, grads: {}, dense: 1 };
  const bn = batchNorm({ momentum: 0.9, eps: fx.batchnorm.eps });
  bn.build(4, ctx);
  ctx.params.gamma1 = arr(fx.batchnorm.gamma);
  ctx.params.beta1 = arr(fx.batchnorm.beta);
  return { bn, ctx };
}

describe('dl batchNorm', () => {
  const f = fx.batchnorm;

  it('forward, backward and running averages equal numpy', () => {
    const { bn, ctx } = built();
    expect(Object.keys(ctx.params)).to.deep.equal(['gamma1', 'beta1']);
    expectClose(bn.forward(arr(f.Z), true), arr(f.out), 1e-14, 'out');
    expectClose(bn.backward(arr(f.dout)), arr(f.dZ), 1e-13, 'dZ');
    expectClose(ctx.grads.dgamma1!, arr(f.dgamma), 1e-14, 'dgamma');
    expectClose(ctx.grads.dbeta1!, arr(f.dbeta), 1e-14, 'dbeta');
    expectClose(bn.runningMean, arr(f.runningMean), 1e-15, 'running mean');
    expectClose(bn.runningVar, arr(f.runningVar), 1e-15, 'running var');
    expectClose(bn.forward(arr(f.Ztest), false), arr(f.testOut), 1e-14, 'test-time out');
  });

  it('backward equals finite differences of sum(out * dout)', () => {
    const { bn } = built();
    const Z = arr(f.Z);
    const G = arr(f.dout);
    bn.forward(Z, true);
    const dZ = bn.backward(G);
    const eps = 1e-6;
    for (let i = 0; i < Z.size; i++) {
      const keep = Z.data[Z.offset + i]!;
      Z.data[Z.offset + i] = keep + eps;
      const up = np.sum(np.multiply(bn.forward(Z, true), G));
      Z.data[Z.offset + i] = keep - eps;
      const down = np.sum(np.multiply(bn.forward(Z, true), G));
      Z.data[Z.offset + i] = keep;
      expect(dZ.data[dZ.offset + i]).to.be.closeTo((up - down) / (2 * eps), 1e-7);
    }
  });

  it('in a model (Z -> BN -> relu), the hand-written backward equals the tape within 1e-10', () => {
    const model = sequential([dense(5, { bias: false }), batchNorm(), activation('relu'), dense(3, { activation: 'relu' }), batchNorm(), activation('tanh'), dense(1, { activation: 'sigmoid' })], 4, { seed: 2 });
    expect(Object.keys(model.params)).to.deep.equal(['W1', 'gamma1', 'beta1', 'W2', 'b2', 'gamma2', 'beta2', 'W3', 'b3']);
    np.random.seed(0);
    const X = np.multiply(np.random.randn(4, 16), 3);
    const Y = np.less(np.random.rand(1, 16), 0.5).astype('int32');
    // Give gamma and beta values other than 1 and 0 so their gradients matter.
    model.params.gamma1 = np.random.uniform(0.5, 1.5, [5, 1]);
    model.params.beta2 = np.random.randn(3, 1);
    const hand = model.costAndGrads(X, Y, { l2: 0.3 });
    const tape = model.lossWithGrad(X, Y, { l2: 0.3 });
    expect(tape.cost).to.be.closeTo(hand.cost, 1e-14);
    expect(Object.keys(tape.grads).sort()).to.deep.equal(Object.keys(hand.grads).sort());
    for (const k of Object.keys(tape.grads)) expectClose(hand.grads[k]!, tape.grads[k]!, 1e-10, k);
  });

  it('trains with mini-batches from a large initial scale, and predicts with the running statistics', () => {
    np.random.seed(3);
    const X = np.random.randn(2, 200);
    const Y = np.greater(np.multiply(np.slice(X, 0, null), np.slice(X, 1, null)), 0).astype('int32');
    const layers = (bn: boolean) => [
      ...[8, 8, 8].flatMap((n) => [dense(n, { init: 'random', scale: 3, bias: !bn }), ...(bn ? [batchNorm()] : []), activation('relu')]),
      dense(1, { activation: 'sigmoid', init: 'xavier' }),
    ];
    const withBN = sequential(layers(true), 2, { seed: 1 });
    const h = withBN.fit(X, Y, { epochs: 300, batchSize: 50, seed: 0, optimizer: 'adam', lr: 0.01 });
    expect(h.cost[h.cost.length - 1]).to.be.lessThan(0.3);
    expect(withBN.evaluate(X, Y).accuracy).to.be.greaterThan(0.9);
    const running = (withBN.layers[1] as BatchNorm).runningMean as NDArray;
    expect(running.shape).to.deep.equal([8, 1]);
    expect(withBN.summary()).to.match(/batchNorm gamma1, beta1/);
  });
});
