// Rewrites notebooks/*.md in the canonical form the app writes back (src/formats/md.ts), so a
// lesson edited by hand stays byte-stable (src/lessons/catalogue.test.ts checks it).
// Usage: npm run format:lessons   (prints the files it changed)
import { build } from 'esbuild';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const out = path.resolve('.build/format-lessons/md.mjs');
await build({ entryPoints: ['src/formats/md.ts'], outfile: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
const { fromMarkdown, toMarkdown } = await import(pathToFileURL(out).href);
for (const file of readdirSync('notebooks').filter((f) => f.endsWith('.md')).sort()) {
  const at = path.join('notebooks', file);
  const text = readFileSync(at, 'utf8');
  const canonical = toMarkdown(fromMarkdown(text, { fileName: file }));
  if (canonical !== text) {
    writeFileSync(at, canonical);
    console.log(`formatted ${at}`);
  }
}
