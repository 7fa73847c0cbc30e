// The editor's TypeScript worker (built as dist/ts.worker.js): Monaco's own, except that every
// cell file is read as its text plus its notebook context (cell-context.ts), cells without an
// editor yet are part of the program too, and definitions found in a context point at the cell
// that declared the name. The page sends the notebook's code cells with setNotebook().
import { initialize } from 'monaco-editor/internal/common/initialize';
import { typescript as ts } from 'monaco-editor/languages/features/typescript/lib/typescriptServices';
import { TypeScriptWorker } from 'monaco-editor/languages/features/typescript/tsWorker';
import { NotebookContext, cellFileName, cellIdOf } from './cell-context';
import type { CellSource } from './cell-context';
import type * as TS from 'typescript';

class NotebookWorker extends TypeScriptWorker {
  private readonly context = new NotebookContext(ts, () => this.getLanguageService());

  /** Called by the page (through Monaco's worker proxy) with the code cells in notebook order. */
  async setNotebook(cells: readonly CellSource[]): Promise<boolean> {
    return this.context.setCells(cells);
  }

  override getScriptFileNames(): string[] {
    const names = super.getScriptFileNames();
    const have = new Set(names);
    // Cells far from the viewport have no editor (and so no model) yet; their names count all the same.
    for (const id of this.context.cellIds) if (!have.has(cellFileName(id))) names.push(cellFileName(id));
    return names;
  }

  override getScriptVersion(fileName: string): string {
    const id = cellIdOf(fileName);
    if (id === null) return super.getScriptVersion(fileName);
    const model = this._getModel(fileName);
    // A cell without an editor is versioned by its sent source, so only the cells that changed are parsed again.
    return `${model ? model.version : `s${this.context.sourceVersion(id)}`}:${this.context.contextVersion(id)}`;
  }

  override _getScriptText(fileName: string): string | undefined {
    const id = cellIdOf(fileName);
    if (id === null) return super._getScriptText(fileName);
    return this.context.textOf(id, this._getModel(fileName)?.getValue());
  }

  override async getSemanticDiagnostics(fileName: string): Promise<TS.Diagnostic[]> {
    return this.visible(fileName, await super.getSemanticDiagnostics(fileName));
  }

  override async getSyntacticDiagnostics(fileName: string): Promise<TS.Diagnostic[]> {
    return this.visible(fileName, await super.getSyntacticDiagnostics(fileName));
  }

  override async getSuggestionDiagnostics(fileName: string): Promise<TS.Diagnostic[]> {
    return this.visible(fileName, await super.getSuggestionDiagnostics(fileName));
  }

  private visible(fileName: string, diagnostics: TS.Diagnostic[]): TS.Diagnostic[] {
    const id = cellIdOf(fileName);
    return id === null ? diagnostics : this.context.visibleDiagnostics(id, diagnostics);
  }

  /** A definition inside a cell's context is the declaration in the cell above that made it. */
  override async getDefinitionAtPosition(fileName: string, position: number): Promise<readonly TS.DefinitionInfo[] | undefined> {
    const found = await super.getDefinitionAtPosition(fileName, position);
    const id = cellIdOf(fileName);
    if (!found || id === null) return found;
    const text = this._getScriptText(fileName) ?? '';
    const word = /[\w$]+/.exec(text.slice(wordStart(text, position)))?.[0] ?? '';
    return found.map((d) => {
      const at = cellIdOf(d.fileName);
      const cellText = at === null ? undefined : (this._getModel(d.fileName)?.getValue() ?? this.context.sourceOf(at));
      if (cellText === undefined || d.textSpan.start < cellText.length) return d;
      const decl = this.context.definition(id, word);
      return decl ? { ...d, fileName: cellFileName(decl.cellId), textSpan: { start: decl.start, length: decl.length } } : d;
    });
  }
}

function wordStart(text: string, position: number): number {
  let i = position;
  while (i > 0 && /[\w$]/.test(text[i - 1]!)) i--;
  return i;
}

self.onmessage = () => {
  initialize((ctx, createData) => new NotebookWorker(ctx, createData));
};
