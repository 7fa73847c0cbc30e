// Builds the app into dist/: the page (main.js + main.css), the kernel worker, Monaco (its own
// lazily loaded entry, so a notebook is readable before the editor arrives), Monaco's workers,
// esbuild.wasm and the static files.
import { build } from 'esbuild';
import { writeTypes } from './build-types.mjs';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const outdir = process.env.NABLA_DIST ?? 'dist';
const minify = process.env.NABLA_MINIFY !== '0';

/** esbuild options shared by every browser bundle (the app's, and the test suite's workers). */
export const APP_BUILD_OPTIONS = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify,
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.md': 'text' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // vega-interpreter's package entry is a UMD file marked "type": "module", which esbuild sees as
  // exporting nothing; its ES module build is the same code.
  alias: { 'vega-interpreter': './node_modules/vega-interpreter/build/vega-interpreter.module.js' },
};

export async function buildApp() {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    ...APP_BUILD_OPTIONS,
    entryPoints: {
      main: 'src/main.ts',
      kernel: 'src/kernel/worker.ts',
      // dl.search.parallelSearch's pool worker, started from the kernel (nested workers).
      'search-worker': 'src/dl/search/pool-worker.ts',
      monaco: 'src/ui/monaco-editor.ts',
      vega: 'src/ui/vega-entry.ts',
      'editor.worker': 'monaco-editor/editor/editor.worker',
      // Monaco's TypeScript worker, reading each cell with its notebook context (src/ui/ts).
      'ts.worker': 'src/ui/ts/ts-worker.ts',
    },
    outdir,
  });
  cpSync('static', outdir, { recursive: true });
  writeTypes(outdir);
  cpSync('node_modules/esbuild-wasm/esbuild.wasm', `${outdir}/esbuild.wasm`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  await buildApp();
  console.log(`built ${outdir}/ in ${Math.round(performance.now() - t0)} ms`);
}
