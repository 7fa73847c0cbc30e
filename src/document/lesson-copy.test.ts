import { expect } from 'chai';
import { makeCodeCell, makeMarkdownCell, makeNotebook } from './cells';
import { applySteps } from './steps';
import { fingerprint, isEdited, lessonInfo, makeLessonCopy, resetCellSteps, updateLessonCopy } from './lesson-copy';
import type { Cell, CodeCell, Notebook } from './types';

const v1 = makeNotebook('Lesson', [
  makeMarkdownCell('# Intro', 'intro'),
  makeCodeCell('const a = 1', 'a'),
  makeCodeCell('const b = 2', 'b'),
  makeCodeCell('const c = 3', 'c'),
], {}, 'original');

const edit = (nb: Notebook, id: string, source: string): Notebook => applySteps(nb, [{ type: 'setSource', cellId: id, source }]);
const ids = (nb: Notebook) => nb.cells.map((c) => c.id);
const output = { output_type: 'stream', name: 'stdout', text: '1\n' } as const;

describe('lesson copies', () => {
  it('copies under a fixed id with the lesson, version and a fingerprint per cell', () => {
    const copy = makeLessonCopy(v1, 'intro-lesson', 3);
    expect(copy.id).to.equal('lesson-intro-lesson');
    expect(copy.cells).to.deep.equal(v1.cells);
    const info = lessonInfo(copy)!;
    expect([info.slug, info.version]).to.deep.equal(['intro-lesson', 3]);
    expect(info.cells.a).to.equal(fingerprint(v1.cells[1]!));
    expect(lessonInfo(v1)).to.equal(null);
  });

  it('fingerprints tell type and source apart', () => {
    expect(fingerprint({ cell_type: 'code', source: 'x' })).to.not.equal(fingerprint({ cell_type: 'markdown', source: 'x' }));
    expect(fingerprint({ cell_type: 'code', source: 'x' })).to.not.equal(fingerprint({ cell_type: 'code', source: 'y' }));
    expect(fingerprint({ cell_type: 'code', source: 'x' })).to.match(/^[0-9a-f]{8}$/);
  });

  it('knows edited cells from untouched ones', () => {
    const copy = edit(makeLessonCopy(v1, 'l', 1), 'b', 'const b = 20');
    const info = lessonInfo(copy)!;
    expect(copy.cells.map((c) => isEdited(info, c))).to.deep.equal([false, false, true, false]);
  });

  it('resets one cell to the original, outputs cleared', () => {
    let copy = edit(makeLessonCopy(v1, 'l', 1), 'b', 'oops');
    copy = applySteps(copy, [{ type: 'appendOutput', cellId: 'b', output }, { type: 'setType', cellId: 'b', cellType: 'markdown' }]);
    const back = applySteps(copy, resetCellSteps(v1, 'b')!);
    const b = back.cells[2] as CodeCell;
    expect([b.cell_type, b.source, b.outputs]).to.deep.equal(['code', 'const b = 2', []]);
    expect(isEdited(lessonInfo(back)!, b)).to.equal(false);
    expect(resetCellSteps(v1, 'not-there')).to.equal(null);
  });

  describe('merging a newer version', () => {
    const v2 = makeNotebook('Lesson', [
      makeMarkdownCell('# Intro, revised', 'intro'),
      makeCodeCell('const a = 1', 'a'),
      makeCodeCell('const new1 = 0', 'new1'),
      makeCodeCell('const b = 2 // v2', 'b'),
      // c was removed in v2
    ], {}, 'original');

    it('updates untouched cells, keeps edited and added ones where they were, honours deletions', () => {
      let copy = makeLessonCopy(v1, 'l', 1);
      copy = edit(copy, 'b', 'const b = 99');
      copy = applySteps(copy, [
        { type: 'insert', index: 2, cell: makeCodeCell('mine()', 'mine') },
        { type: 'appendOutput', cellId: 'a', output },
        { type: 'delete', cellId: 'c' },
      ]);
      const { notebook, updated, kept } = updateLessonCopy(copy, v2, 2);
      expect(ids(notebook)).to.deep.equal(['intro', 'a', 'mine', 'new1', 'b']);
      const byId = (id: string) => notebook.cells.find((c) => c.id === id) as Cell;
      expect(byId('intro').source).to.equal('# Intro, revised');
      expect((byId('a') as CodeCell).outputs).to.deep.equal([output]); // unchanged cell keeps its outputs
      expect(byId('b').source).to.equal('const b = 99');
      expect([updated, kept]).to.deep.equal([2, 2]);
      const info = lessonInfo(notebook)!;
      expect(info.version).to.equal(2);
      expect(isEdited(info, byId('b'))).to.equal(true);
      expect(isEdited(info, byId('new1'))).to.equal(false);
    });

    it('keeps an edited cell the new version deleted, and drops an untouched one', () => {
      const copy = edit(makeLessonCopy(v1, 'l', 1), 'c', 'const c = 30');
      const { notebook } = updateLessonCopy(copy, v2, 2);
      expect(ids(notebook)).to.deep.equal(['intro', 'a', 'new1', 'b', 'c']);
      const untouched = updateLessonCopy(makeLessonCopy(v1, 'l', 1), v2, 2).notebook;
      expect(ids(untouched)).to.deep.equal(ids(v2));
      expect(untouched.cells.map((c) => c.source)).to.deep.equal(v2.cells.map((c) => c.source));
    });

    it('refuses a notebook that is not a lesson copy', () => {
      expect(() => updateLessonCopy(v1, v2, 2)).to.throw(/not a lesson copy/);
    });
  });
});
