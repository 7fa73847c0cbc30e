// How far a learner got in a lesson, read from their saved copy: code cells run, and the lesson's
// checks passed (check() leaves a CHECK_MIME record in its output).
import type { Notebook } from '../document';
import { CHECK_MIME } from '../kernel/protocol';

export interface LessonProgress {
  readonly codeCells: number;
  readonly cellsRun: number;
  readonly checks: number;
  readonly checksPassed: number;
}

const CHECK_CALL = /\bcheck(?:\.near)?\(/g;

export function lessonProgress(copy: Notebook, original: Notebook): LessonProgress {
  let codeCells = 0;
  let cellsRun = 0;
  let checksPassed = 0;
  for (const c of copy.cells) {
    if (c.cell_type !== 'code') continue;
    codeCells++;
    if (c.execution_count !== null) cellsRun++;
    for (const o of c.outputs) {
      if (o.output_type !== 'display_data') continue;
      const record = o.data[CHECK_MIME] as { passed?: unknown } | undefined;
      if (record?.passed === true) checksPassed++;
    }
  }
  // The lesson's own checks, counted in its original: a learner's extra checks do not raise the bar.
  const checks = original.cells.reduce((n, c) => n + (c.cell_type === 'code' ? (c.source.match(CHECK_CALL)?.length ?? 0) : 0), 0);
  return { codeCells, cellsRun, checks, checksPassed: Math.min(checksPassed, checks) };
}
