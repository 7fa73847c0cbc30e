// The only module that touches IndexedDB (through idb-keyval). Notebooks are stored whole,
// outputs included, under a key per notebook; an index lists them with their modification times.
import { createStore, del, get, set, update } from 'idb-keyval';
import type { Notebook } from '../document';

export interface NotebookEntry {
  readonly id: string;
  readonly title: string;
  readonly modified: number;
}

const SCHEMA_VERSION = 1;
const db = createStore('nabla', 'notebooks');
const INDEX_KEY = 'index';

interface Stored {
  readonly schema: number;
  readonly notebook: Notebook;
}

export async function saveNotebook(notebook: Notebook): Promise<void> {
  const stored: Stored = { schema: SCHEMA_VERSION, notebook };
  await set(`nb:${notebook.id}`, stored, db);
  await update<NotebookEntry[]>(
    INDEX_KEY,
    (list = []) => [{ id: notebook.id, title: notebook.title, modified: Date.now() }, ...list.filter((e) => e.id !== notebook.id)],
    db,
  );
}

export async function loadNotebook(id: string): Promise<Notebook | null> {
  const stored = await get<Stored>(`nb:${id}`, db);
  return stored?.notebook ?? null;
}

export async function listNotebooks(): Promise<NotebookEntry[]> {
  return (await get<NotebookEntry[]>(INDEX_KEY, db)) ?? [];
}

export async function deleteNotebook(id: string): Promise<void> {
  await del(`nb:${id}`, db);
  await update<NotebookEntry[]>(INDEX_KEY, (list = []) => list.filter((e) => e.id !== id), db);
}
