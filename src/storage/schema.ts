// What a stored notebook record looks like, and how records written by older versions of Nabla
// are brought forward. Pure: no IndexedDB here, so migrations are tested in Node.
import { isRecord, lessonInfo } from '../document';
import type { Notebook } from '../document';

/**
 * 1: { schema, notebook }, index entries { id, title, modified }.
 * 2: records also carry created/modified times; index entries carry created, and lesson copies
 *    name their lesson, so the start page can list them without loading every notebook.
 */
export const SCHEMA_VERSION = 2;

export interface StoredNotebook {
  readonly schema: number;
  readonly notebook: Notebook;
  readonly created: number;
  readonly modified: number;
}

export interface NotebookEntry {
  readonly id: string;
  readonly title: string;
  readonly modified: number;
  readonly created: number;
  /** The lesson this notebook is the learner's copy of. */
  readonly lesson?: string;
}

export interface TrashEntry extends NotebookEntry {
  /** When it went to the trash; purged TRASH_DAYS later. */
  readonly trashed: number;
  /** Where the record waits, so the same notebook id can be trashed twice. */
  readonly key: string;
}

export const TRASH_DAYS = 30;

/** Stored data this version cannot read: the learner is told, and it is never overwritten. */
export class SchemaError extends Error {
  override name = 'SchemaError';
}


function checkNotebook(v: unknown): Notebook {
  if (!isRecord(v) || typeof v.id !== 'string' || !Array.isArray(v.cells)) {
    throw new SchemaError('the stored notebook is damaged (no id or cells)');
  }
  return {
    id: v.id,
    title: typeof v.title === 'string' ? v.title : 'Untitled',
    metadata: isRecord(v.metadata) ? v.metadata : {},
    cells: v.cells as Notebook['cells'],
  };
}

/** Brings a stored record of any known schema up to SCHEMA_VERSION. */
export function migrateRecord(raw: unknown, now = Date.now()): StoredNotebook {
  if (!isRecord(raw)) throw new SchemaError('the stored record is not an object');
  const schema = typeof raw.schema === 'number' ? raw.schema : 1;
  if (schema > SCHEMA_VERSION) {
    throw new SchemaError(`it was saved by a newer version of Nabla (storage schema ${schema}; this page reads up to ${SCHEMA_VERSION}). Reload to get the newer version`);
  }
  const notebook = checkNotebook(raw.notebook);
  // Schema 1 kept no times in the record: the index entry's time is the best known.
  const modified = typeof raw.modified === 'number' ? raw.modified : now;
  const created = typeof raw.created === 'number' ? raw.created : modified;
  return { schema: SCHEMA_VERSION, notebook, created, modified };
}

export function entryOf(record: StoredNotebook): NotebookEntry {
  const lesson = lessonInfo(record.notebook)?.slug;
  const entry = { id: record.notebook.id, title: record.notebook.title, modified: record.modified, created: record.created };
  return lesson ? { ...entry, lesson } : entry;
}

/** Index entries of schema 1 lack `created`; anything unreadable is dropped from the list only. */
export function migrateIndex(raw: unknown): NotebookEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: NotebookEntry[] = [];
  for (const e of raw) {
    if (!isRecord(e) || typeof e.id !== 'string') continue;
    const modified = typeof e.modified === 'number' ? e.modified : 0;
    const entry: NotebookEntry = {
      id: e.id,
      title: typeof e.title === 'string' ? e.title : 'Untitled',
      modified,
      created: typeof e.created === 'number' ? e.created : modified,
    };
    out.push(typeof e.lesson === 'string' ? { ...entry, lesson: e.lesson } : entry);
  }
  return out;
}
