// The language of a notebook's code cells, from the metadata Jupyter writes (kernelspec and
// language_info). Nabla runs TypeScript (and so JavaScript); a Python notebook opened here shows
// its code read-only and never sends it to the kernel.
import type { Notebook } from './types';

const RUNNABLE = new Set(['typescript', 'javascript', 'ts', 'js']);

import { field } from './json';

/** Lower-case language name; 'typescript' when the notebook does not say. */
export function notebookLanguage(nb: Notebook): string {
  const named = field(nb.metadata.language_info, 'name') ?? field(nb.metadata.kernelspec, 'language');
  return typeof named === 'string' && named.trim() ? named.trim().toLowerCase() : 'typescript';
}

/** True when this kernel runs code of `language` (a name as notebookLanguage returns it). */
export function languageRuns(language: string): boolean {
  return RUNNABLE.has(language);
}

/** True when this kernel can run the notebook's code cells. */
export function runsHere(nb: Notebook): boolean {
  return languageRuns(notebookLanguage(nb));
}
