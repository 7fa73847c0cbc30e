// The page's side of the editor's TypeScript service (part of the Monaco bundle): compiler
// options, the kernel's declarations (dist/nabla-types.json, made by scripts/build-types.mjs),
// the notebook's cells for the worker's context (ts-worker.ts), and go to definition across cells.
// The service runs in its own worker and is only asked, never waited for, while the learner types.
import * as monaco from 'monaco-editor';
import { cellCompilerOptions } from './compiler-options';
import { cellFileName, cellIdOf } from './cell-context';
import type { CellSource } from './cell-context';

const ts = monaco.typescript;

/** What a learner sees of a type problem, per cell. */
export interface TypeProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

let configured = false;

export function configureTypeScript(): void {
  if (configured) return;
  configured = true;
  // Monaco's typings stop at ModuleResolutionKind.NodeJs; its bundled compiler knows Bundler (100).
  ts.typescriptDefaults.setCompilerOptions(cellCompilerOptions() as unknown as monaco.typescript.CompilerOptions);
  ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, noSuggestionDiagnostics: true });
  // The worker proxy is created lazily; cell files must be in sync before any request.
  ts.typescriptDefaults.setEagerModelSync(true);
  void fetch(new URL('./nabla-types.json', import.meta.url))
    .then((r) => r.json() as Promise<Record<string, string>>)
    .then((files) => ts.typescriptDefaults.setExtraLibs(Object.entries(files).map(([filePath, content]) => ({ filePath, content }))))
    .catch((e: Error) => console.warn(`Nabla: the kernel's types did not load (${e.message}); completions will be partial.`));
}

/** The model URI of a code cell: the worker reads it as this cell's file. */
export const cellUri = (cellId: string): monaco.Uri => monaco.Uri.parse(cellFileName(cellId));

interface NotebookWorkerProxy {
  /** True when some cell's context changed. */
  setNotebook(cells: readonly CellSource[]): Promise<boolean>;
}

let pending: readonly CellSource[] | null = null;
let sending = false;
let revision = 0;

/**
 * The notebook's code cells changed (order or source): the worker rebuilds the contexts, then
 * every open cell is checked again. Calls arriving while one is in flight collapse into one.
 */
export function setNotebookCells(cells: readonly CellSource[]): void {
  pending = cells;
  if (!sending) void flush();
}

async function flush(): Promise<void> {
  sending = true;
  try {
    while (pending) {
      // Until a TypeScript cell has an editor there is no worker to tell: cellEditorCreated() retries.
      if (!monaco.editor.getModels().some((m) => cellIdOf(m.uri.toString()) !== null)) return;
      const cells = pending;
      pending = null;
      const getWorker = await ts.getTypeScriptWorker();
      const worker = (await getWorker()) as unknown as NotebookWorkerProxy;
      // Changing an extra lib makes Monaco check every open model again, without restarting the
      // worker: worth it only when a context changed (an edit inside a body changes none).
      if (await worker.setNotebook(cells)) ts.typescriptDefaults.addExtraLib(`// notebook revision ${++revision}`, 'file:///nabla/revision.d.ts');
    }
  } catch (e) {
    console.warn('Nabla: the type service did not take the notebook', e);
  } finally {
    sending = false;
  }
}

/** A TypeScript cell's model exists now: the notebook can reach the worker. */
export function cellEditorCreated(): void {
  if (pending && !sending) void flush();
}

type OpenCell = (cellId: string, line: number, column: number) => void;
let openCell: OpenCell = () => {};
let openerRegistered = false;

/** Go to definition on a name another cell declared lands here, with that cell and position. */
export function onOpenCell(handler: OpenCell): void {
  openCell = handler;
  if (openerRegistered) return;
  openerRegistered = true;
  monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selectionOrPosition) {
      const id = cellIdOf(resource.toString());
      if (id === null) return false;
      const at = selectionOrPosition && 'startLineNumber' in selectionOrPosition
        ? { line: selectionOrPosition.startLineNumber, column: selectionOrPosition.startColumn }
        : { line: selectionOrPosition?.lineNumber ?? 1, column: selectionOrPosition?.column ?? 1 };
      openCell(id, at.line, at.column);
      return true;
    },
  });
}

/** Calls `report` with the TypeScript problems of `model` now and whenever they change. */
export function watchProblems(model: monaco.editor.ITextModel, report: (problems: TypeProblem[]) => void): monaco.IDisposable {
  const read = () =>
    report(
      monaco.editor
        .getModelMarkers({ resource: model.uri, owner: 'typescript' })
        .filter((m) => m.severity >= monaco.MarkerSeverity.Warning)
        .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message, severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : 'warning' })),
    );
  read();
  return monaco.editor.onDidChangeMarkers((uris) => {
    if (!uris.some((u) => u.toString() === model.uri.toString())) return;
    // For npm run bench: when the type service's verdict on a cell changed.
    performance.mark('nabla:types-checked', { detail: cellIdOf(model.uri.toString()) });
    read();
  });
}
