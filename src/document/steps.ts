import { changeCellType } from './cells';
import { appendOutput, updateDisplay } from './outputs';
import { appendDisplayRows } from './chart-data';
import type { Cell, CellType, CodeCell, MimeBundle, Notebook, Output } from './types';

/** One edit of a notebook. Cells are addressed by id, so edits survive concurrent reordering. */
export type Step =
  | { type: 'insert'; index: number; cell: Cell }
  | { type: 'delete'; cellId: string }
  /** `to` is the cell's index after the move. */
  | { type: 'move'; cellId: string; to: number }
  | { type: 'setSource'; cellId: string; source: string }
  | { type: 'setType'; cellId: string; cellType: CellType }
  /** Every code cell when `cellId` is omitted; execution counts go back to null too. */
  | { type: 'clearOutputs'; cellId?: string }
  | { type: 'appendOutput'; cellId: string; output: Output }
  /** Across all cells, since a display can be updated from a later cell than created it. */
  | { type: 'updateDisplay'; displayId: string; data: MimeBundle; metadata: Record<string, unknown> }
  /** Rows appended to the named dataset of the Vega-Lite chart tagged `displayId`. */
  | { type: 'appendDisplayRows'; displayId: string; dataset: string; rows: readonly Record<string, unknown>[] }
  | { type: 'setExecutionCount'; cellId: string; count: number | null }
  /** Replaces the whole metadata object. */
  | { type: 'setCellMetadata'; cellId: string; metadata: Record<string, unknown> }
  | { type: 'setTitle'; title: string }
  | { type: 'replaceNotebook'; notebook: Notebook };

/**
 * Only found in undo history. Undoing code->markdown with a plain `setType` would lose the
 * outputs, and re-inserting the old cell would lose source typed since; this restores the type,
 * outputs and execution count of `cell` but keeps the live source and metadata.
 */
export type RestoreTypeStep = { type: 'restoreType'; cellId: string; cell: Cell };

export type HistoryStep = Step | RestoreTypeStep;

/** Applies steps in order without history. Unchanged input comes back as the same object. */
export function applySteps(doc: Notebook, steps: readonly HistoryStep[]): Notebook {
  let next = doc;
  for (const step of steps) next = applyStep(next, step);
  return next;
}

// Steps naming a missing cell are no-ops rather than errors: kernel output can arrive for a cell
// the user just deleted.
export function applyStep(doc: Notebook, step: HistoryStep): Notebook {
  switch (step.type) {
    case 'insert': {
      if (indexOf(doc, step.cell.id) !== -1) return doc; // duplicate ids would make ids ambiguous
      const at = clampIndex(step.index, doc.cells.length);
      return withCells(doc, [...doc.cells.slice(0, at), step.cell, ...doc.cells.slice(at)]);
    }
    case 'delete': {
      const at = indexOf(doc, step.cellId);
      return at === -1 ? doc : withCells(doc, doc.cells.filter((_, i) => i !== at));
    }
    case 'move': {
      const from = indexOf(doc, step.cellId);
      if (from === -1) return doc;
      const to = clampIndex(step.to, doc.cells.length - 1);
      if (to === from) return doc;
      const rest = doc.cells.filter((_, i) => i !== from);
      return withCells(doc, [...rest.slice(0, to), doc.cells[from]!, ...rest.slice(to)]);
    }
    case 'setSource':
      return mapCell(doc, step.cellId, (c) => (c.source === step.source ? c : { ...c, source: step.source }));
    case 'setType':
      return mapCell(doc, step.cellId, (c) => changeCellType(c, step.cellType));
    case 'restoreType':
      return mapCell(doc, step.cellId, (c) => restoreType(c, step.cell));
    case 'clearOutputs':
      if (step.cellId === undefined) return mapCells(doc, (c) => mapCode(c, clearOutputs));
      return mapCell(doc, step.cellId, (c) => mapCode(c, clearOutputs));
    case 'appendOutput':
      return mapCell(doc, step.cellId, (c) =>
        mapCode(c, (code) => ({ ...code, outputs: appendOutput(code.outputs, step.output) })),
      );
    case 'updateDisplay':
      return mapCells(doc, (c) =>
        mapCode(c, (code) => {
          const outputs = updateDisplay(code.outputs, step.displayId, step.data, step.metadata);
          return outputs === code.outputs ? code : { ...code, outputs };
        }),
      );
    case 'appendDisplayRows':
      return mapCells(doc, (c) =>
        mapCode(c, (code) => {
          const outputs = appendDisplayRows(code.outputs, step.displayId, step.dataset, step.rows);
          return outputs === code.outputs ? code : { ...code, outputs };
        }),
      );
    case 'setExecutionCount':
      return mapCell(doc, step.cellId, (c) =>
        mapCode(c, (code) => (code.execution_count === step.count ? code : { ...code, execution_count: step.count })),
      );
    case 'setCellMetadata':
      return mapCell(doc, step.cellId, (c) => (c.metadata === step.metadata ? c : { ...c, metadata: step.metadata }));
    case 'setTitle':
      return doc.title === step.title ? doc : { ...doc, title: step.title };
    case 'replaceNotebook':
      return step.notebook;
  }
}

export function indexOf(doc: Notebook, cellId: string): number {
  return doc.cells.findIndex((c) => c.id === cellId);
}

/** Integer index within [0, max]; NaN means "at the end", the least surprising place. */
export function clampIndex(index: number, max: number): number {
  if (Number.isNaN(index)) return Math.max(max, 0);
  return Math.min(Math.max(Math.trunc(index), 0), Math.max(max, 0));
}

function withCells(doc: Notebook, cells: readonly Cell[]): Notebook {
  return { ...doc, cells };
}

function mapCell(doc: Notebook, cellId: string, f: (c: Cell) => Cell): Notebook {
  const at = indexOf(doc, cellId);
  if (at === -1) return doc;
  const cell = doc.cells[at]!;
  const next = f(cell);
  return next === cell ? doc : withCells(doc, doc.cells.map((c, i) => (i === at ? next : c)));
}

function mapCells(doc: Notebook, f: (c: Cell) => Cell): Notebook {
  let changed = false;
  const cells = doc.cells.map((c) => {
    const next = f(c);
    if (next !== c) changed = true;
    return next;
  });
  return changed ? withCells(doc, cells) : doc;
}

function mapCode(cell: Cell, f: (c: CodeCell) => CodeCell): Cell {
  return cell.cell_type === 'code' ? f(cell) : cell;
}

function clearOutputs(cell: CodeCell): CodeCell {
  if (cell.outputs.length === 0 && cell.execution_count === null) return cell;
  return { ...cell, outputs: [], execution_count: null };
}

function restoreType(current: Cell, saved: Cell): Cell {
  if (current.cell_type === saved.cell_type) return current;
  const { id, source, metadata } = current;
  if (saved.cell_type !== 'code') return { ...saved, source, metadata, id };
  const { outputs, execution_count } = saved;
  return { id, cell_type: 'code', source, metadata, outputs, execution_count };
}
