// jupyter/nbformat's own test notebooks (fixtures/nbformat-tests, BSD licence there): each one
// either opens with every cell and output, or is refused with a message a learner can act on.
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Cell } from '../document';
import { FormatError, fromIpynb, toIpynb } from './ipynb';

const DIR = path.join('src', 'formats', 'fixtures', 'nbformat-tests');

type Expectation =
  | { readonly opens: true; readonly warnings?: readonly RegExp[] }
  | { readonly refused: string; readonly why: string };

// What a demanding Jupyter user would expect of each file. Jupyter itself opens invalid
// notebooks and logs the schema errors, so Nabla repairs what it can and says what it did.
const EXPECTED: Readonly<Record<string, Expectation>> = {
  'invalid.ipynb': {
    opens: true,
    warnings: [/^cells\[0\] has no source; it was read as empty$/, /^cells\[2\] is a "heading" cell.*markdown heading$/, /^cells\[3\]\.outputs\[0\] is an output of type "bad stream"/],
  },
  'invalid_cell_id.ipynb': { opens: true, warnings: [/^cells\[0\] has the id "\$illegal_chars", which is not 1 to 64 letters.*new one$/] },
  'invalid_unique_cell_id.ipynb': { opens: true, warnings: [/^cells\[1\] repeats the id "dup" of an earlier cell; it got a new one$/] },
  'many_tracebacks.ipynb': { opens: true },
  'no_min_version.ipynb': { opens: true },
  'test2.ipynb': {
    refused: 'This is nbformat 2.0; Nabla reads notebooks of versions 3 and 4. Open and save it in Jupyter, which upgrades it to version 4',
    why: 'nbformat 2 (IPython 0.12, 2011) is not worth a third reader; Jupyter upgrades it in one save',
  },
  'test3.ipynb': { opens: true },
  'test3_no_metadata.ipynb': { opens: true },
  'test3_no_min_version.ipynb': { opens: true },
  'test3_no_worksheets.ipynb': { opens: true },
  'test3_worksheet_with_no_cells.ipynb': { opens: true },
  'test4.5.ipynb': { opens: true },
  'test4.ipynb': { opens: true },
  'test4custom.ipynb': { opens: true },
  'test4docinfo.ipynb': { opens: true },
  'test4jupyter_metadata.ipynb': { opens: true },
  'test4jupyter_metadata_timings.ipynb': { opens: true },
  'test4plus.ipynb': {
    refused:
      'cells[9] has cell_type "future cell", which Nabla does not know: it reads code, markdown and raw cells (this file is nbformat 4.99, newer than the 4.5 Nabla knows)',
    why: 'a cell Nabla cannot show or save back would be lost silently; the message says the file is from a newer nbformat',
  },
  'v4_5_invalid_metadata.ipynb': {
    opens: true,
    warnings: [/^metadata\.kernelspec is a piece of text, not an object/],
  },
  'v4_5_no_cell_id.ipynb': { opens: true, warnings: [/^cells\[0\] has no id; it got a new one$/] },
};

/** The cells as the JSON holds them (v3 keeps them in worksheets). */
function rawCells(json: Record<string, unknown>): Record<string, unknown>[] {
  if (Array.isArray(json.cells)) return json.cells as Record<string, unknown>[];
  const worksheets = (json.worksheets ?? []) as { cells?: Record<string, unknown>[] }[];
  return worksheets.flatMap((ws) => ws.cells ?? []);
}

const outputCount = (c: { outputs?: unknown }): number => (Array.isArray(c.outputs) ? c.outputs.length : 0);
const modelOutputs = (c: Cell): number => (c.cell_type === 'code' ? c.outputs.length : 0);

describe('ipynb: the nbformat reference corpus', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ipynb')).sort();

  it('has an expectation for every file', () => {
    expect(files).to.have.length.greaterThan(15);
    expect(files).to.deep.equal(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    const expected = EXPECTED[file];
    if (!expected) continue;
    const text = readFileSync(path.join(DIR, file), 'utf8');

    if ('refused' in expected) {
      it(`refuses ${file}: ${expected.why}`, () => {
        expect(() => fromIpynb(text, { fileName: file }))
          .to.throw(FormatError)
          .with.property('message', expected.refused);
      });
      continue;
    }

    it(`opens ${file} with every cell and output`, () => {
      const { notebook, warnings } = fromIpynb(text, { fileName: file });
      const cells = rawCells(JSON.parse(text) as Record<string, unknown>);
      expect(notebook.cells.map((c) => c.cell_type)).to.have.length(cells.length);
      expect(notebook.cells.map(modelOutputs)).to.deep.equal(cells.map(outputCount));
      expect(new Set(notebook.cells.map((c) => c.id)).size).to.equal(cells.length);
      const patterns = expected.warnings ?? [];
      expect(warnings, warnings.join('\n')).to.have.length(patterns.length);
      patterns.forEach((p, i) => expect(warnings[i]).to.match(p));
    });

    it(`saves ${file} back so that it reads the same`, () => {
      const { notebook, warnings } = fromIpynb(text, { fileName: file });
      const saved = toIpynb(notebook);
      const again = fromIpynb(saved);
      // Cells come back repaired; odd notebook metadata is kept as it was, and so warned again.
      expect(again.warnings).to.deep.equal(warnings.filter((w) => w.startsWith('metadata.')));
      expect(again.notebook.cells).to.deep.equal(notebook.cells);
      expect(toIpynb(again.notebook)).to.equal(saved);
    });
  }

  it('keeps what test4.5.ipynb holds: ids, Python kernel, rich outputs', () => {
    const { notebook } = fromIpynb(readFileSync(path.join(DIR, 'test4.5.ipynb'), 'utf8'));
    expect(notebook.cells.map((c) => c.id)).to.deep.equal(['2fcdfa53', '0bc81532', 'bb687f78', '38f37a24', 'a1f70963', '8206b3b9', '88d8965b', '34334c4f', '8b414a68']);
    expect(notebook.metadata.kernelspec).to.deep.include({ name: 'python3', language: 'python' });
    const cell = notebook.cells[5]!;
    expect(cell.cell_type === 'code' && cell.outputs[0]).to.deep.include({ output_type: 'execute_result', execution_count: 3 });
    expect(toIpynb(notebook)).to.include('"name": "python3"').and.not.include('"nabla"');
  });

  it('reads test3.ipynb like nbformat upgrades it: headings, pyout, images', () => {
    const { notebook } = fromIpynb(readFileSync(path.join(DIR, 'test3.ipynb'), 'utf8'), { fileName: 'test3.ipynb' });
    expect(notebook.title).to.equal('test3');
    expect(notebook.metadata.language_info).to.deep.equal({ name: 'python' });
    expect(notebook.cells[0]).to.include({ cell_type: 'markdown', source: '# nbconvert latex test' });
    const image = notebook.cells[8]!;
    const data = image.cell_type === 'code' && image.outputs[0]?.output_type === 'execute_result' ? image.outputs[0].data : {};
    expect(data['image/png']).to.be.a('string').and.match(/^iVBORw0KGgo/);
    expect(data['text/plain']).to.equal('<IPython.core.display.Image at 0x111275490>');
  });
});
