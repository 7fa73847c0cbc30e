// Runs unit tests of pure modules (no DOM) in Node with mocha: bundles each *.test.ts with
// esbuild first, because Node 20 cannot load TypeScript. Usage: node scripts/node-unit.mjs [files...]
// Without arguments it runs every `*.test.ts` under src/ except `*.browser.test.ts` (those need
// a DOM and run in Chromium under web-test-runner).
import { build } from 'esbuild';
import Mocha from 'mocha';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Every Node-runnable `*.test.ts` below `dir` (Node 20 has no fs.globSync). */
export function testFilesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.test.ts') && !String(f).endsWith('.browser.test.ts'))
    .map((f) => path.join(dir, String(f)))
    .sort();
}

export async function runNodeUnit(files, { outdir = '.build/node-unit', timeout = 20000 } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  if (files.length === 0) return { passed: 0, failed: 0 };
  await build({
    entryPoints: files,
    outdir,
    outbase: '.',
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
    outExtension: { '.js': '.mjs' },
    loader: { '.md': 'text' },
    logLevel: 'warning',
    // As in build.mjs: vega-interpreter's package entry is UMD marked as a module.
    alias: { 'vega-interpreter': './node_modules/vega-interpreter/build/vega-interpreter.module.js' },
  });
  const mocha = new Mocha({ timeout, reporter: 'spec' });
  for (const f of files) mocha.addFile(path.resolve(outdir, f.replace(/\.ts$/, '.mjs')));
  await mocha.loadFilesAsync();
  return await new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --e2e runs test/e2e with a longer timeout; --summary F writes the counts as JSON to F.
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const summary = flag('--summary');
  const e2e = args.includes('--e2e');
  const rest = args.filter((a) => a !== '--e2e');
  const files = rest.length ? rest : testFilesUnder(e2e ? 'test/e2e' : 'src');
  const { passed, failed } = await runNodeUnit(files, e2e ? { outdir: '.build/e2e', timeout: 90000 } : {});
  if (summary) mkdirSync(path.dirname(summary), { recursive: true });
  if (summary) writeFileSync(summary, JSON.stringify({ passed, failed }));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
