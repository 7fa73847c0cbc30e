// The lessons that ship with Nabla, read from notebooks/*.md (bundled as text). Each is an
// original the learner never edits: opening one opens (or creates) the learner's copy. Bump
// `nabla.version` in a lesson's front matter whenever its cells change, so copies made earlier
// are offered the update (document/lesson-copy.ts merges it).
import { field } from '../document';
import type { Notebook } from '../document';
import { fromMarkdown } from '../formats/md';
import welcome from '../../notebooks/00-welcome.md';
import initialization from '../../notebooks/08-initialization.md';
import gradientChecking from '../../notebooks/09-gradient-checking.md';
import optimizers from '../../notebooks/12-optimizers.md';
import learningRateDecay from '../../notebooks/13-learning-rate-decay.md';

export interface Lesson {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly version: number;
  /** The original, with cell ids that stay fixed across versions. */
  original(): Notebook;
}

/** Every notebooks/*.md, in course order (a test checks none is missing). */
export const LESSON_SOURCES: Readonly<Record<string, string>> = {
  '00-welcome.md': welcome,
  '08-initialization.md': initialization,
  '09-gradient-checking.md': gradientChecking,
  '12-optimizers.md': optimizers,
  '13-learning-rate-decay.md': learningRateDecay,
};

/**
 * Cells are addressed by id when merging versions, so lesson cells need ids that do not change
 * between page loads: `${slug}-${n}` in order. A later version that inserts a cell must give the
 * cells after it the ids they had (the merge treats a renumbered cell as changed).
 */
export function lessonFromMarkdown(file: string, text: string): Lesson {
  const parsed = fromMarkdown(text, { fileName: file });
  const nabla = parsed.metadata.nabla;
  const slug = field(nabla, 'slug');
  const version = field(nabla, 'version');
  if (typeof slug !== 'string' || typeof version !== 'number') throw new Error(`${file}: front matter needs nabla.slug and nabla.version`);
  const summary = field(nabla, 'summary');
  const original: Notebook = { ...parsed, id: `original-${slug}`, cells: parsed.cells.map((c, i) => ({ ...c, id: `${slug}-${i + 1}` })) };
  return { slug, version, title: parsed.title, summary: typeof summary === 'string' ? summary : '', original: () => original };
}

export const LESSONS: readonly Lesson[] = Object.entries(LESSON_SOURCES).map(([file, text]) => lessonFromMarkdown(file, text));

/** The course's topics in order (shared/LESSONS.md): each a lesson notebook, shipped or coming. */
export const COURSE: readonly { readonly slug: string; readonly title: string }[] = [
  { slug: 'data-splits', title: 'Train / dev / test sets' },
  { slug: 'bias-variance', title: 'Bias and variance' },
  { slug: 'l2-regularization', title: 'L2 regularization' },
  { slug: 'dropout', title: 'Dropout' },
  { slug: 'other-regularization', title: 'Early stopping and data augmentation' },
  { slug: 'normalizing-inputs', title: 'Normalizing inputs' },
  { slug: 'vanishing-gradients', title: 'Vanishing and exploding gradients' },
  { slug: 'initialization', title: 'Initialization' },
  { slug: 'gradient-checking', title: 'Gradient checking' },
  { slug: 'mini-batches', title: 'Mini-batch gradient descent' },
  { slug: 'weighted-averages', title: 'Exponentially weighted averages' },
  { slug: 'optimizers', title: 'Momentum, RMSprop and Adam' },
  { slug: 'learning-rate-decay', title: 'Learning-rate decay' },
  { slug: 'saddle-points', title: 'Local optima and saddle points' },
  { slug: 'hyperparameter-tuning', title: 'Hyperparameter tuning' },
  { slug: 'batch-norm', title: 'Batch normalization' },
  { slug: 'softmax-frameworks', title: 'Softmax regression and frameworks' },
];

export function findLesson(slug: string): Lesson | undefined {
  return LESSONS.find((l) => l.slug === slug);
}
