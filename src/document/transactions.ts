// The one write path for the document, plus notebook-level undo of cell operations.
import { applyStep, applySteps, clampIndex, indexOf } from './steps';
import type { HistoryStep, Step } from './steps';
import type { Notebook } from './types';

export type { HistoryStep, RestoreTypeStep, Step } from './steps';
export { applySteps } from './steps';

export type Origin = 'user' | 'kernel' | 'load' | 'undo' | 'redo';

export interface Transaction {
  readonly steps: readonly Step[];
  readonly origin: Origin;
}

/** The steps that take the document back to how it was before one user transaction. */
export interface HistoryEntry {
  readonly steps: readonly HistoryStep[];
}

export interface DocState {
  readonly doc: Notebook;
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
  /** Bumped whenever `doc` changes, so views and autosave can compare a number. */
  readonly version: number;
}

/** Deleted cells are held whole (outputs included), so the stack is bounded. */
export const MAX_HISTORY = 100;

export function createDocState(doc: Notebook): DocState {
  return { doc, undo: [], redo: [], version: 0 };
}

/**
 * Applies `tx`. Only user transactions that change cell structure (insert, delete, move,
 * setType) are recorded: source has the editor's own text undo, and outputs, counts, metadata
 * and title are not what a user means to undo with a notebook-level undo. Loading or replacing
 * the notebook empties history because old entries would describe another document.
 * Origins 'undo' and 'redo' apply without touching history; use `undo`/`redo` to walk it.
 */
export function applyTransaction(state: DocState, tx: Transaction): DocState {
  const resets = tx.origin === 'load' || tx.steps.some((s) => s.type === 'replaceNotebook');
  if (resets) {
    const doc = applySteps(state.doc, tx.steps);
    return { doc, undo: [], redo: [], version: bumped(state, doc) };
  }
  if (tx.origin !== 'user') return withDoc(state, applySteps(state.doc, tx.steps));
  const { doc, inverse } = applyRecorded(state.doc, tx.steps);
  // Structural steps that changed nothing (missing cell, move in place) leave no entry, so
  // undo never spends a keypress on an invisible no-op.
  if (inverse.length === 0) return withDoc(state, doc);
  return {
    doc,
    undo: [...state.undo, { steps: inverse }].slice(-MAX_HISTORY),
    redo: [],
    version: bumped(state, doc),
  };
}

export function canUndo(s: DocState): boolean {
  return s.undo.length > 0;
}

export function canRedo(s: DocState): boolean {
  return s.redo.length > 0;
}

/** Reverts the latest recorded user transaction as one unit; same object when there is none. */
export function undo(state: DocState): DocState {
  const entry = state.undo[state.undo.length - 1];
  if (!entry) return state;
  const { doc, inverse } = applyRecorded(state.doc, entry.steps);
  const redo = inverse.length ? [...state.redo, { steps: inverse }] : state.redo;
  return { doc, undo: state.undo.slice(0, -1), redo, version: bumped(state, doc) };
}

export function redo(state: DocState): DocState {
  const entry = state.redo[state.redo.length - 1];
  if (!entry) return state;
  const { doc, inverse } = applyRecorded(state.doc, entry.steps);
  const undoStack = inverse.length ? [...state.undo, { steps: inverse }].slice(-MAX_HISTORY) : state.undo;
  return { doc, undo: undoStack, redo: state.redo.slice(0, -1), version: bumped(state, doc) };
}

/**
 * Applies steps and returns the structural steps that revert them, computed against the
 * document as it is just before each step (so a deleted cell is re-inserted with the source
 * and outputs it had when deleted). Non-structural steps have no inverse on purpose.
 */
function applyRecorded(doc: Notebook, steps: readonly HistoryStep[]): { doc: Notebook; inverse: HistoryStep[] } {
  const inverse: HistoryStep[] = [];
  let next = doc;
  for (const step of steps) {
    inverse.unshift(...inverseOf(next, step));
    next = applyStep(next, step);
  }
  return { doc: next, inverse };
}

function inverseOf(doc: Notebook, step: HistoryStep): HistoryStep[] {
  switch (step.type) {
    case 'insert':
      return indexOf(doc, step.cell.id) === -1 ? [{ type: 'delete', cellId: step.cell.id }] : [];
    case 'delete': {
      const at = indexOf(doc, step.cellId);
      return at === -1 ? [] : [{ type: 'insert', index: at, cell: doc.cells[at]! }];
    }
    case 'move': {
      const from = indexOf(doc, step.cellId);
      if (from === -1 || clampIndex(step.to, doc.cells.length - 1) === from) return [];
      return [{ type: 'move', cellId: step.cellId, to: from }];
    }
    case 'setType':
    case 'restoreType': {
      const cell = doc.cells[indexOf(doc, step.cellId)];
      const target = step.type === 'setType' ? step.cellType : step.cell.cell_type;
      return !cell || cell.cell_type === target ? [] : [{ type: 'restoreType', cellId: step.cellId, cell }];
    }
    default:
      return [];
  }
}

function withDoc(state: DocState, doc: Notebook): DocState {
  return doc === state.doc ? state : { ...state, doc, version: state.version + 1 };
}

function bumped(state: DocState, doc: Notebook): number {
  return doc === state.doc ? state.version : state.version + 1;
}
