// Optimizers: several steps on fixed inputs against numpy's course formulas.
import { expect } from 'chai';
import { np } from '../tensor';
import * as optim from './optim';
import type { Grads, Params } from './types';
import { dict, expectClose, fx } from './fixtures.test-util';

const start = (): Params => dict(fx.optim.params);
const steps = (): Grads[] => fx.optim.grads.map((g) => dict(g));

function run(opt: optim.Optimizer, name: keyof typeof fx.optim.after, tol: number): void {
  steps().forEach((g, i) => {
    opt.step(g);
    const want = dict(fx.optim.after[name][i]!);
    for (const k of Object.keys(want)) expectClose(opt.params[k]!, want[k]!, tol, `${name} step ${i + 1} ${k}`);
  });
}

describe('dl optim', () => {
  it('gradient descent: W = W - lr dW', () => run(optim.gd(start(), { lr: 0.01 }), 'gd', 0));
  it('momentum: v = beta v + (1 - beta) dW; W = W - lr v', () => run(optim.momentum(start(), { lr: 0.01, beta: 0.9 }), 'momentum', 0));
  it('Nesterov momentum steps along beta v + (1 - beta) dW', () => run(optim.momentum(start(), { lr: 0.01, beta: 0.9, nesterov: true }), 'nesterov', 0));
  it('RMSprop: s = beta2 s + (1 - beta2) dW²; W = W - lr dW / (sqrt(s) + eps)', () => run(optim.rmsprop(start(), { lr: 0.01 }), 'rmsprop', 0));
  // Math.pow may round beta^t differently from C's pow in the last bit.
  it('Adam with bias correction, t counting steps', () => {
    const opt = optim.adam(start(), { lr: 0.01 });
    run(opt, 'adam', 1e-15);
    expect(opt.t).to.equal(4);
    expect(Object.keys(opt.v)).to.deep.equal(['dW1', 'db1', 'dW2', 'db2']);
  });

  it('updates in place, accepts grads keyed W1 (np.grad) or dW1, and lr is settable', () => {
    const params = start();
    const W1 = params.W1!;
    const opt = optim.create('gd', params, { lr: 0.5 });
    const plain: Grads = {};
    for (const [k, g] of Object.entries(steps()[0]!)) plain[k.slice(1)] = g;
    opt.lr = 0.01;
    opt.step(plain);
    expect(params.W1).to.equal(W1);
    expectClose(params.W1!, dict(fx.optim.after.gd[0]!).W1!, 0);
    expect(() => opt.step({})).to.throw(/no gradient for W1/);
    expect(() => optim.create('sgd' as 'gd', params)).to.throw(/unknown optimizer/);
    expect(np.shape(opt.params.b2!)).to.deep.equal([1, 1]);
  });
});
