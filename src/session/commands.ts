// Notebook edits as transactions: what toolbar buttons, menus and shortcuts call.
import { makeCodeCell, makeMarkdownCell } from '../document';
import type { CellType, Notebook } from '../document';
import type { Store } from './store';

export function insertCell(store: Store, index: number, type: CellType = 'code', source = ''): string {
  const cell = type === 'code' ? makeCodeCell(source) : makeMarkdownCell(source);
  store.dispatch({ steps: [{ type: 'insert', index, cell }], origin: 'user' });
  return cell.id;
}

export function deleteCells(store: Store, cellIds: readonly string[]): void {
  store.dispatch({ steps: cellIds.map((cellId) => ({ type: 'delete', cellId })), origin: 'user' });
}

export function moveCell(store: Store, cellId: string, delta: number): void {
  const i = indexOfCell(store.doc, cellId);
  const to = i + delta;
  if (i < 0 || to < 0 || to >= store.doc.cells.length) return;
  store.dispatch({ steps: [{ type: 'move', cellId, to }], origin: 'user' });
}

export function setCellType(store: Store, cellId: string, cellType: CellType): void {
  store.dispatch({ steps: [{ type: 'setType', cellId, cellType }], origin: 'user' });
}

export function setSource(store: Store, cellId: string, source: string): void {
  store.dispatch({ steps: [{ type: 'setSource', cellId, source }], origin: 'user' });
}

/** Clears one cell's outputs, or every cell's when no id is given. */
export function clearOutputs(store: Store, cellId?: string): void {
  store.dispatch({ steps: [cellId ? { type: 'clearOutputs', cellId } : { type: 'clearOutputs' }], origin: 'user' });
}

export function setTitle(store: Store, title: string): void {
  store.dispatch({ steps: [{ type: 'setTitle', title }], origin: 'user' });
}

export function indexOfCell(doc: Notebook, cellId: string | null): number {
  return cellId === null ? -1 : doc.cells.findIndex((c) => c.id === cellId);
}
