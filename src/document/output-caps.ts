// Bounds what a save keeps of the outputs, so that one chatty cell cannot fill the browser's
// storage quota and make every later autosave fail. Only the saved copy is bounded: a trimmed
// output becomes a short stderr note, and running the cell again brings the real one back.
import type { Cell, CodeCell, Notebook, Output, StreamOutput } from './types';

/** Byte budgets for saved outputs (estimated as JSON length). */
export interface OutputCaps {
  readonly perOutput: number;
  readonly perNotebook: number;
}

export const DEFAULT_CAPS: OutputCaps = { perOutput: 5 * 1024 * 1024, perNotebook: 50 * 1024 * 1024 };

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** "812 KB", "7.3 MB": one decimal below 10 units, whole numbers above (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  // Deciding after rounding keeps 1023.7 KB from showing as "1024 KB".
  while (unit < UNITS.length - 1 && round(value) >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${round(value)} ${UNITS[unit]}`;
}

function round(value: number): number {
  return Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}

// Autosave runs every second over outputs that mostly did not change; outputs are immutable, so
// an object's size never changes and stringifying each one once is enough.
const sizes = new WeakMap<object, number>();

function sizeOf(out: Output): number {
  if (typeof out !== 'object' || out === null) return measure(out);
  let size = sizes.get(out);
  if (size === undefined) {
    size = measure(out);
    sizes.set(out, size);
  }
  return size;
}

function measure(out: unknown): number {
  try {
    return JSON.stringify(out)?.length ?? 0;
  } catch {
    // A cycle or a BigInt: .ipynb could not hold it either, and its stored size is unknown.
    return Number.POSITIVE_INFINITY;
  }
}

function note(reason: string): StreamOutput {
  return { output_type: 'stream', name: 'stderr', text: `[Output not saved: ${reason}. Run the cell again to see it.]\n` };
}

/** One output as it sits in the notebook; the same object may sit in several places. */
interface Slot {
  readonly cell: number;
  readonly index: number;
  readonly size: number;
  note?: StreamOutput;
}

/**
 * `nb` with every output over `caps.perOutput` replaced by a note, then the largest remaining
 * outputs replaced until the notebook's outputs fit `caps.perNotebook`. Untouched cells and
 * outputs keep their identity, and `nb` itself comes back when nothing was trimmed.
 */
export function boundOutputs(nb: Notebook, caps: OutputCaps = DEFAULT_CAPS): { notebook: Notebook; trimmed: number } {
  const slots: Slot[] = [];
  nb.cells.forEach((cell, c) => {
    if (!hasOutputs(cell)) return;
    cell.outputs.forEach((out, index) => slots.push({ cell: c, index, size: sizeOf(out) }));
  });

  let total = 0;
  for (const slot of slots) {
    if (!Number.isFinite(slot.size)) slot.note = note('its size could not be measured');
    else if (slot.size > caps.perOutput) {
      slot.note = note(`${formatBytes(slot.size)} is more than the ${formatBytes(caps.perOutput)} an output may keep`);
    }
    total += slot.note ? sizeOf(slot.note) : slot.size;
  }

  if (total > caps.perNotebook) {
    // Immutable, so every slot trimmed here can share one note object.
    const over = note(`the notebook's outputs are over ${formatBytes(caps.perNotebook)}`);
    const overSize = sizeOf(over);
    const largestFirst = slots.filter((s) => !s.note).sort((a, b) => b.size - a.size);
    for (const slot of largestFirst) {
      // Sorted, so once a note saves nothing no later slot can; a cap below the notes stops here.
      if (total <= caps.perNotebook || slot.size <= overSize) break;
      slot.note = over;
      total += overSize - slot.size;
    }
  }

  return rebuild(nb, slots);
}

function hasOutputs(cell: Cell): cell is CodeCell {
  // Guarded at run time too: a notebook read back from storage may predate `outputs`.
  return cell.cell_type === 'code' && Array.isArray(cell.outputs);
}

function rebuild(nb: Notebook, slots: readonly Slot[]): { notebook: Notebook; trimmed: number } {
  const notes = new Map<number, Map<number, Output>>();
  for (const { cell, index, note } of slots) {
    if (!note) continue;
    const inCell = notes.get(cell) ?? new Map<number, Output>();
    notes.set(cell, inCell.set(index, note));
  }
  if (notes.size === 0) return { notebook: nb, trimmed: 0 };

  const cells = nb.cells.map((cell, c) => {
    const inCell = notes.get(c);
    if (!inCell || !hasOutputs(cell)) return cell;
    return { ...cell, outputs: cell.outputs.map((out, i) => inCell.get(i) ?? out) };
  });
  const trimmed = [...notes.values()].reduce((n, inCell) => n + inCell.size, 0);
  return { notebook: { ...nb, cells }, trimmed };
}
