// Public API of the document model: pure, immutable data and functions, no DOM.
export type {
  CellType,
  Cell,
  CodeCell,
  MarkdownCell,
  Notebook,
  Output,
  StreamOutput,
  DisplayDataOutput,
  ExecuteResultOutput,
  ErrorOutput,
  MimeBundle,
} from './types';
export { newId } from './ids';
export { makeCodeCell, makeMarkdownCell, makeNotebook, changeCellType } from './cells';
export { appendOutput, updateDisplay, outputText } from './outputs';
export { type OutputCaps, DEFAULT_CAPS, boundOutputs, formatBytes } from './output-caps';
export type { Step, HistoryStep, RestoreTypeStep } from './steps';
export type { Origin, Transaction, HistoryEntry, DocState } from './transactions';
export {
  MAX_HISTORY,
  createDocState,
  applyTransaction,
  applySteps,
  undo,
  redo,
  canUndo,
  canRedo,
} from './transactions';
export type { CellStatus, CellRuntime, RuntimeState } from './runtime';
export { IDLE_RUNTIME, emptyRuntime, cellRuntime } from './runtime';
export type { KernelEvent } from './events';
export type { Transition } from './transition';
export { queueCell, cancelQueued, transitionCell, markKernelLost } from './transition';
export type { LessonInfo, LessonUpdate } from './lesson-copy';
export { fingerprint, lessonInfo, lessonCopyId, makeLessonCopy, isEdited, resetCellSteps, updateLessonCopy } from './lesson-copy';
export type { Attachments, RawCell } from './types';
export { languageRuns, notebookLanguage, runsHere } from './language';
export { UNTRUSTED } from './types';
export { hasUntrustedOutputs, trustOutputs } from './trust';
export { field, isRecord } from './json';
