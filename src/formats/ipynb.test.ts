import { expect } from 'chai';
import { UNTRUSTED, makeCodeCell, makeMarkdownCell, makeNotebook, type Cell, type CodeCell, type Notebook, type Output } from '../document';
import { FormatError, fromIpynb, toIpynb } from './ipynb';
import { VEGA_LITE, richNotebook } from './ipynb-test-util';

// any: these tests read back JSON of a shape they just wrote; typing every level adds nothing.
type Json = Record<string, any>;

const parse = (text: string): Json => JSON.parse(text) as Json;
const codeOutputs = (cell: Cell): readonly Output[] => (cell.cell_type === 'code' ? cell.outputs : []);

/** The notebook as the file keeps it: no display ids, no trust marks. */
function asSaved(nb: Notebook): Cell[] {
  return nb.cells.map((c) => {
    if (c.cell_type !== 'code') return c;
    const outputs = c.outputs.map((o) => {
      if (o.output_type !== 'display_data' && o.output_type !== 'execute_result') return o;
      const { [UNTRUSTED]: _t, ...metadata } = o.metadata;
      if (o.output_type === 'execute_result') return { ...o, metadata };
      return { output_type: o.output_type, data: o.data, metadata };
    });
    return { ...c, outputs };
  });
}

function refusal(text: string): string {
  try {
    fromIpynb(text);
  } catch (e) {
    expect(e).to.be.instanceOf(FormatError);
    expect((e as Error).name).to.equal('FormatError');
    return (e as Error).message;
  }
  throw new Error('expected a FormatError');
}

describe('ipynb round trip', () => {
  it('toIpynb -> fromIpynb -> toIpynb gives the same string', () => {
    const first = toIpynb(richNotebook());
    const { notebook, warnings } = fromIpynb(first);
    expect(warnings).to.deep.equal([]);
    expect(toIpynb(notebook)).to.equal(first);
  });

  it('brings back every cell, output and metadata, display ids and trust aside', () => {
    const nb = richNotebook();
    const back = fromIpynb(toIpynb(nb)).notebook;
    expect(back.title).to.equal(nb.title);
    expect(asSaved(back)).to.deep.equal(asSaved(nb));
    expect(back.metadata).to.deep.include(nb.metadata);
  });

  it('marks every imported display and result untrusted, and never writes the mark', () => {
    const text = toIpynb(richNotebook());
    expect(text).not.to.include(UNTRUSTED);
    expect(text).not.to.include('display_id');
    const rich = fromIpynb(text).notebook.cells.flatMap(codeOutputs).filter((o) => 'data' in o);
    expect(rich).to.have.length(2);
    for (const o of rich) expect('metadata' in o && o.metadata[UNTRUSTED]).to.equal(true);
  });

  it('gives each import a fresh notebook id', () => {
    const text = toIpynb(richNotebook());
    expect(fromIpynb(text).notebook.id).not.to.equal(fromIpynb(text).notebook.id);
  });
});

