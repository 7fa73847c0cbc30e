// A learner works on a copy of a lesson, never on the original: the copy remembers which lesson
// and version it came from and a fingerprint of each original cell, so that "reset this cell"
// can find the original, and a newer version of the lesson can be merged in without touching
// any cell the learner edited.
import type { Step } from './steps';
import type { Cell, Notebook } from './types';

export interface LessonInfo {
  readonly slug: string;
  readonly version: number;
  /** Cell id -> fingerprint of the original cell the copy started from. */
  readonly cells: Readonly<Record<string, string>>;
}

import { isRecord } from './json';

/** FNV-1a over the type and source: enough to tell "unchanged" from "edited", not a security hash. */
export function fingerprint(cell: Pick<Cell, 'cell_type' | 'source'>): string {
  const text = `${cell.cell_type}\u0000${cell.source}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function lessonInfo(nb: Notebook): LessonInfo | null {
  const nabla = nb.metadata.nabla;
  const lesson = isRecord(nabla) ? nabla.lesson : undefined;
  if (!isRecord(lesson) || typeof lesson.slug !== 'string' || typeof lesson.version !== 'number') return null;
  return { slug: lesson.slug, version: lesson.version, cells: isRecord(lesson.cells) ? (lesson.cells as Record<string, string>) : {} };
}

export const lessonCopyId = (slug: string): string => `lesson-${slug}`;

function withLesson(nb: Notebook, info: LessonInfo): Notebook {
  const nabla = isRecord(nb.metadata.nabla) ? nb.metadata.nabla : {};
  return { ...nb, metadata: { ...nb.metadata, nabla: { ...nabla, lesson: info } } };
}

const fingerprints = (cells: readonly Cell[]) => Object.fromEntries(cells.map((c) => [c.id, fingerprint(c)]));

/** The learner's copy of a lesson: one per lesson, under a fixed id, so reopening finds it. */
export function makeLessonCopy(original: Notebook, slug: string, version: number): Notebook {
  return withLesson({ ...original, id: lessonCopyId(slug) }, { slug, version, cells: fingerprints(original.cells) });
}

/** True for cells the learner changed or added; false for cells as the lesson shipped them. */
export function isEdited(info: LessonInfo, cell: Cell): boolean {
  return info.cells[cell.id] !== fingerprint(cell);
}

/** Steps that put one cell back as the original has it, outputs cleared; null if the original has no such cell. */
export function resetCellSteps(original: Notebook, cellId: string): Step[] | null {
  const cell = original.cells.find((c) => c.id === cellId);
  if (!cell) return null;
  return [
    { type: 'setType', cellId, cellType: cell.cell_type },
    { type: 'setSource', cellId, source: cell.source },
    ...(cell.cell_type === 'code' ? [{ type: 'clearOutputs', cellId } as const] : []),
  ];
}

export interface LessonUpdate {
  readonly notebook: Notebook;
  /** Cells taken from the new version (changed or new there). */
  readonly updated: number;
  /** Cells the learner edited or added, kept as they are. */
  readonly kept: number;
}

/**
 * Merges a newer version of the lesson into the learner's copy. Cells the learner never touched
 * follow the new version (including its new cells, deletions and order); cells the learner
 * edited or added stay, each after the cell it followed in the copy. Cells the learner deleted
 * stay deleted. Fingerprints move to the new version, so an edited cell stays "edited".
 */
export function updateLessonCopy(copy: Notebook, next: Notebook, version: number): LessonUpdate {
  const info = lessonInfo(copy);
  if (!info) throw new Error('updateLessonCopy: this notebook is not a lesson copy');
  const mine = new Map(copy.cells.map((c) => [c.id, c]));
  const result: Cell[] = [];
  let updated = 0;
  for (const n of next.cells) {
    const c = mine.get(n.id);
    if (!c) {
      if (info.cells[n.id] !== undefined) continue; // deleted by the learner
      result.push(n);
      updated++;
    } else if (isEdited(info, c)) result.push(c);
    else if (fingerprint(c) === fingerprint(n)) result.push(c); // unchanged: keep its outputs
    else {
      result.push(n);
      updated++;
    }
  }
  // Learner's cells that the new version does not have: placed after their predecessor in the copy.
  const placed = new Set(result.map((c) => c.id));
  let kept = 0;
  copy.cells.forEach((c, i) => {
    if (isEdited(info, c)) kept++;
    if (placed.has(c.id) || !isEdited(info, c)) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = result.findIndex((r) => r.id === copy.cells[j]!.id);
      if (k !== -1) {
        at = k + 1;
        break;
      }
    }
    result.splice(at, 0, c);
    placed.add(c.id);
  });
  const notebook = withLesson({ ...copy, cells: result }, { slug: info.slug, version, cells: fingerprints(next.cells) });
  return { notebook, updated, kept };
}
