import { expect } from 'chai';
import { makeCodeCell, makeNotebook } from '../document';
import type { Notebook } from '../document';
import { Autosaver } from './autosave';
import { Store } from './store';

const edit = (store: Store, source: string) =>
  store.dispatch({ steps: [{ type: 'setSource', cellId: store.doc.cells[0]!.id, source }], origin: 'user' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Autosaver', () => {
  it('saves once within the delay after changes, not before anything changed', async () => {
    const store = new Store(makeNotebook('t', [makeCodeCell('a')]));
    const writes: Notebook[] = [];
    const saver = new Autosaver(store, async (nb) => void writes.push(nb), () => {}, 30);
    saver.opened(store.doc, true);
    await saver.flush();
    expect(writes).to.have.length(0);
    edit(store, 'b');
    edit(store, 'c');
    await sleep(60);
    expect(writes.map((w) => w.cells[0]!.source)).to.deep.equal(['c']);
  });

  it('writes a notebook storage does not hold yet, and reports failures', async () => {
    const store = new Store(makeNotebook('t', [makeCodeCell('a')]));
    const errors: string[] = [];
    let fail = true;
    const writes: string[] = [];
    const saver = new Autosaver(store, async (nb) => {
      if (fail) throw new Error('QuotaExceededError');
      writes.push(nb.cells[0]!.source);
    }, (e) => errors.push(e.message), 1000);
    saver.opened(store.doc, false);
    await saver.flush();
    expect(errors).to.deep.equal(['QuotaExceededError']);
    fail = false;
    await saver.flush(); // still unsaved: tried again
    expect(writes).to.deep.equal(['a']);
  });

  it('stops saving when the notebook is closed', async () => {
    const store = new Store(makeNotebook('t', [makeCodeCell('a')]));
    const writes: string[] = [];
    const saver = new Autosaver(store, async (nb) => void writes.push(nb.cells[0]!.source), () => {}, 10);
    saver.opened(store.doc, true);
    saver.closed();
    edit(store, 'b');
    await sleep(30);
    await saver.flush();
    expect(writes).to.deep.equal([]);
  });

  it('writes unsaved changes to the synchronous journal when the page goes away', async () => {
    const store = new Store(makeNotebook('t', [makeCodeCell('a')]));
    const journal: string[] = [];
    const saver = new Autosaver(store, async () => {}, () => {}, 1000, (nb) => journal.push(nb.cells[0]!.source));
    saver.opened(store.doc, true);
    saver.leaving();
    expect(journal).to.deep.equal([]); // nothing unsaved
    edit(store, 'typed');
    saver.leaving();
    expect(journal).to.deep.equal(['typed']); // synchronously, before any await
  });
});
