// TensorFlow.js side of the training-step benchmark: the circles [2, 10, 5, 1] full-batch step
// written with tfjs ops the way the np version is written (forward, cost, backward by hand,
// update), so the comparison is per op, not per framework feature.
export function tfjsCircles(tf, steps) {
  const X = tf.randomNormal([2, 300], 0, 1, 'float32', 1);
  const Y = tf.cast(tf.less(tf.sum(tf.square(X), 0, true), 1), 'float32');
  const layers = [2, 10, 5, 1];
  const L = layers.length;
  const p = {};
  for (let l = 1; l < L; l++) {
    p[`W${l}`] = tf.mul(tf.randomNormal([layers[l], layers[l - 1]], 0, 1, 'float32', l), Math.sqrt(2 / layers[l - 1]));
    p[`b${l}`] = tf.zeros([layers[l], 1]);
  }
  const m = 300;
  const step = () =>
    tf.tidy(() => {
      const caches = [X];
      let A = X;
      for (let l = 1; l < L; l++) {
        const Z = tf.add(tf.matMul(p[`W${l}`], A), p[`b${l}`]);
        A = l < L - 1 ? tf.maximum(Z, 0) : tf.div(1, tf.add(1, tf.exp(tf.neg(Z))));
        caches.push(A);
      }
      tf.mul(1 / m, tf.sum(tf.neg(tf.add(tf.mul(Y, tf.log(A)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, A)))))));
      let dZ = tf.sub(caches[L - 1], Y);
      const g = {};
      for (let l = L - 1; l > 0; l--) {
        const Aprev = caches[l - 1];
        g[`dW${l}`] = tf.mul(1 / m, tf.matMul(dZ, Aprev, false, true));
        g[`db${l}`] = tf.mul(1 / m, tf.sum(dZ, 1, true));
        if (l > 1) dZ = tf.mul(tf.matMul(p[`W${l}`], dZ, true, false), tf.cast(tf.greater(Aprev, 0), 'float32'));
      }
      const next = {};
      for (let l = 1; l < L; l++) {
        next[`W${l}`] = tf.sub(p[`W${l}`], tf.mul(0.01, g[`dW${l}`]));
        next[`b${l}`] = tf.sub(p[`b${l}`], tf.mul(0.01, g[`db${l}`]));
      }
      return next;
    });
  for (let i = 0; i < 20; i++) Object.assign(p, keep(tf, p, step()));
  // Read back once so that lazy backends have really run the work being timed.
  tf.sum(p.W1).dataSync();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) Object.assign(p, keep(tf, p, step()));
  tf.sum(p.W1).dataSync();
  return ((performance.now() - t0) / steps) * 1000;
}

function keep(tf, old, next) {
  for (const k of Object.keys(old)) old[k].dispose();
  return next;
}
