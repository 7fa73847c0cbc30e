// DESIGN.md's rule 1, enforced from the import graph: imports flow one way, the page and the
// kernel share only kernel/protocol.ts, and only storage/ touches IndexedDB.
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

interface Import {
  readonly from: string; // file, relative to src/
  readonly to: string; // resolved folder/file relative to src/, or the package name
  readonly typeOnly: boolean;
}

const SRC = 'src';
const files = readdirSync(SRC, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('test-util'));

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
    const spec = m[3]!;
    const to = spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)) : spec;
    out.push({ from: file, to, typeOnly: !!m[2] });
  }
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
    const spec = m[1]!;
    out.push({ from: file, to: spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)) : spec, typeOnly: false });
  }
  return out;
}

const all = files.flatMap(importsOf);
const folder = (p: string) => p.split(path.sep)[0]!;
const local = (i: Import) => !i.to.startsWith('@') && files.some((f) => f.replace(/\.ts$/, '') === i.to || f.startsWith(i.to + path.sep));
const violations = (pred: (i: Import) => boolean) => all.filter(pred).map((i) => `${i.from} -> ${i.to}`);

describe('architecture (import graph)', () => {
  it('finds the imports it checks', () => {
    expect(files.length).to.be.greaterThan(20);
    expect(all.some((i) => i.from.startsWith('ui') && i.to.startsWith('session'))).to.equal(true);
  });

  it('document/ imports nothing outside itself', () => {
    expect(violations((i) => folder(i.from) === 'document' && local(i) && folder(i.to) !== 'document')).to.deep.equal([]);
  });

  it('formats/ and storage/ depend only on document/', () => {
    expect(violations((i) => ['formats', 'storage'].includes(folder(i.from)) && local(i) && !['document', folder(i.from)].includes(folder(i.to)))).to.deep.equal([]);
  });

  it('the kernel reaches only tensor, dl, plot and document types', () => {
    const ok = new Set(['kernel', 'tensor', 'dl', 'plot']);
    expect(violations((i) => folder(i.from) === 'kernel' && local(i) && !ok.has(folder(i.to)) && !(folder(i.to) === 'document' && i.typeOnly))).to.deep.equal([]);
  });

  it('the page imports from the kernel only its protocol', () => {
    expect(violations((i) => folder(i.from) !== 'kernel' && local(i) && folder(i.to) === 'kernel' && i.to !== path.join('kernel', 'protocol'))).to.deep.equal([]);
  });

  it('session/ never imports ui/, and nothing but main.ts imports across ui and storage at run time', () => {
    expect(violations((i) => folder(i.from) === 'session' && local(i) && folder(i.to) === 'ui')).to.deep.equal([]);
    expect(violations((i) => folder(i.from) === 'ui' && local(i) && folder(i.to) === 'storage' && !i.typeOnly)).to.deep.equal([]);
  });

  it('only storage/ imports idb-keyval', () => {
    expect(violations((i) => i.to === 'idb-keyval' && folder(i.from) !== 'storage')).to.deep.equal([]);
  });
});