describe('toIpynb', () => {
  const file = parse(toIpynb(richNotebook()));

  it('writes nbformat 4.5 like Jupyter: one-space indent, sorted keys, trailing newline', () => {
    const text = toIpynb(richNotebook());
    expect(text.startsWith('{\n "cells": [\n  {\n   "attachments"')).to.equal(true);
    expect(text.endsWith('\n}\n')).to.equal(true);
    expect(Object.keys(file)).to.deep.equal(['cells', 'metadata', 'nbformat', 'nbformat_minor']);
    expect([file.nbformat, file.nbformat_minor]).to.deep.equal([4, 5]);
    expect(Object.keys(file.cells[2])).to.deep.equal(['cell_type', 'execution_count', 'id', 'metadata', 'outputs', 'source']);
  });

  it('writes sources and stream texts as lines that keep their "\\n"', () => {
    expect(file.cells[0].source).to.deep.equal(['# Every output\n', '\n', 'A picture: ![dot](attachment:dot.png)\n']);
    expect(file.cells[1].source).to.deep.equal(['.. note:: raw\n', '   text']);
    expect(file.cells[4].source).to.deep.equal([]);
    expect(file.cells[2].outputs[0]).to.deep.equal({ name: 'stdout', output_type: 'stream', text: ['epoch 1\n', 'epoch 2\n'] });
  });

  it('splits text payloads into lines, keeps JSON as JSON and base64 as one string', () => {
    const [, , chart, result] = file.cells[2].outputs;
    expect(chart).to.deep.equal({
      output_type: 'display_data',
      data: { 'application/vnd.vegalite.v5+json': VEGA_LITE, 'text/plain': ['<VegaLite 5 object>\n', '\n', 'line chart'] },
      metadata: { custom: { width: 400 } },
    });
    expect(result.data['application/json']).to.deep.equal({ shape: [2], values: [1, 2] });
    expect(result.data['image/svg+xml']).to.deep.equal(['<svg xmlns="http://www.w3.org/2000/svg">\n', '<circle r="1"/>\n', '</svg>']);
    expect(result.metadata).to.deep.equal({ unknown: { nested: 'kept' } });
    expect(result.execution_count).to.equal(3);
    expect(file.cells[0].attachments['dot.png']['image/png']).to.be.a('string');
    expect(file.cells[0].attachments['dot.png']['text/plain']).to.deep.equal(['a dot\n', 'of one pixel']);
  });

  it('writes errors with their traceback', () => {
    expect(file.cells[3].outputs[0]).to.deep.equal({
      output_type: 'error',
      ename: 'LinAlgError',
      evalue: 'Singular matrix',
      traceback: ['\u001b[0;31mLinAlgError\u001b[0m: Singular matrix', '    at inv (cell 4, line 1)\n    at <cell>'],
    });
  });

  it('names Nabla as the kernel only when the notebook names none, and writes the title', () => {
    expect(file.metadata.kernelspec).to.deep.equal({ name: 'nabla', display_name: 'TypeScript (Nabla)', language: 'typescript' });
    expect(file.metadata.language_info).to.include({ name: 'typescript', file_extension: '.ts' });
    expect(file.metadata.title).to.equal('Every output — ∇ round trip');
    expect(file.metadata.nabla).to.deep.equal({ lesson: '01-setup' });
    const python = { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } };
    expect(parse(toIpynb(makeNotebook('Py', [], python))).metadata).to.deep.equal({ ...python, title: 'Py' });
    const onlyInfo = { language_info: { name: 'python' } };
    expect(parse(toIpynb(makeNotebook('Py', [], onlyInfo))).metadata).to.deep.equal({ ...onlyInfo, title: 'Py' });
  });

  it('replaces ids nbformat would refuse, and repeated ones, with fresh valid ids', () => {
    const cells = [makeCodeCell('1', 'ok'), makeCodeCell('2', 'ok'), makeMarkdownCell('x', 'has space'), makeCodeCell('3', 'x'.repeat(65))];
    const ids = parse(toIpynb(makeNotebook('Ids', cells))).cells.map((c: Json) => c.id as string);
    expect(ids[0]).to.equal('ok');
    expect(new Set(ids).size).to.equal(4);
    for (const id of ids) expect(id).to.match(/^[a-zA-Z0-9-_]{1,64}$/);
  });
});

describe('fromIpynb (nbformat 4)', () => {
  const v4 = (cells: unknown[], extra: Json = {}): string => JSON.stringify({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells, ...extra });

  it('keeps valid ids, and gives cells of files before 4.5 new ones without a warning', () => {
    const cells = [{ cell_type: 'markdown', metadata: {}, source: 'a' }, { cell_type: 'raw', id: 'kept', metadata: {}, source: 'b' }];
    const { notebook, warnings } = fromIpynb(v4(cells));
    expect(warnings).to.deep.equal([]);
    expect(notebook.cells[0]!.id).to.match(/^[a-zA-Z0-9-_]{12}$/);
    expect(notebook.cells[1]!.id).to.equal('kept');
  });

  it('titles the notebook from metadata.title, else the file name, else the first heading', () => {
    const cells = [{ cell_type: 'markdown', metadata: {}, source: ['Intro\n', '# Gradient checking ##\n'] }];
    expect(fromIpynb(v4(cells, { metadata: { title: 'Meta' } }), { fileName: 'x.ipynb' }).notebook.title).to.equal('Meta');
    expect(fromIpynb(v4(cells), { fileName: 'dir/03 Adam.v2.ipynb' }).notebook.title).to.equal('03 Adam.v2');
    expect(fromIpynb(v4(cells)).notebook.title).to.equal('Gradient checking');
    expect(fromIpynb(v4([])).notebook.title).to.equal('Untitled');
    // The title moves into Notebook.title; export writes it back.
    expect(fromIpynb(v4(cells, { metadata: { title: 'Meta', k: 1 } })).notebook.metadata).to.deep.equal({ k: 1 });
  });

  it('replaces an output of an unknown type by a note, and warns', () => {
    const cell = { cell_type: 'code', metadata: {}, source: '', execution_count: 1, outputs: [{ output_type: 'widget', x: 1 }] };
    const { notebook, warnings } = fromIpynb(v4([cell]));
    expect((notebook.cells[0] as CodeCell).outputs).to.deep.equal([
      { output_type: 'stream', name: 'stderr', text: '[An output of type "widget" was left out: Nabla cannot show it.]\n' },
    ]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/cells\[0\]\.outputs\[0\].*"widget"/);
  });

  it('refuses a cell of an unknown type, and an output that is not an object, naming where', () => {
    expect(refusal(v4([{ cell_type: 'markdown', source: '' }, { cell_type: 'sql', source: '' }]))).to.match(/^cells\[1\] has cell_type "sql"/);
    const cell = { cell_type: 'code', source: '', outputs: [{ output_type: 'stream', name: 'stdout', text: '' }, 'oops'] };
    expect(refusal(v4([cell]))).to.equal('cells[0].outputs[1] is a piece of text, not an output');
  });
});

