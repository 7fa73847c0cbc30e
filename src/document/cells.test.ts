import { expect } from 'chai';
import { changeCellType, makeCodeCell, makeMarkdownCell, makeNotebook } from './cells';
import { newId } from './ids';
import type { CodeCell } from './types';

describe('newId', () => {
  it('is nbformat-valid and 12 characters long', () => {
    for (let i = 0; i < 200; i++) expect(newId()).to.match(/^[a-zA-Z0-9-_]{12}$/);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).to.equal(1000);
  });
});

describe('cell constructors', () => {
  it('makes an empty code cell with a fresh id', () => {
    const c = makeCodeCell();
    expect(c).to.deep.equal({ id: c.id, cell_type: 'code', source: '', metadata: {}, outputs: [], execution_count: null });
    expect(c.id).to.match(/^[a-zA-Z0-9-_]{1,64}$/);
    expect(makeCodeCell().id).to.not.equal(c.id);
  });

  it('honours source and id', () => {
    expect(makeMarkdownCell('# Hi', 'm1')).to.deep.equal({ id: 'm1', cell_type: 'markdown', source: '# Hi', metadata: {} });
    expect(makeCodeCell('1+1', 'c1').source).to.equal('1+1');
  });

  it('makes a notebook that does not alias the caller array', () => {
    const cells = [makeCodeCell('a', 'a')];
    const nb = makeNotebook('T', cells, { kernel: 'ts' }, 'nb1');
    cells.push(makeCodeCell('b', 'b'));
    expect(nb).to.deep.include({ id: 'nb1', title: 'T', metadata: { kernel: 'ts' } });
    expect(nb.cells.map((c) => c.id)).to.deep.equal(['a']);
    expect(makeNotebook('x', []).metadata).to.deep.equal({});
  });
});

describe('changeCellType', () => {
  const code: CodeCell = {
    id: 'c',
    cell_type: 'code',
    source: 'print(1)',
    metadata: { tags: ['x'] },
    outputs: [{ output_type: 'stream', name: 'stdout', text: '1\n' }],
    execution_count: 3,
  };

  it('code -> markdown drops outputs and execution_count, keeps the rest', () => {
    expect(changeCellType(code, 'markdown')).to.deep.equal({
      id: 'c',
      cell_type: 'markdown',
      source: 'print(1)',
      metadata: { tags: ['x'] },
    });
  });

  it('markdown -> code starts with no outputs', () => {
    expect(changeCellType(makeMarkdownCell('text', 'm'), 'code')).to.deep.equal({
      id: 'm',
      cell_type: 'code',
      source: 'text',
      metadata: {},
      outputs: [],
      execution_count: null,
    });
  });

  it('returns the same object for the same type', () => {
    expect(changeCellType(code, 'code')).to.equal(code);
  });
});
