// The Monaco entry point. It is built as its own bundle (dist/monaco.js + monaco.css) and loaded
// on demand, so a notebook is readable before the 1 MB editor arrives. The page talks to it only
// through the small CellEditor interface below.
import * as monaco from 'monaco-editor';
import { cellEditorCreated, cellUri, configureTypeScript, watchProblems } from './ts/editor-service';
import type { TypeProblem } from './ts/editor-service';

export { onOpenCell, setNotebookCells } from './ts/editor-service';
export type { TypeProblem } from './ts/editor-service';

export interface EditorMarker {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

export interface CellEditorOptions {
  /** The cell's id: a TypeScript cell's model is the file the type service knows it by. */
  cellId: string;
  value: string;
  /** A Monaco language id: 'typescript', 'markdown', 'plaintext', or a foreign notebook's ('python'). */
  language: string;
  readOnly?: boolean;
  onChange(value: string): void;
  /** Shift+Enter ('advance'), Ctrl/Cmd+Enter ('stay'), Alt+Enter ('insert'). */
  onRun(mode: 'advance' | 'stay' | 'insert'): void;
  onEscape(): void;
  onFocus(): void;
  onSave(): void;
  /** The TypeScript service's problems for this cell, whenever they change. */
  onProblems?(problems: TypeProblem[]): void;
}

export interface CellEditor {
  getValue(): string;
  setValue(value: string): void;
  focus(): void;
  /** Puts the cursor at a position and scrolls it into view (go to definition from another cell). */
  reveal(line: number, column: number): void;
  hasFocus(): boolean;
  setMarkers(markers: readonly EditorMarker[]): void;
  dispose(): void;
}

let configured = false;

function configureOnce(): void {
  if (configured) return;
  configured = true;
  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) => {
      const file = label === 'typescript' || label === 'javascript' ? './ts.worker.js' : './editor.worker.js';
      return new Worker(new URL(file, import.meta.url), { type: 'module' });
    },
  };
  configureTypeScript();
}

let modelCounter = 0;

/** Creates an editor that grows with its content (a notebook page scrolls, a cell does not). */
export function createCellEditor(host: HTMLElement, opts: CellEditorOptions): CellEditor {
  configureOnce();
  const typed = opts.language === 'typescript';
  const uri = typed ? cellUri(opts.cellId) : monaco.Uri.parse(`file:///other/${++modelCounter}.txt`);
  // A cell's editor is made again after a type change: its old model must not linger under the URI.
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(opts.value, opts.language, uri);
  const problems = typed && opts.onProblems ? watchProblems(model, opts.onProblems) : null;
  if (typed) cellEditorCreated();
  const editor = monaco.editor.create(host, {
    model,
    readOnly: opts.readOnly ?? false,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    scrollbar: { vertical: 'hidden', alwaysConsumeMouseWheel: false, handleMouseWheel: false },
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    lineNumbers: 'on',
    lineNumbersMinChars: 3,
    glyphMargin: false,
    folding: false,
    renderLineHighlight: 'none',
    fontSize: 14,
    fontFamily: 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
    tabSize: 2,
    automaticLayout: true,
    wordWrap: 'on',
    fixedOverflowWidgets: true,
    padding: { top: 6, bottom: 6 },
    // Enter must insert a newline, not accept a suggestion: cells are typed line by line.
    acceptSuggestionOnEnter: 'off',
  });
  const fit = () => {
    host.style.height = `${Math.max(editor.getContentHeight(), 32)}px`;
  };
  editor.onDidContentSizeChange(fit);
  fit();
  editor.onDidChangeModelContent(() => opts.onChange(editor.getValue()));
  editor.onDidFocusEditorText(() => opts.onFocus());
  // addAction, not addCommand: a command's keybinding is global and would run the handler of
  // the last editor created, whichever cell has focus.
  const { KeyMod, KeyCode } = monaco;
  const action = (id: string, keybinding: number, run: () => void, precondition?: string) =>
    editor.addAction({ id: `nabla.${id}`, label: id, keybindings: [keybinding], precondition, run });
  action('run-advance', KeyMod.Shift | KeyCode.Enter, () => opts.onRun('advance'));
  action('run-stay', KeyMod.CtrlCmd | KeyCode.Enter, () => opts.onRun('stay'));
  action('run-insert', KeyMod.Alt | KeyCode.Enter, () => opts.onRun('insert'));
  action('save', KeyMod.CtrlCmd | KeyCode.KeyS, () => opts.onSave());
  // Escape leaves edit mode unless a widget (suggestions, find) wants it first.
  action('command-mode', KeyCode.Escape, () => opts.onEscape(), '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible');
  return {
    getValue: () => editor.getValue(),
    setValue: (value) => {
      if (value !== editor.getValue()) editor.setValue(value);
    },
    focus: () => editor.focus(),
    reveal: (line, column) => {
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
      editor.focus();
    },
    hasFocus: () => editor.hasTextFocus(),
    setMarkers: (markers) => {
      monaco.editor.setModelMarkers(
        model,
        'nabla',
        markers.map((m) => ({
          severity: monaco.MarkerSeverity.Error,
          message: m.message,
          startLineNumber: m.line,
          startColumn: m.column,
          endLineNumber: m.endLine ?? m.line,
          endColumn: m.endColumn ?? m.column + 1,
        })),
      );
    },
    dispose: () => {
      problems?.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
