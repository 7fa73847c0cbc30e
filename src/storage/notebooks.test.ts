// The repository against the in-memory backend (the one used when IndexedDB is refused); the
// IndexedDB path is exercised end to end in test/e2e/storage.test.ts.
import { expect } from 'chai';
import { makeCodeCell, makeNotebook } from '../document';
import { memoryBackend } from './backend';
import { NotebookRepo } from './notebooks';
import { TRASH_DAYS } from './schema';

const DAY = 24 * 3600 * 1000;

function setup() {
  let now = 1_000_000;
  const backend = memoryBackend();
  const repo = new NotebookRepo(backend, () => now);
  return { repo, backend, tick: (ms: number) => (now += ms) };
}

describe('NotebookRepo', () => {
  const nb = makeNotebook('First', [makeCodeCell('const a = 1')]);

  it('saves, loads and lists newest first with created/modified times', async () => {
    const { repo, tick } = setup();
    await repo.save(nb);
    tick(10);
    const other = makeNotebook('Second', []);
    await repo.save(other);
    tick(10);
    await repo.save({ ...nb, title: 'First again' });
    expect(await repo.load(nb.id)).to.deep.equal({ ...nb, title: 'First again' });
    const list = await repo.list();
    expect(list.map((e) => e.title)).to.deep.equal(['First again', 'Second']);
    expect(list[0]!.created).to.equal(1_000_000);
    expect(list[0]!.modified).to.equal(1_000_020);
  });

  it('reads a notebook a schema-1 page stored', async () => {
    const { repo, backend } = setup();
    await backend.set(`nb:${nb.id}`, { schema: 1, notebook: nb });
    await backend.set('index', [{ id: nb.id, title: nb.title, modified: 5 }]);
    expect(await repo.load(nb.id)).to.deep.equal(nb);
    expect(await repo.list()).to.deep.equal([{ id: nb.id, title: 'First', modified: 5, created: 5 }]);
  });

  it('renames and duplicates (the copy is no longer a lesson copy)', async () => {
    const { repo } = setup();
    const lesson = makeNotebook('Welcome', [makeCodeCell('1')], { nabla: { lesson: { slug: 'welcome', version: 1 }, other: 1 } }, 'lesson-welcome');
    await repo.save(lesson);
    await repo.rename(lesson.id, 'My tour');
    const id = await repo.duplicate(lesson.id);
    const copy = (await repo.load(id!))!;
    expect(copy.title).to.equal('Copy of My tour');
    expect(copy.metadata).to.deep.equal({ nabla: { other: 1 } });
    expect(copy.cells).to.deep.equal(lesson.cells);
    expect((await repo.list()).map((e) => [e.title, e.lesson ?? null])).to.deep.equal([['Copy of My tour', null], ['My tour', 'welcome']]);
  });

  it('trashes, restores and deletes for good', async () => {
    const { repo } = setup();
    await repo.save(nb);
    await repo.trash(nb.id);
    expect(await repo.list()).to.deep.equal([]);
    expect(await repo.load(nb.id)).to.equal(null);
    const [entry] = await repo.listTrash();
    expect(entry!.title).to.equal('First');
    expect(await repo.restore(entry!.key)).to.equal(nb.id);
    expect(await repo.load(nb.id)).to.deep.equal(nb);
    expect(await repo.listTrash()).to.deep.equal([]);
    await repo.trash(nb.id);
    await repo.deleteForever((await repo.listTrash())[0]!.key);
    expect(await repo.listTrash()).to.deep.equal([]);
    expect(await repo.load(nb.id)).to.equal(null);
  });

  it('restores under a new id when the old one was taken again', async () => {
    const { repo, tick } = setup();
    await repo.save(nb);
    await repo.trash(nb.id, 'First (before reset)');
    tick(1);
    await repo.save({ ...nb, title: 'Fresh' });
    const id = await repo.restore((await repo.listTrash())[0]!.key);
    expect(id).to.not.equal(nb.id);
    expect((await repo.load(id!))!.title).to.equal('First (before reset)');
    expect((await repo.load(nb.id))!.title).to.equal('Fresh');
  });

  it('keeps a safety copy in the trash without touching the stored notebook', async () => {
    const { repo } = setup();
    await repo.save(nb);
    await repo.trashCopy({ ...nb, cells: [] }, 'First (before reset)');
    expect(await repo.load(nb.id)).to.deep.equal(nb);
    const [entry] = await repo.listTrash();
    expect(entry!.title).to.equal('First (before reset)');
    const id = await repo.restore(entry!.key);
    expect((await repo.load(id!))!.cells).to.deep.equal([]);
  });

  it(`empties trash entries older than ${TRASH_DAYS} days`, async () => {
    const { repo, backend, tick } = setup();
    await repo.save(nb);
    await repo.trash(nb.id);
    const key = (await repo.listTrash())[0]!.key;
    tick((TRASH_DAYS - 1) * DAY);
    expect(await repo.listTrash()).to.have.length(1);
    tick(2 * DAY);
    expect(await repo.listTrash()).to.deep.equal([]);
    expect(await backend.get(key)).to.equal(undefined);
  });
});
