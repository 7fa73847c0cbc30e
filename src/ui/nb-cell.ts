// One notebook cell: prompt, editor (Monaco, created lazily) or rendered markdown, and outputs.
// The cell never writes the document itself: it reports what happened with DOM events.
import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { languageRuns } from '../document';
import type { Cell, CellRuntime } from '../document';
import type { CellDiagnostic } from '../session/store';
import type { CellEditor, TypeProblem } from './monaco-editor';
import { scheduleEditor } from './editor-loader';
import { renderMarkdown } from './markdown';
import { formatElapsed } from './format';
import './nb-outputs';

export type RunMode = 'advance' | 'stay' | 'insert';

export interface CellEventMap {
  'cell-select': { cellId: string };
  'cell-edit': { cellId: string };
  'cell-escape': { cellId: string };
  'cell-source': { cellId: string; source: string };
  'cell-run': { cellId: string; mode: RunMode };
  'cell-save': { cellId: string };
}

export class NbCell extends LitElement {
  static override properties = {
    cell: { attribute: false },
    runtime: { attribute: false },
    diagnostics: { attribute: false },
    language: { attribute: false },
    selected: { type: Boolean, reflect: true },
    editing: { type: Boolean, reflect: true },
    hasEditor: { state: true },
    typeProblems: { state: true },
  };
  /** What the editor's TypeScript service finds wrong in this cell; running is never blocked by it. */
  declare typeProblems: readonly TypeProblem[];
  declare cell: Cell;
  declare runtime: CellRuntime;
  declare diagnostics: readonly CellDiagnostic[];
  /** The notebook's code language; only TypeScript/JavaScript run here, others are read-only. */
  declare language: string;
  declare selected: boolean;
  declare editing: boolean;
  declare hasEditor: boolean;

  private editor: CellEditor | null = null;
  /** The cell type the editor was made for: a type change needs a new editor. */
  private editorType: Cell['cell_type'] | null = null;
  private observer: IntersectionObserver | null = null;
  private wantFocus = false;
  private pendingReveal: { line: number; column: number } | null = null;
  private nearViewport = false;

  constructor() {
    super();
    this.diagnostics = [];
    this.language = 'typescript';
    this.typeProblems = [];
    this.selected = false;
    this.editing = false;
    this.hasEditor = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Editors are created only for cells near the viewport: a 40-cell lesson opens at once.
    this.observer = new IntersectionObserver((entries) => {
      this.nearViewport = entries.some((e) => e.isIntersecting);
      if (this.nearViewport) this.ensureEditor(false);
    }, { rootMargin: '400px 0px' });
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.disposeEditor();
  }

  private disposeEditor(): void {
    this.editor?.dispose();
    this.editor = null;
    this.editorType = null;
    this.hasEditor = false;
    this.typeProblems = [];
  }

  /** Puts the caret in this cell's editor, creating it first if needed. */
  focusEditor(): void {
    this.wantFocus = true;
    if (this.editor) {
      this.editor.focus();
      this.wantFocus = false;
    } else {
      this.ensureEditor(true);
    }
  }

  blurEditor(): void {
    if (this.editor?.hasFocus()) (document.activeElement as HTMLElement | null)?.blur();
  }

  /** A code cell of a notebook in a language this kernel does not run (a Python notebook). */
  private get foreign(): boolean {
    return this.cell.cell_type === 'code' && !languageRuns(this.language);
  }

  private get editorLanguage(): string {
    if (this.cell.cell_type === 'markdown') return 'markdown';
    if (this.cell.cell_type === 'raw') return 'plaintext';
    return languageRuns(this.language) ? 'typescript' : this.language;
  }

  private get needsEditor(): boolean {
    return this.cell.cell_type !== 'markdown' || this.editing;
  }

  private ensureEditor(urgent: boolean): void {
    if (this.editor || !this.needsEditor) return;
    scheduleEditor((entry) => {
      const host = this.querySelector<HTMLElement>('.editor-host');
      if (this.editor || !host || !this.isConnected || !this.needsEditor) return;
      this.editor = entry.createCellEditor(host, {
        cellId: this.cell.id,
        value: this.cell.source,
        onProblems: (problems) => (this.typeProblems = problems),
        language: this.editorLanguage,
        readOnly: this.foreign,
        onChange: (source) => this.emit('cell-source', { cellId: this.cell.id, source }),
        onRun: (mode) => this.emit('cell-run', { cellId: this.cell.id, mode }),
        onEscape: () => this.emit('cell-escape', { cellId: this.cell.id }),
        onFocus: () => this.emit('cell-edit', { cellId: this.cell.id }),
        onSave: () => this.emit('cell-save', { cellId: this.cell.id }),
      });
      this.editorType = this.cell.cell_type;
      this.editor.setMarkers(this.diagnostics);
      this.hasEditor = true;
      if (this.pendingReveal) {
        this.editor.reveal(this.pendingReveal.line, this.pendingReveal.column);
        this.pendingReveal = null;
      } else if (this.wantFocus) this.focusEditor();
    }, urgent);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const stale = this.editor && (this.editorType !== this.cell.cell_type || (this.cell.cell_type === 'markdown' && !this.editing));
    if (stale) this.disposeEditor();
    else if (this.nearViewport) this.ensureEditor(false);
    if (changed.has('cell') && this.editor) this.editor.setValue(this.cell.source);
    if (changed.has('diagnostics')) this.editor?.setMarkers(this.diagnostics);
    if (changed.has('editing') && this.editing && !this.editor) this.focusEditor();
  }

