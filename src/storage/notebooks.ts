// The notebooks saved in this browser: records under a key per notebook, an index for the start
// page, and a trash that keeps deleted notebooks for TRASH_DAYS. Every method goes through a
// Backend (IndexedDB, or memory when the browser refuses it).
import { newId } from '../document';
import type { Notebook } from '../document';
import type { Backend } from './backend';
import { SCHEMA_VERSION, TRASH_DAYS, entryOf, migrateIndex, migrateRecord } from './schema';
import type { NotebookEntry, StoredNotebook, TrashEntry } from './schema';

export type { NotebookEntry, TrashEntry } from './schema';
export { SchemaError } from './schema';

const INDEX = 'index';
const TRASH = 'trash';
const recordKey = (id: string) => `nb:${id}`;
const DAY_MS = 24 * 60 * 60 * 1000;

function withoutLesson(metadata: Notebook['metadata']): Notebook['metadata'] {
  const nabla = metadata.nabla;
  if (typeof nabla !== 'object' || nabla === null || !('lesson' in nabla)) return metadata;
  const rest: Record<string, unknown> = { ...nabla };
  delete rest.lesson;
  return { ...metadata, nabla: rest };
}

export class NotebookRepo {
  constructor(
    private readonly backend: Backend,
    private readonly now: () => number = Date.now,
  ) {}

  get durable(): boolean {
    return this.backend.durable;
  }

  async save(notebook: Notebook): Promise<void> {
    const old = await this.backend.get<unknown>(recordKey(notebook.id));
    const modified = this.now();
    const created = old === undefined ? modified : migrateRecord(old, modified).created;
    const record: StoredNotebook = { schema: SCHEMA_VERSION, notebook, created, modified };
    await this.backend.set(recordKey(notebook.id), record);
    const entry = entryOf(record);
    await this.backend.update<unknown>(INDEX, (list) => [entry, ...migrateIndex(list).filter((e) => e.id !== notebook.id)]);
  }

  /** The notebook, or null when none is stored under `id`. Throws SchemaError on unreadable data. */
  async load(id: string): Promise<Notebook | null> {
    const raw = await this.backend.get<unknown>(recordKey(id));
    return raw === undefined ? null : migrateRecord(raw, this.now()).notebook;
  }

  /** Newest first. */
  async list(): Promise<NotebookEntry[]> {
    const list = migrateIndex(await this.backend.get<unknown>(INDEX));
    return list.sort((a, b) => b.modified - a.modified);
  }

  async rename(id: string, title: string): Promise<void> {
    const nb = await this.load(id);
    if (nb && nb.title !== title) await this.save({ ...nb, title });
  }

  /** A copy under a new id, titled "Copy of …"; lesson links are dropped, the copy is the learner's own. */
  async duplicate(id: string): Promise<string | null> {
    const nb = await this.load(id);
    if (!nb) return null;
    const copy: Notebook = { ...nb, id: newId(), title: `Copy of ${nb.title}`, metadata: withoutLesson(nb.metadata) };
    await this.save(copy);
    return copy.id;
  }

  /** Moves a notebook to the trash; `title` overrides the stored one. */
  async trash(id: string, title?: string): Promise<void> {
    const raw = await this.backend.get<unknown>(recordKey(id));
    if (raw === undefined) return;
    const record = migrateRecord(raw, this.now());
    // Written before the original is removed: a failure in between leaves two copies, never none.
    await this.putInTrash(record, title);
    await this.backend.del(recordKey(id));
    await this.backend.update<unknown>(INDEX, (list) => migrateIndex(list).filter((e) => e.id !== id));
  }

  /**
   * Keeps `notebook` as it is now in the trash, titled e.g. "… (before reset)", and leaves what is
   * stored under its id alone: the safety copy before a reset, an update or a hand-over.
   */
  async trashCopy(notebook: Notebook, title: string): Promise<void> {
    const now = this.now();
    await this.putInTrash({ schema: SCHEMA_VERSION, notebook, created: now, modified: now }, title);
  }

  private async putInTrash(record: StoredNotebook, title?: string): Promise<void> {
    const trashed = this.now();
    const key = `trash:${record.notebook.id}@${trashed}`;
    const kept = title === undefined ? record : { ...record, notebook: { ...record.notebook, title } };
    await this.backend.set(key, kept);
    const entry: TrashEntry = { ...entryOf(kept), trashed, key };
    await this.backend.update<TrashEntry[]>(TRASH, (list = []) => [entry, ...list]);
  }

  /** Newest first; entries older than TRASH_DAYS are deleted for good on the way. */
  async listTrash(): Promise<TrashEntry[]> {
    const list = (await this.backend.get<TrashEntry[]>(TRASH)) ?? [];
    const cutoff = this.now() - TRASH_DAYS * DAY_MS;
    const expired = list.filter((e) => e.trashed < cutoff);
    for (const e of expired) await this.deleteForever(e.key);
    return list.filter((e) => e.trashed >= cutoff).sort((a, b) => b.trashed - a.trashed);
  }

  /**
   * Puts a trashed notebook back. If its id was taken again meanwhile (a lesson opened afresh),
   * it comes back under a new id rather than over the newer notebook. Returns the id it got.
   */
  async restore(key: string): Promise<string | null> {
    const raw = await this.backend.get<unknown>(key);
    if (raw === undefined) return null;
    const record = migrateRecord(raw, this.now());
    let notebook = record.notebook;
    if ((await this.backend.get<unknown>(recordKey(notebook.id))) !== undefined) notebook = { ...notebook, id: newId() };
    await this.save(notebook);
    await this.deleteForever(key);
    return notebook.id;
  }

  async deleteForever(key: string): Promise<void> {
    await this.backend.del(key);
    await this.backend.update<TrashEntry[]>(TRASH, (list = []) => list.filter((e) => e.key !== key));
  }
}
