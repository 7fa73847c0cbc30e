// Our side of the training-step benchmark: the same loops as course_steps.py, written as a
// learner writes them with np.* calls (no out= tricks), so the figure is what a lesson gets.
import { np } from '../../src/tensor';
import type { NDArray } from '../../src/tensor/ndarray';

type Params = Record<string, NDArray>;

function he(layers: readonly number[], seed = 3): Params {
  np.random.seed(seed);
  const p: Params = {};
  for (let l = 1; l < layers.length; l++) {
    p[`W${l}`] = np.multiply(np.random.randn(layers[l]!, layers[l - 1]!), Math.sqrt(2 / layers[l - 1]!));
    p[`b${l}`] = np.zeros([layers[l]!, 1]);
  }
  return p;
}

function forward(p: Params, X: NDArray, L: number): { A: NDArray; caches: NDArray[] } {
  const caches = [X];
  let A = X;
  for (let l = 1; l < L; l++) {
    const Z = np.add(np.dot(p[`W${l}`]!, A), p[`b${l}`]!);
    A = l < L - 1 ? np.maximum(0, Z) : np.divide(1, np.add(1, np.exp(np.negative(Z))));
    caches.push(A);
  }
  return { A, caches };
}

function backward(p: Params, caches: NDArray[], Y: NDArray, L: number): Params {
  const m = Y.shape[1]!;
  const g: Params = {};
  let dZ = np.subtract(caches[L - 1]!, Y);
  for (let l = L - 1; l > 0; l--) {
    const Aprev = caches[l - 1]!;
    g[`dW${l}`] = np.multiply(1 / m, np.dot(dZ, Aprev.T));
    g[`db${l}`] = np.multiply(1 / m, np.sum(dZ, { axis: 1, keepdims: true }));
    if (l > 1) {
      const dA = np.dot(p[`W${l}`]!.T, dZ);
      dZ = np.multiply(dA, np.int64(np.greater(Aprev, 0)));
    }
  }
  return g;
}

function cost(A: NDArray, Y: NDArray): number {
  const m = Y.shape[1]!;
  const logprobs = np.add(np.multiply(Y, np.log(A)), np.multiply(np.subtract(1, Y), np.log(np.subtract(1, A))));
  return (1 / m) * np.nansum(np.negative(logprobs));
}

/** µs per full-batch step of the course's [2, 10, 5, 1] ReLU/sigmoid net on 300 points. */
export function circles(steps: number): number {
  np.random.seed(1);
  const X = np.random.randn(2, 300);
  const Y = np.float64(np.less(np.sum(np.square(X), { axis: 0, keepdims: true }), 1));
  const layers = [2, 10, 5, 1];
  const L = layers.length;
  const p = he(layers);
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    const { A, caches } = forward(p, X, L);
    cost(A, Y);
    const g = backward(p, caches, Y, L);
    for (let l = 1; l < L; l++) {
      p[`W${l}`] = np.subtract(p[`W${l}`]!, np.multiply(0.01, g[`dW${l}`]!));
      p[`b${l}`] = np.subtract(p[`b${l}`]!, np.multiply(0.01, g[`db${l}`]!));
    }
  }
  return ((performance.now() - t0) / steps) * 1000;
}

function miniBatches(X: NDArray, Y: NDArray, size: number, seed: number): [NDArray, NDArray][] {
  np.random.seed(seed);
  const m = X.shape[1]!;
  const perm = np.random.permutation(m);
  const Xs = np.take(X, perm, 1);
  const Ys = np.take(Y, perm, 1);
  const out: [NDArray, NDArray][] = [];
  for (let k = 0; k < m; k += size) out.push([np.slice(Xs, ':', `${k}:${k + size}`), np.slice(Ys, ':', `${k}:${k + size}`)]);
  return out;
}

/** µs per mini-batch step (64) of a 2-20-7-5-1 net with Adam on 300 points. */
export function adam(epochs: number): number {
  np.random.seed(3);
  const X = np.random.randn(2, 300);
  const Y = np.float64(np.greater(np.multiply(np.slice(X, '0:1', ':'), np.slice(X, '1:2', ':')), 0));
  const layers = [2, 20, 7, 5, 1];
  const L = layers.length;
  const p = he(layers);
  const v: Params = {};
  const s: Params = {};
  for (const k of Object.keys(p)) {
    v[k] = np.zeros_like(p[k]!);
    s[k] = np.zeros_like(p[k]!);
  }
  const [b1, b2, eps, lr] = [0.9, 0.999, 1e-8, 0.0007];
  let t = 0;
  let seed = 10;
  let steps = 0;
  const t0 = performance.now();
  for (let e = 0; e < epochs; e++) {
    seed += 1;
    for (const [Xb, Yb] of miniBatches(X, Y, 64, seed)) {
      const { A, caches } = forward(p, Xb, L);
      cost(A, Yb);
      const g = backward(p, caches, Yb, L);
      t += 1;
      for (const k of Object.keys(p)) {
        const d = g[`d${k}`]!;
        v[k] = np.add(np.multiply(b1, v[k]!), np.multiply(1 - b1, d));
        s[k] = np.add(np.multiply(b2, s[k]!), np.multiply(1 - b2, np.power(d, 2)));
        const vc = np.divide(v[k]!, 1 - b1 ** t);
        const sc = np.divide(s[k]!, 1 - b2 ** t);
        p[k] = np.subtract(p[k]!, np.divide(np.multiply(lr, vc), np.add(np.sqrt(sc), eps)));
      }
      steps++;
    }
  }
  return ((performance.now() - t0) / steps) * 1000;
}