describe('fromIpynb (nbformat 3)', () => {
  const v3 = {
    nbformat: 3,
    nbformat_minor: 0,
    metadata: { name: 'Old lesson', signature: 'sha256:abc' },
    worksheets: [
      {
        cells: [
          { cell_type: 'heading', level: 2, metadata: {}, source: ['Part ', 'one'] },
          {
            cell_type: 'code',
            collapsed: true,
            input: ['x = 1\n', 'x'],
            language: 'python',
            metadata: {},
            prompt_number: 2,
            outputs: [
              { output_type: 'stream', stream: 'stderr', text: ['warn\n'] },
              { output_type: 'pyout', prompt_number: 2, metadata: {}, text: ['1'], html: ['<b>1</b>'], json: '{"a": [1]}' },
              { output_type: 'display_data', metadata: { png: { width: 3 } }, png: 'iVBOR', svg: ['<svg/>'], latex: ['$x$'], javascript: 'f()' },
              { output_type: 'pyerr', ename: 'E', evalue: 'v', traceback: ['t'] },
            ],
          },
        ],
      },
      { cells: [{ cell_type: 'markdown', metadata: {}, source: 'second worksheet' }] },
    ],
  };

  it('reads worksheets, headings, inputs and every output kind', () => {
    const { notebook, warnings } = fromIpynb(JSON.stringify(v3));
    expect(warnings).to.deep.equal([]);
    expect(notebook.title).to.equal('Old lesson');
    expect(notebook.metadata).to.deep.equal({ language_info: { name: 'python' } });
    const [heading, code, md] = notebook.cells;
    expect(heading).to.include({ cell_type: 'markdown', source: '## Part one' });
    expect(md).to.include({ cell_type: 'markdown', source: 'second worksheet' });
    expect(code).to.deep.include({ cell_type: 'code', source: 'x = 1\nx', execution_count: 2, metadata: { collapsed: true } });
    expect((code as CodeCell).outputs).to.deep.equal([
      { output_type: 'stream', name: 'stderr', text: 'warn\n' },
      { output_type: 'execute_result', execution_count: 2, data: { 'text/plain': '1', 'text/html': '<b>1</b>', 'application/json': { a: [1] } }, metadata: { [UNTRUSTED]: true } },
      {
        output_type: 'display_data',
        data: { 'image/png': 'iVBOR', 'image/svg+xml': '<svg/>', 'text/latex': '$x$', 'application/javascript': 'f()' },
        metadata: { 'image/png': { width: 3 }, [UNTRUSTED]: true },
      },
      { output_type: 'error', ename: 'E', evalue: 'v', traceback: ['t'] },
    ]);
  });
});

describe('fromIpynb refuses malformed files with a message naming the problem', () => {
  const cell = { cell_type: 'code', metadata: {}, source: '', outputs: [], execution_count: null };
  const nb = (extra: Json): string => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [], ...extra });

  it('not JSON', () => expect(refusal('{"cells": [}')).to.match(/^This file is not JSON: ./));
  it('a JSON array', () => expect(refusal('[1, 2]')).to.match(/^This file is JSON but not a notebook: it holds a list/));
  it('nbformat 5', () => expect(refusal(nb({ nbformat: 5, nbformat_minor: 0 }))).to.equal('This is nbformat 5.0; Nabla reads notebooks of versions 3 and 4'));
  it('nbformat missing', () => expect(refusal(JSON.stringify({ cells: [] }))).to.match(/does not say which nbformat version.*no "nbformat" field/));
  it('nbformat not a number', () => expect(refusal(nb({ nbformat: '4' }))).to.match(/"nbformat" is "4"; .*whole number/));
  it('cells missing', () => expect(refusal(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {} }))).to.equal('This nbformat 4 file has no "cells" list'));
  it('cells not a list', () => expect(refusal(nb({ cells: {} }))).to.equal('This file\'s "cells" is an object, not a list of cells'));
  it('a cell without cell_type', () => {
    expect(refusal(nb({ cells: [cell, cell, cell, { metadata: {}, source: 'x' }] }))).to.equal('cells[3] has no cell_type');
  });
  it('a cell that is not an object', () => expect(refusal(nb({ cells: [cell, 7] }))).to.equal('cells[1] is a number, not a cell'));

  it('a 26 MB file, before parsing it', () => {
    expect(refusal('x'.repeat(26 * 1024 * 1024))).to.equal('The file is 26 MB; Nabla opens notebooks up to 25 MB');
  });

  it('a cell of 1,048,576 characters', () => {
    const big = { ...cell, source: ['y'.repeat(1024 * 1024 - 1), '\n'] };
    expect(refusal(nb({ cells: [cell, big] }))).to.equal(
      "cells[1]'s source is 1.05 MB (1,048,576 characters); Nabla opens cells up to 1 MB (1,000,000 characters)",
    );
  });

  it('accepts a cell of exactly 1,000,000 characters', () => {
    const { notebook } = fromIpynb(nb({ cells: [{ ...cell, source: 'z'.repeat(1_000_000) }] }));
    expect(notebook.cells[0]!.source).to.have.length(1_000_000);
  });
});