  private emit<K extends keyof CellEventMap>(type: K, detail: CellEventMap[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    const c = this.cell;
    const status = this.runtime.status;
    return html`
      <div class="cell ${c.cell_type} status-${status} ${this.runtime.lastRunOk === false ? 'failed' : ''}"
        @mousedown=${() => this.emit('cell-select', { cellId: c.id })}>
        <div class="prompt" aria-label="execution count">${c.cell_type === 'code' ? this.prompt() : c.cell_type === 'raw' ? html`<span class="raw-label">raw</span>` : nothing}</div>
        <div class="body">
          ${c.cell_type === 'markdown' && !this.editing
            ? html`<div class="markdown-body rendered" @dblclick=${() => this.emit('cell-edit', { cellId: c.id })}>
                ${c.source.trim() ? unsafeHTML(renderMarkdown(c.source)) : html`<span class="placeholder">Empty markdown cell: double-click to write.</span>`}
              </div>`
            : html`<div class="editor-wrap">
                <div class="editor-host"></div>
                ${this.hasEditor ? nothing : html`<pre class="source-view" @click=${() => this.focusEditor()}>${c.source || ' '}</pre>`}
              </div>`}
          ${c.cell_type === 'code' ? this.footer() : nothing}
          ${c.cell_type === 'code' ? html`<nb-outputs .outputs=${c.outputs}></nb-outputs>` : nothing}
        </div>
      </div>`;
  }

  private prompt(): string {
    if (this.cell.cell_type !== 'code') return '';
    if (this.runtime.status === 'running') return '[*]:';
    if (this.runtime.status === 'queued') return '[ ]:';
    return `[${this.cell.execution_count ?? ' '}]:`;
  }

  private footer(): TemplateResult | typeof nothing {
    const rt = this.runtime;
    const parts: TemplateResult[] = [];
    if (this.foreign) parts.push(html`<span class="badge">${languageName(this.language)} · read-only, not run</span>`);
    if (rt.status === 'queued') parts.push(html`<span class="state queued">queued</span>`);
    if (rt.status === 'running') parts.push(html`<span class="state running">running…</span>`);
    if (rt.status === 'idle' && rt.elapsedMs !== null) parts.push(html`<span class="elapsed">${formatElapsed(rt.elapsedMs)}</span>`);
    if (this.diagnostics.length) parts.push(html`<span class="state problem">${this.diagnostics.length} problem${this.diagnostics.length > 1 ? 's' : ''}</span>`);
    const types = this.cell.cell_type === 'code' ? this.typeProblems.filter((p) => p.severity === 'error') : [];
    if (types.length) parts.push(html`<span class="state type-problem" data-testid="type-problems">${types.length} type error${types.length > 1 ? 's' : ''}</span>`);
    return parts.length ? html`<div class="cell-footer">${parts}</div>${this.problemList(types)}` : nothing;
  }

  /** The type errors under the cell, each with its line: click one to put the cursor there. */
  private problemList(problems: readonly TypeProblem[]): TemplateResult | typeof nothing {
    if (!problems.length) return nothing;
    return html`<ul class="type-problems">${problems.slice(0, 5).map((p) => html`<li>
      <button class="link" @click=${() => this.reveal(p.line, p.column)}>line ${p.line}</button> ${p.message.split('\n')[0]}</li>`)}
      ${problems.length > 5 ? html`<li class="more">and ${problems.length - 5} more</li>` : nothing}</ul>`;
  }

  /** Cursor to a position, creating the editor first if the cell has none yet. */
  reveal(line: number, column: number): void {
    if (this.editor) {
      this.editor.reveal(line, column);
      return;
    }
    this.pendingReveal = { line, column };
    this.ensureEditor(true);
  }
}

function languageName(language: string): string {
  return language === 'r' ? 'R' : language.charAt(0).toUpperCase() + language.slice(1);
}

customElements.define('nb-cell', NbCell);
