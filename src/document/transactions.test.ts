import { expect } from 'chai';
import { makeCodeCell, makeMarkdownCell, makeNotebook } from './cells';
import type { DocState, Origin, Step } from './transactions';
import { applySteps, applyTransaction, canRedo, canUndo, createDocState, redo, undo } from './transactions';
import type { Cell, CodeCell, Notebook, Output } from './types';

const stream = (text: string): Output => ({ output_type: 'stream', name: 'stdout', text });

function fixture(): Notebook {
  const a: CodeCell = { ...makeCodeCell('A = 1', 'a'), outputs: [stream('hello\n')], execution_count: 1 };
  return makeNotebook('Intro', [a, makeMarkdownCell('# B', 'b'), makeCodeCell('C', 'c')], {}, 'nb');
}

/** Freezing makes any in-place write throw (modules are strict mode), on top of the deep-equal check. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function apply(state: DocState, origin: Origin, ...steps: Step[]): DocState {
  return applyTransaction(state, { origin, steps });
}

const ids = (s: DocState | Notebook): string[] => ('doc' in s ? s.doc : s).cells.map((c) => c.id);
const cell = (s: DocState, id: string): Cell | undefined => s.doc.cells.find((c) => c.id === id);

describe('applySteps', () => {
  it('insert clamps the index', () => {
    expect(ids(applySteps(fixture(), [{ type: 'insert', index: 1, cell: makeCodeCell('', 'x') }]))).to.deep.equal(['a', 'x', 'b', 'c']);
    expect(ids(applySteps(fixture(), [{ type: 'insert', index: 99, cell: makeCodeCell('', 'x') }]))).to.deep.equal(['a', 'b', 'c', 'x']);
    expect(ids(applySteps(fixture(), [{ type: 'insert', index: -5, cell: makeCodeCell('', 'x') }]))).to.deep.equal(['x', 'a', 'b', 'c']);
  });

  it('insert of an id already present is ignored', () => {
    const nb = fixture();
    expect(applySteps(nb, [{ type: 'insert', index: 0, cell: makeCodeCell('dup', 'b') }])).to.equal(nb);
  });

  it('delete removes the cell', () => {
    expect(ids(applySteps(fixture(), [{ type: 'delete', cellId: 'b' }]))).to.deep.equal(['a', 'c']);
  });

  it('move puts the cell at its final index, clamped', () => {
    expect(ids(applySteps(fixture(), [{ type: 'move', cellId: 'a', to: 2 }]))).to.deep.equal(['b', 'c', 'a']);
    expect(ids(applySteps(fixture(), [{ type: 'move', cellId: 'c', to: 0 }]))).to.deep.equal(['c', 'a', 'b']);
    expect(ids(applySteps(fixture(), [{ type: 'move', cellId: 'a', to: 1 }]))).to.deep.equal(['b', 'a', 'c']);
    expect(ids(applySteps(fixture(), [{ type: 'move', cellId: 'a', to: 50 }]))).to.deep.equal(['b', 'c', 'a']);
  });

  it('setSource, setTitle and setCellMetadata replace values', () => {
    const nb = applySteps(fixture(), [
      { type: 'setSource', cellId: 'b', source: '# New' },
      { type: 'setTitle', title: 'Renamed' },
      { type: 'setCellMetadata', cellId: 'c', metadata: { collapsed: true } },
    ]);
    expect(nb.cells[1]!.source).to.equal('# New');
    expect(nb.title).to.equal('Renamed');
    expect(nb.cells[2]!.metadata).to.deep.equal({ collapsed: true });
  });

  it('setType converts the cell', () => {
    const nb = applySteps(fixture(), [{ type: 'setType', cellId: 'a', cellType: 'markdown' }]);
    expect(nb.cells[0]).to.deep.equal({ id: 'a', cell_type: 'markdown', source: 'A = 1', metadata: {} });
  });

  it('appendOutput merges streams; setExecutionCount sets the count', () => {
    const nb = applySteps(fixture(), [
      { type: 'appendOutput', cellId: 'a', output: stream('world\n') },
      { type: 'setExecutionCount', cellId: 'a', count: 7 },
    ]);
    expect(nb.cells[0]).to.deep.include({ outputs: [stream('hello\nworld\n')], execution_count: 7 });
  });

  it('clearOutputs clears one cell or all code cells, resetting counts', () => {
    const base = applySteps(fixture(), [
      { type: 'appendOutput', cellId: 'c', output: stream('c out') },
      { type: 'setExecutionCount', cellId: 'c', count: 2 },
    ]);
    const one = applySteps(base, [{ type: 'clearOutputs', cellId: 'c' }]);
    expect(one.cells[0]).to.deep.include({ outputs: [stream('hello\n')], execution_count: 1 });
    expect(one.cells[2]).to.deep.include({ outputs: [], execution_count: null });
    const all = applySteps(base, [{ type: 'clearOutputs' }]);
    for (const i of [0, 2]) expect(all.cells[i]).to.deep.include({ outputs: [], execution_count: null });
    expect(all.cells[1]).to.equal(base.cells[1]);
  });

  it('updateDisplay reaches displays in any cell', () => {
    const disp = (text: string): Output => ({ output_type: 'display_data', data: { 'text/plain': text }, metadata: {}, display_id: 'p' });
    const nb = applySteps(fixture(), [
      { type: 'appendOutput', cellId: 'a', output: disp('0%') },
      { type: 'appendOutput', cellId: 'c', output: disp('0%') },
      { type: 'updateDisplay', displayId: 'p', data: { 'text/plain': '100%' }, metadata: {} },
    ]);
    expect((nb.cells[0] as CodeCell).outputs[1]).to.deep.equal(disp('100%'));
    expect((nb.cells[2] as CodeCell).outputs[0]).to.deep.equal(disp('100%'));
  });

  it('replaceNotebook swaps the whole document', () => {
    const other = makeNotebook('Other', [], {}, 'nb2');
    expect(applySteps(fixture(), [{ type: 'replaceNotebook', notebook: other }])).to.equal(other);
  });

  it('ignores steps for missing cells and kernel output for markdown cells', () => {
    const nb = fixture();
    const steps: Step[] = [
      { type: 'delete', cellId: 'gone' },
      { type: 'move', cellId: 'gone', to: 0 },
      { type: 'setSource', cellId: 'gone', source: 'x' },
      { type: 'setType', cellId: 'gone', cellType: 'code' },
      { type: 'clearOutputs', cellId: 'gone' },
      { type: 'appendOutput', cellId: 'gone', output: stream('x') },
      { type: 'appendOutput', cellId: 'b', output: stream('x') },
      { type: 'setExecutionCount', cellId: 'gone', count: 1 },
      { type: 'setExecutionCount', cellId: 'b', count: 1 },
      { type: 'setCellMetadata', cellId: 'gone', metadata: {} },
      { type: 'updateDisplay', displayId: 'none', data: {}, metadata: {} },
    ];
    expect(applySteps(nb, steps)).to.equal(nb);
  });
});

describe('applyTransaction', () => {
  it('leaves the previous state and its arrays untouched', () => {
    const before = deepFreeze(createDocState(fixture()));
    const snapshot = structuredClone(before);
    let s = apply(before, 'user', { type: 'insert', index: 1, cell: makeCodeCell('x', 'x') }, { type: 'delete', cellId: 'b' });
    s = apply(s, 'kernel', { type: 'appendOutput', cellId: 'a', output: stream('more') }, { type: 'clearOutputs' });
    s = apply(s, 'user', { type: 'move', cellId: 'a', to: 2 }, { type: 'setType', cellId: 'x', cellType: 'markdown' });
    s = apply(s, 'user', { type: 'setSource', cellId: 'c', source: 'changed' }, { type: 'setTitle', title: 'T2' });
    s = undo(redo(undo(s)));
    expect(before).to.deep.equal(snapshot);
    expect(s.doc).to.not.deep.equal(snapshot.doc);
  });

  it('bumps version only when the document changed', () => {
    const s0 = createDocState(fixture());
    const s1 = apply(s0, 'user', { type: 'setSource', cellId: 'a', source: 'B = 2' });
    expect(s1.version).to.equal(1);
    const s2 = apply(s1, 'kernel', { type: 'appendOutput', cellId: 'gone', output: stream('x') });
    expect(s2).to.equal(s1);
  });

  it('load and replaceNotebook reset history', () => {
    let s = apply(createDocState(fixture()), 'user', { type: 'delete', cellId: 'a' });
    expect(canUndo(s)).to.equal(true);
    const reloaded = apply(s, 'load', { type: 'replaceNotebook', notebook: fixture() });
    expect(canUndo(reloaded)).to.equal(false);
    s = apply(undo(s), 'user', { type: 'replaceNotebook', notebook: fixture() });
    expect([canUndo(s), canRedo(s)]).to.deep.equal([false, false]);
  });
});

describe('undo/redo', () => {
  const start = (): DocState => createDocState(fixture());

  it('undoes and redoes an insert', () => {
    const s0 = start();
    const s1 = apply(s0, 'user', { type: 'insert', index: 1, cell: makeCodeCell('new', 'x') });
    const u = undo(s1);
    expect(u.doc).to.deep.equal(s0.doc);
    expect(u.version).to.equal(s1.version + 1);
    const r = redo(u);
    expect(ids(r)).to.deep.equal(['a', 'x', 'b', 'c']);
    expect(cell(r, 'x')!.source).to.equal('new');
  });

  it('undoing a delete restores source and outputs at the same index', () => {
    const s0 = start();
    const s1 = apply(s0, 'user', { type: 'delete', cellId: 'a' });
    expect(ids(s1)).to.deep.equal(['b', 'c']);
    const u = undo(s1);
    expect(u.doc).to.deep.equal(s0.doc);
    expect(cell(u, 'a')).to.deep.include({ source: 'A = 1', outputs: [stream('hello\n')], execution_count: 1 });
    expect(ids(redo(u))).to.deep.equal(['b', 'c']);
  });

  it('restores a deleted cell as it was when deleted, not when created', () => {
    let s = apply(start(), 'user', { type: 'setSource', cellId: 'c', source: 'edited' });
    s = apply(s, 'kernel', { type: 'appendOutput', cellId: 'c', output: stream('late') });
    s = apply(s, 'user', { type: 'delete', cellId: 'c' });
    expect(cell(undo(s), 'c')).to.deep.include({ source: 'edited', outputs: [stream('late')] });
  });

  it('undoes a move', () => {
    const s1 = apply(start(), 'user', { type: 'move', cellId: 'a', to: 2 });
    expect(ids(s1)).to.deep.equal(['b', 'c', 'a']);
    expect(ids(undo(s1))).to.deep.equal(['a', 'b', 'c']);
    expect(ids(redo(undo(s1)))).to.deep.equal(['b', 'c', 'a']);
  });

  it('undoes setType, bringing back outputs but keeping later source edits', () => {
    const s0 = start();
    let s = apply(s0, 'user', { type: 'setType', cellId: 'a', cellType: 'markdown' });
    expect(cell(s, 'a')!.cell_type).to.equal('markdown');
    s = apply(s, 'user', { type: 'setSource', cellId: 'a', source: 'typed after' });
    s = undo(s);
    expect(cell(s, 'a')).to.deep.equal({ ...s0.doc.cells[0], source: 'typed after' });
    s = redo(s);
    expect(cell(s, 'a')).to.deep.equal({ id: 'a', cell_type: 'markdown', source: 'typed after', metadata: {} });
    expect(cell(undo(s), 'a')).to.deep.include({ cell_type: 'code', outputs: [stream('hello\n')] });
  });

  it('undoes a multi-step transaction as one unit', () => {
    const s0 = start();
    const s1 = apply(
      s0,
      'user',
      { type: 'insert', index: 0, cell: makeCodeCell('x', 'x') },
      { type: 'move', cellId: 'c', to: 0 },
      { type: 'delete', cellId: 'b' },
      { type: 'setType', cellId: 'a', cellType: 'markdown' },
    );
    expect(ids(s1)).to.deep.equal(['c', 'x', 'a']);
    expect(s1.undo).to.have.length(1);
    const u = undo(s1);
    expect(u.doc).to.deep.equal(s0.doc);
    expect(canUndo(u)).to.equal(false);
    expect(redo(u).doc).to.deep.equal(s1.doc);
  });

  it('walks several entries back and forth in order', () => {
    let s = start();
    s = apply(s, 'user', { type: 'delete', cellId: 'a' });
    s = apply(s, 'user', { type: 'delete', cellId: 'b' });
    expect(ids(undo(s))).to.deep.equal(['b', 'c']);
    expect(ids(undo(undo(s)))).to.deep.equal(['a', 'b', 'c']);
    expect(ids(redo(undo(undo(s))))).to.deep.equal(['b', 'c']);
    expect(ids(redo(redo(undo(undo(s)))))).to.deep.equal(['c']);
  });

  it('a new structural user operation clears redo', () => {
    let s = undo(apply(start(), 'user', { type: 'delete', cellId: 'a' }));
    expect(canRedo(s)).to.equal(true);
    s = apply(s, 'user', { type: 'move', cellId: 'c', to: 0 });
    expect(canRedo(s)).to.equal(false);
    expect(redo(s)).to.equal(s);
  });

  it('does not record source, outputs, counts, metadata or title', () => {
    let s = start();
    s = apply(s, 'user', { type: 'setSource', cellId: 'a', source: 'x' }, { type: 'setTitle', title: 'T' });
    s = apply(s, 'user', { type: 'setCellMetadata', cellId: 'a', metadata: { k: 1 } }, { type: 'clearOutputs' });
    s = apply(s, 'kernel', { type: 'appendOutput', cellId: 'a', output: stream('o') });
    expect(canUndo(s)).to.equal(false);
    expect(undo(s)).to.equal(s);
  });

  it('records nothing for kernel transactions or structural no-ops', () => {
    let s = apply(start(), 'kernel', { type: 'insert', index: 0, cell: makeCodeCell('', 'k') });
    s = apply(s, 'user', { type: 'delete', cellId: 'gone' }, { type: 'move', cellId: 'a', to: 1 });
    expect(canUndo(s)).to.equal(false);
  });

  it('undo after a kernel write keeps that write on the surviving cells', () => {
    let s = apply(start(), 'user', { type: 'insert', index: 3, cell: makeCodeCell('', 'x') });
    s = apply(s, 'kernel', { type: 'appendOutput', cellId: 'c', output: stream('c!') });
    s = undo(s);
    expect(ids(s)).to.deep.equal(['a', 'b', 'c']);
    expect((cell(s, 'c') as CodeCell).outputs).to.deep.equal([stream('c!')]);
  });
});
