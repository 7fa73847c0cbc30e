// One dl.fit epoch of the course's optimization setup: moons (300 points), [2, 5, 2, 1] He
// network, mini-batches of 64, Adam (lr 0.0007). Compared with course_steps.py's fit_epoch.
import { np } from '../../src/tensor';
import * as dl from '../../src/dl';

/** µs per epoch of model.fit. */
export function fitEpoch(epochs: number): number {
  np.random.seed(3);
  const { X, Y } = dl.data.makeMoons(300, { noise: 0.2 });
  const model = dl.sequential(
    [dl.dense(5, { activation: 'relu', init: 'he' }), dl.dense(2, { activation: 'relu', init: 'he' }), dl.dense(1, { activation: 'sigmoid', init: 'he' })],
    2,
    { seed: 3 },
  );
  const optimizer = dl.optim.adam(model.params, { lr: 0.0007 });
  const t0 = performance.now();
  model.fit(X, Y, { epochs, batchSize: 64, optimizer, seed: 10 });
  return ((performance.now() - t0) / epochs) * 1000;
}
