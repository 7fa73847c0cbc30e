// A synchronous safety net for the last second of work. IndexedDB writes are asynchronous, and
// a write started while the page is going away may never commit; localStorage writes are
// synchronous. So when the page is hidden with unsaved changes, the notebook is also written
// here, and opening it next time prefers this copy until IndexedDB has caught up.
import type { Notebook } from '../document';

const key = (id: string) => `nabla:journal:${id}`;

/** Writes the notebook (without outputs if the whole does not fit). Never throws. */
export function writeJournal(notebook: Notebook): void {
  try {
    localStorage.setItem(key(notebook.id), JSON.stringify(notebook));
  } catch {
    try {
      const lean = { ...notebook, cells: notebook.cells.map((c) => (c.cell_type === 'code' ? { ...c, outputs: [] } : c)) };
      localStorage.setItem(key(notebook.id), JSON.stringify(lean));
    } catch {
      // No room even for the sources: IndexedDB's own write is the only chance left.
    }
  }
}

/** The journaled copy of a notebook, if the last session left one. */
export function readJournal(id: string): Notebook | null {
  try {
    const text = localStorage.getItem(key(id));
    return text ? (JSON.parse(text) as Notebook) : null;
  } catch {
    return null;
  }
}

/** IndexedDB holds everything the journal had: drop it. */
export function clearJournal(id: string): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // Nothing to do: a stale journal is only read when it is newer than what it replaces.
  }
}
