// The lessons that ship with Nabla. Each is an original the learner never edits: opening one
// opens (or creates) the learner's copy. Bump `version` whenever a lesson's cells change, so
// copies made earlier are offered the update (document/lesson-copy.ts merges it).
import type { Notebook } from '../document';
import { welcomeNotebook } from './welcome';

export interface Lesson {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly version: number;
  /** The original, with cell ids that stay fixed across versions. */
  original(): Notebook;
}

/**
 * Cells are addressed by id when merging versions, so lesson cells need ids that do not change
 * between page loads: `${slug}-${n}` in order of first appearance. A later version that inserts
 * a cell must give it a new id rather than renumber the others.
 */
function withFixedIds(slug: string, nb: Notebook): Notebook {
  return { ...nb, id: `original-${slug}`, cells: nb.cells.map((c, i) => ({ ...c, id: `${slug}-${i + 1}` })) };
}

export const LESSONS: readonly Lesson[] = [
  {
    slug: 'welcome',
    title: 'Welcome to Nabla',
    summary: 'A five-minute tour: cells, outputs, a live training chart, interrupts.',
    version: 1,
    original: () => withFixedIds('welcome', welcomeNotebook()),
  },
];

export function findLesson(slug: string): Lesson | undefined {
  return LESSONS.find((l) => l.slug === slug);
}
