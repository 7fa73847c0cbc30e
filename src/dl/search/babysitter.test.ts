// The babysitter: the same training as fit() when left alone; pause, lr changes and stop take
// effect between epochs while the loop runs in the background, as it does in the kernel.
import { expect } from 'chai';
import { np } from '../../tensor';
import * as dl from '../index';
import { babysit } from './babysitter';

function setup() {
  np.random.seed(1);
  const { X, Y } = dl.data.makeCircles(120, { noise: 0.05 });
  const model = dl.sequential([dl.dense(4, { activation: 'relu', init: 'he' }), dl.dense(1, { activation: 'sigmoid', init: 'he' })], 2, { seed: 3 });
  return { X, Y, model };
}

/** Resolves once `check` holds, polling between macrotasks (what another cell would do). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 10000 && !check(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(check()).to.equal(true);
}

describe('dl.search.babysit', () => {
  it('trains exactly as fit() with the same options when nobody touches it', async () => {
    const a = setup();
    const fitted = a.model.fit(a.X, a.Y, { epochs: 12, batchSize: 32, seed: 10, optimizer: dl.optim.adam(a.model.params, { lr: 0.01 }) });
    const b = setup();
    const sitter = babysit(dl.optim.adam(b.model.params, { lr: 0.01 }));
    const records = await sitter.train(b.model, b.X, b.Y, { epochs: 12, batchSize: 32, seed: 10 });
    expect(records.map((r) => r.cost)).to.deep.equal(fitted.cost);
    expect(records.map((r) => r.epoch)).to.deep.equal([...Array(12).keys()]);
    expect(sitter.history).to.deep.equal(records);
    expect(b.model.params.W1!.tolist()).to.deep.equal(a.model.params.W1!.tolist());
    expect(sitter.state).to.equal('stopped');
  });

  it('can be paused, given a new learning rate, resumed and stopped while it runs', async () => {
    const { X, Y, model } = setup();
    const sitter = babysit(dl.optim.gd(model.params, { lr: 0.5 }));
    const run = sitter.train(model, X, Y, { epochs: 100000 }); // not awaited, as in a notebook cell
    await until(() => sitter.history.length >= 3);
    sitter.pause();
    await new Promise((r) => setTimeout(r, 5));
    const held = sitter.history.length;
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(sitter.history.length).to.equal(held);
    expect(sitter.state).to.equal('paused');
    sitter.lr = 0.05;
    sitter.resume();
    await until(() => sitter.history.length >= held + 3);
    expect(sitter.history.at(-1)!.lr).to.equal(0.05);
    expect(sitter.history[0]!.lr).to.equal(0.5);
    sitter.stop();
    const records = await run;
    expect(records.length).to.be.lessThan(100000);
    expect(sitter.state).to.equal('stopped');
    expect(() => (sitter.lr = -1)).to.throw(RangeError);
  });

  it('checkpoint() drives a hand-written loop', async () => {
    const { X, Y, model } = setup();
    const sitter = babysit(dl.optim.gd(model.params, { lr: 0.1 }));
    let epochs = 0;
    setTimeout(() => sitter.stop(), 20);
    while (await sitter.checkpoint()) {
      const { grads } = model.costAndGrads(X, Y);
      sitter.optimizer.step(grads);
      epochs++;
    }
    expect(epochs).to.be.greaterThan(0);
    expect(sitter.state).to.equal('stopped');
  });
});
