// Runs unit tests of pure modules (no DOM) in Node with mocha: bundles each *.test.ts with
// esbuild first, because Node 20 cannot load TypeScript. Usage: node scripts/node-unit.mjs [files...]
// Without arguments it runs every `*.test.ts` under src/ except `*.browser.test.ts` (those need
// a DOM and run in Chromium under web-test-runner).
import { build } from 'esbuild';
import Mocha from 'mocha';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Every Node-runnable `*.test.ts` below `dir` (Node 20 has no fs.globSync). */
export function testFilesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.test.ts') && !String(f).endsWith('.browser.test.ts'))
    .map((f) => path.join(dir, String(f)))
    .sort();
}

export async function runNodeUnit(files, outdir = '.build/node-unit') {
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
    logLevel: 'warning',
  });
  const mocha = new Mocha({ timeout: 20000, reporter: 'spec' });
  for (const f of files) mocha.addFile(path.resolve(outdir, f.replace(/\.ts$/, '.mjs')));
  await mocha.loadFilesAsync();
  return await new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const files = args.length ? args : testFilesUnder('src');
  const { passed, failed } = await runNodeUnit(files);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
