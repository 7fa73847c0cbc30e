import { newId } from './ids';
import type { Cell, CellType, CodeCell, MarkdownCell, Notebook } from './types';

export function makeCodeCell(source = '', id: string = newId()): CodeCell {
  return { id, cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null };
}

export function makeMarkdownCell(source = '', id: string = newId()): MarkdownCell {
  return { id, cell_type: 'markdown', source, metadata: {} };
}

export function makeNotebook(
  title: string,
  cells: readonly Cell[],
  metadata: Readonly<Record<string, unknown>> = {},
  id: string = newId(),
): Notebook {
  // Copied so a caller that keeps pushing to its own array cannot change the document.
  return { id, title, metadata, cells: [...cells] };
}

/**
 * The cell with another type; id, source and metadata survive. Outputs do not survive a trip
 * through markdown, matching Jupyter. Same type returns the same object so no-op edits stay
 * detectable by identity.
 */
export function changeCellType(cell: Cell, type: CellType): Cell {
  if (cell.cell_type === type) return cell;
  const { id, source, metadata } = cell;
  if (type === 'code') return { id, cell_type: 'code', source, metadata, outputs: [], execution_count: null };
  // Attachments belong to text cells: they move between markdown and raw, as in Jupyter.
  const attachments = cell.cell_type === 'code' ? undefined : cell.attachments;
  return attachments ? { id, cell_type: type, source, metadata, attachments } : { id, cell_type: type, source, metadata };
}
