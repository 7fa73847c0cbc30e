// The one test command: builds the app, then runs every suite and ends with the plain line
// `N passed, N failed` over all of them. Suites: Node unit tests of pure modules (mocha),
// browser unit tests (web-test-runner in headless Chromium), end-to-end tests (playwright-core
// driving the real app in Chromium).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { APP_BUILD_OPTIONS, buildApp } from './build.mjs';
import { testFilesUnder } from './node-unit.mjs';

const only = process.argv[2]; // optional: unit | browser | e2e
const results = [];

function runSuite(name, command, args, summaryFile) {
  rmSync(summaryFile, { force: true });
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(command, args, { stdio: 'inherit' });
  let counts = { passed: 0, failed: 1 };
  if (existsSync(summaryFile)) counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
  else console.log(`${name}: the suite did not report its results (exit ${r.status}); counted as one failure`);
  results.push({ name, ...counts });
}

function browserTestFiles() {
  if (!existsSync('src')) return [];
  return spawnSync('find', ['src', '-name', '*.browser.test.ts'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .sort();
}

const t0 = performance.now();
if (!only || only === 'e2e') {
  await buildApp();
  console.log(`built dist/ in ${Math.round(performance.now() - t0)} ms`);
}

if (!only || only === 'unit') {
  runSuite('unit (Node)', process.execPath, ['scripts/node-unit.mjs', '--summary', '.build/unit-summary.json', ...testFilesUnder('src')], '.build/unit-summary.json');
}

if (!only || only === 'browser') {
  const files = browserTestFiles();
  if (files.length) {
    rmSync('.build/browser', { recursive: true, force: true });
    await build({
      entryPoints: files,
      outdir: '.build/browser',
      outbase: 'src',
      bundle: true,
      format: 'esm',
      target: 'es2022',
      sourcemap: 'inline',
      logLevel: 'warning',
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.md': 'text' },
      outExtension: { '.js': '.js' },
      entryNames: '[dir]/[name]',
    });
    // dl.search's pool worker with the options of the app's build (scripts/build.mjs), for tests
    // that start real workers (they pass workerURL: /.build/browser/search-worker.js).
    await build({ ...APP_BUILD_OPTIONS, entryPoints: { 'search-worker': 'src/dl/search/pool-worker.ts' }, outdir: '.build/browser' });
    runSuite('browser unit (web-test-runner, Chromium)', process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'], '.build/wtr-summary.json');
  }
}

if (!only || only === 'e2e') {
  runSuite('end-to-end (playwright-core, Chromium)', process.execPath, ['scripts/node-unit.mjs', '--e2e', '--summary', '.build/e2e-summary.json'], '.build/e2e-summary.json');
}

let passed = 0;
let failed = 0;
console.log('\n=== summary ===');
for (const r of results) {
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed`);
  passed += r.passed;
  failed += r.failed;
}
console.log(`total time ${Math.round((performance.now() - t0) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
