// Jupyter's own validator (Python nbformat) on Nabla's exports: the JSON schema is the contract
// JupyterLab, nbconvert and GitHub's renderer read files by. CI installs Debian's
// python3-nbformat (.ci/run); elsewhere the suite is skipped when no python has nbformat.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeNotebook, type Notebook } from '../document';
import { fromIpynb, toIpynb } from './ipynb';
import { richNotebook } from './ipynb-test-util';

const CORPUS = path.join('src', 'formats', 'fixtures', 'nbformat-tests');

const VALIDATE = [
  'import nbformat, sys',
  'nb = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)',
  'nbformat.validate(nb)',
].join('\n');

function pythonWithNbformat(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(python, ['-c', 'import nbformat'], { encoding: 'utf8' });
    if (r.status === 0) return python;
  }
  return undefined;
}

const fromCorpus = (file: string): Notebook => fromIpynb(readFileSync(path.join(CORPUS, file), 'utf8'), { fileName: file }).notebook;

const EXPORTS: ReadonlyArray<readonly [string, () => Notebook]> = [
  ['rich.ipynb', richNotebook],
  ['empty.ipynb', () => makeNotebook('Empty', [])],
  ['test4.5.ipynb', () => fromCorpus('test4.5.ipynb')],
  // Files Nabla repaired or upgraded on the way in must come out valid.
  ['test3.ipynb', () => fromCorpus('test3.ipynb')],
  ['invalid.ipynb', () => fromCorpus('invalid.ipynb')],
  ['invalid_unique_cell_id.ipynb', () => fromCorpus('invalid_unique_cell_id.ipynb')],
];

describe('ipynb exports pass Python nbformat.validate', function () {
  this.timeout(60_000);
  let python: string | undefined;
  let dir = '';

  before(function () {
    python = pythonWithNbformat();
    if (!python) {
      console.log('    (skipped: no python3 with nbformat; `apt-get install python3-nbformat` to run it)');
      this.skip();
    }
    dir = mkdtempSync(path.join(tmpdir(), 'nabla-ipynb-'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, notebook] of EXPORTS) {
    it(name, () => {
      const file = path.join(dir, name);
      writeFileSync(file, toIpynb(notebook()));
      const r = spawnSync(python!, ['-c', VALIDATE, file], { encoding: 'utf8' });
      expect(r.status, `${r.stderr}${r.stdout}`).to.equal(0);
    });
  }

  it('the validator itself refuses a broken file (so a pass means something)', () => {
    const file = path.join(dir, 'broken.ipynb');
    const nb = JSON.parse(toIpynb(richNotebook())) as { cells: { id: string }[] };
    nb.cells[0]!.id = 'not valid!';
    writeFileSync(file, JSON.stringify(nb));
    const r = spawnSync(python!, ['-c', VALIDATE, file], { encoding: 'utf8' });
    expect(r.status).not.to.equal(0);
    expect(r.stderr).to.match(/ValidationError/);
  });
});
