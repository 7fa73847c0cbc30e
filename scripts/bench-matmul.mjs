// Matrix-product throughput: Nabla's matmul (JS kernels only, and with the WebAssembly SIMD
// kernels) in float32 and float64, against tfjs's cpu backend and its wasm backend (SIMD build,
// one thread), on square sizes and on the course's small shapes. Single thread, Node.
// Usage: node scripts/bench-matmul.mjs [n ...]   (default sizes 64 128 256 512 1024)
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the TypeScript library for Node (as scripts/node-unit.mjs does for tests) and loads it. */
async function loadNabla() {
  const outfile = path.join(root, '.build/bench-matmul/nabla-linalg.mjs');
  await build({
    stdin: {
      contents: ["export { matmul } from './src/tensor/linalg/matmul';", "export { NDArray } from './src/tensor/ndarray';", "export { disableWasm, wasmAvailable } from './src/tensor/wasm/gemm';"].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?v=${Date.now()}`);
}

/** tfjs-core with the cpu and wasm backends; the wasm one on its SIMD build, threads off. */
async function loadTfjs() {
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs-core');
  require('@tensorflow/tfjs-backend-cpu');
  const tfwasm = require('@tensorflow/tfjs-backend-wasm');
  tfwasm.setWasmPaths(path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/') + path.sep);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tfwasm.setThreadsCount(1);
  return tf;
}

/** Best seconds per call over a few batches of about `budget` seconds each. */
function secondsPerCall(fn, budget = 0.15, batches = 3) {
  fn();
  let t0 = performance.now();
  fn();
  const once = Math.max((performance.now() - t0) / 1000, 1e-7);
  const reps = Math.max(1, Math.round(budget / once));
  let best = Infinity;
  for (let b = 0; b < batches; b++) {
    t0 = performance.now();
    for (let r = 0; r < reps; r++) fn();
    best = Math.min(best, (performance.now() - t0) / 1000 / reps);
  }
  return best;
}

const COURSE = [
  [10, 2, 300], [5, 10, 300], [1, 5, 300], // forward: W·X
  [10, 300, 2], [5, 300, 10], [2, 10, 300], // backward: dZ·Aᵀ, Wᵀ·dZ
];

/**
 * Runs the benchmark and returns one row per shape: { shape, m, k, n, gflops: { [impl]: number } }
 * with implementations 'nabla js f32', 'nabla wasm f32', 'nabla js f64', 'nabla wasm f64',
 * 'tfjs cpu f32', 'tfjs wasm f32'.
 */
export async function benchMatmul({ sizes = [64, 128, 256, 512, 1024], course = true } = {}) {
  const np = await loadNabla();
  const tf = await loadTfjs();
  const shapes = [...sizes.map((n) => [n, n, n]), ...(course ? COURSE : [])];
  const rows = shapes.map(([m, k, n]) => ({ shape: `${m}x${k}x${n}`, m, k, n, gflops: {} }));
  const rand = (len, T) => T.from({ length: len }, () => Math.random() - 0.5);

  for (const [label, T, simd] of [['nabla js f32', Float32Array, false], ['nabla wasm f32', Float32Array, true], ['nabla js f64', Float64Array, false], ['nabla wasm f64', Float64Array, true]]) {
    np.disableWasm(!simd);
    if (simd && !np.wasmAvailable()) continue;
    for (const row of rows) {
      const a = new np.NDArray(rand(row.m * row.k, T), [row.m, row.k]);
      const b = new np.NDArray(rand(row.k * row.n, T), [row.k, row.n]);
      row.gflops[label] = (2 * row.m * row.n * row.k) / secondsPerCall(() => np.matmul(a, b)) / 1e9;
    }
  }
  np.disableWasm(false);

  for (const [label, backend] of [['tfjs cpu f32', 'cpu'], ['tfjs wasm f32', 'wasm']]) {
    if (!(await tf.setBackend(backend))) continue;
    await tf.ready();
    for (const row of rows) {
      const a = tf.tensor2d(rand(row.m * row.k, Float32Array), [row.m, row.k]);
      const b = tf.tensor2d(rand(row.k * row.n, Float32Array), [row.k, row.n]);
      const run = () => {
        const c = tf.matMul(a, b);
        c.dataSync(); // both backends compute synchronously; this also reads the result as ours returns it
        c.dispose();
      };
      row.gflops[label] = (2 * row.m * row.n * row.k) / secondsPerCall(run) / 1e9;
      a.dispose();
      b.dispose();
    }
  }
  return rows;
}

/** The rows as a fixed-width table (GFLOP/s). */
export function formatRows(rows) {
  const impls = [...new Set(rows.flatMap((r) => Object.keys(r.gflops)))];
  const head = ['shape (m·k·n)'.padEnd(16), ...impls.map((i) => i.padStart(15))].join('');
  const lines = rows.map((r) => [r.shape.padEnd(16), ...impls.map((i) => (r.gflops[i] === undefined ? '-' : r.gflops[i].toFixed(2)).padStart(15))].join(''));
  return ['GFLOP/s, single thread (higher is better)', head, ...lines].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const rows = await benchMatmul(sizes.length ? { sizes } : {});
  console.log(formatRows(rows));
}
