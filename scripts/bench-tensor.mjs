// The tensor library's benchmark, in Node, side by side in one run: matmul GFLOP/s against
// TensorFlow.js (cpu and wasm-SIMD backends), the course's training steps against numpy (run
// by python3 on this machine) and tfjs, elementwise throughput, and the allocations of a step.
// Usage: node scripts/bench-tensor.mjs   (part of `npm run bench`)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchMatmul, formatRows } from './bench-matmul.mjs';
import { tfjsCircles } from './bench/tfjs-steps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CIRCLE_STEPS = Number(process.env.BENCH_STEPS ?? 3000);
const ADAM_EPOCHS = Number(process.env.BENCH_EPOCHS ?? 200);

async function bundle(entry, name) {
  const outfile = path.join(root, `.build/bench/${name}.mjs`);
  await build({ entryPoints: [path.join(root, entry)], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'warning' });
  return import(`${pathToFileURL(outfile).href}?v=${Date.now()}`);
}

async function loadTfjs(backend) {
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs-core');
  require('@tensorflow/tfjs-backend-cpu');
  const tfwasm = require('@tensorflow/tfjs-backend-wasm');
  tfwasm.setWasmPaths(path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/') + path.sep);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tfwasm.setThreadsCount(1);
  await tf.setBackend(backend);
  await tf.ready();
  return tf;
}

function numpySteps() {
  const r = spawnSync('python3', [path.join(root, 'scripts/bench/course_steps.py'), String(CIRCLE_STEPS), String(ADAM_EPOCHS)], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Typed arrays created during `fn` (every NDArray result makes one, views of the slab too). */
function countAllocations(fn) {
  const names = ['Float64Array', 'Float32Array', 'Int32Array', 'Uint8Array'];
  const saved = names.map((n) => globalThis[n]);
  let count = 0;
  let bytes = 0;
  names.forEach((n, i) => {
    globalThis[n] = new Proxy(saved[i], {
      construct(target, args) {
        const a = Reflect.construct(target, args);
        count++;
        bytes += a.byteLength;
        return a;
      },
    });
  });
  try {
    fn();
  } finally {
    names.forEach((n, i) => (globalThis[n] = saved[i]));
  }
  return { count, bytes };
}

function perSecond(fn, n) {
  fn();
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return n / (best / 1000);
}

const fmt = (x, d = 1) => x.toFixed(d);


console.log('\n== course training steps, µs per step (lower is better) ==');
const steps = await bundle('scripts/bench/course-steps.ts', 'course-steps');
steps.circles(300);
const oursCircles = steps.circles(CIRCLE_STEPS);
steps.adam(20);
const oursAdam = steps.adam(ADAM_EPOCHS);
const fit = await bundle('scripts/bench/fit-epoch.ts', 'fit-epoch');
fit.fitEpoch(20);
const oursFit = fit.fitEpoch(ADAM_EPOCHS);
const np = numpySteps();
const tfw = await loadTfjs('wasm');
const tfWasmCircles = tfjsCircles(tfw, Math.min(CIRCLE_STEPS, 1000));
const tfCpuCircles = tfjsCircles(await loadTfjs('cpu'), Math.min(CIRCLE_STEPS, 1000));
const line = (name, ours, other, label) => console.log(`${name.padEnd(58)} nabla ${fmt(ours).padStart(7)}   ${label} ${other === null ? 'n/a' : fmt(other).padStart(7)}   ratio nabla/${label} ${other === null ? 'n/a' : fmt(ours / other, 2)}`);
line('[2,10,5,1] full batch, 300 points (circles)', oursCircles, np?.circles_us_per_step ?? null, 'numpy');
line('[2,10,5,1] full batch, 300 points (circles)', oursCircles, tfWasmCircles, 'tfjs-wasm');
line('[2,10,5,1] full batch, 300 points (circles)', oursCircles, tfCpuCircles, 'tfjs-cpu');
line('[2,20,7,5,1] Adam, mini-batch 64 (per mini-batch step)', oursAdam, np?.adam_us_per_step ?? null, 'numpy');
line('dl.fit epoch: moons, [2,5,2,1], mini-batch 64, Adam (per epoch)', oursFit, np?.fit_epoch_us ?? null, 'numpy');
if (np) console.log(`(numpy ${np.numpy_version} via python3, same machine, same run)`);

console.log('\n== matmul, GFLOP/s (single thread) ==');
const rows = await benchMatmul();
console.log(formatRows(rows));

console.log('\n== elementwise throughput, 1e6 float64 elements, M elements/s ==');
const nab = await bundle('src/tensor/index.ts', 'np');
// tfjs keeps one active backend: elementwise figures are taken on its wasm (SIMD) backend, in
// float32 (its only float type) against our float64; dataSync() makes it hand the data over as
// our ops do. The tidy callback returns nothing, or tidy would walk the returned array.
const tfc = await loadTfjs('wasm');
const N = 1_000_000;
const a = nab.np.random.randn(N);
const b = nab.np.random.randn(N);
const out = nab.np.zeros(N);
const ta = tfc.randomNormal([N]);
const tb = tfc.randomNormal([N]);
const ew = [
  ['add', () => nab.np.add(a, b), () => tfc.tidy(() => { tfc.add(ta, tb).dataSync(); })],
  ['add with out=', () => nab.np.add(a, b, { out }), null],
  ['multiply', () => nab.np.multiply(a, b), () => tfc.tidy(() => { tfc.mul(ta, tb).dataSync(); })],
  ['maximum(x, 0)', () => nab.np.maximum(a, 0), () => tfc.tidy(() => { tfc.relu(ta).dataSync(); })],
  ['exp', () => nab.np.exp(a), () => tfc.tidy(() => { tfc.exp(ta).dataSync(); })],
  ['sum', () => nab.np.sum(a), () => tfc.tidy(() => { tfc.sum(ta).dataSync(); })],
];
for (const [name, ours, theirs] of ew) {
  const o = perSecond(ours, N) / 1e6;
  const t = theirs ? perSecond(theirs, N) / 1e6 : null;
  console.log(`${name.padEnd(16)} nabla ${fmt(o, 0).padStart(6)}   tfjs-wasm(f32) ${t === null ? '   n/a' : fmt(t, 0).padStart(6)}   ratio ${t === null ? 'n/a' : fmt(o / t, 2)}`);
}

console.log('\n== allocations in one circles training step ==');
const alloc = countAllocations(() => steps.circles(1));
console.log(`${alloc.count} typed arrays (${fmt(alloc.bytes / 1024)} KiB) per step, forward + cost + backward + update`);
