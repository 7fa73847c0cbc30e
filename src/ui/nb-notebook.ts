// The notebook view: the list of cells, the selection, and Jupyter's two keyboard modes
// (command mode: keys act on cells; edit mode: keys go to the editor).
import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { cellRuntime, notebookLanguage, runsHere } from '../document';
import { loadedEditorModule, whenEditorLoaded } from './editor-loader';
import type { Cell } from '../document';
import type { AppState, Store } from '../session/store';
import type { Session } from '../session/session';
import { clearOutputs, deleteCells, indexOfCell, insertCell, moveCell, setCellType, setSource } from '../session/commands';
import type { CellEventMap, NbCell, RunMode } from './nb-cell';
import { commandKey } from './keymap';
import './nb-cell';

export type Mode = 'command' | 'edit';

export class NbNotebook extends LitElement {
  static override properties = {
    state: { attribute: false },
    selectedId: { state: true },
    mode: { state: true },
  };
  declare state: AppState;
  declare selectedId: string | null;
  declare mode: Mode;
  store!: Store;
  session!: Session;
  /** Called by Ctrl/Cmd+S. */
  onSave: () => void = () => {};
  private pendingKey: string | null = null;
  private sentCells: readonly { id: string; source: string }[] = [];

  constructor() {
    super();
    this.selectedId = null;
    this.mode = 'command';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tabIndex = 0;
    this.addEventListener('keydown', this.onKeyDown);
    const on = <K extends keyof CellEventMap>(type: K, fn: (d: CellEventMap[K]) => void) =>
      this.addEventListener(type, (e) => fn((e as CustomEvent<CellEventMap[K]>).detail));
    on('cell-select', ({ cellId }) => (this.selectedId = cellId));
    on('cell-edit', ({ cellId }) => this.enterEdit(cellId));
    on('cell-escape', () => this.enterCommand());
    on('cell-source', ({ cellId, source }) => setSource(this.store, cellId, source));
    on('cell-run', ({ cellId, mode }) => this.runFrom(cellId, mode));
    on('cell-save', () => this.onSave());
    whenEditorLoaded(() => this.requestUpdate());
  }

  private get cells(): readonly Cell[] {
    return this.state.docState.doc.cells;
  }

  /** The selected cell id, falling back to the first cell when the selection was deleted. */
  get selection(): string | null {
    if (this.selectedId && this.cells.some((c) => c.id === this.selectedId)) return this.selectedId;
    return this.cells[0]?.id ?? null;
  }

  select(cellId: string | null, scroll = true): void {
    this.selectedId = cellId;
    if (scroll && cellId) void this.updateComplete.then(() => this.cellElement(cellId)?.scrollIntoView({ block: 'nearest' }));
  }

  enterEdit(cellId: string): void {
    this.selectedId = cellId;
    this.mode = 'edit';
    void this.updateComplete.then(() => this.cellElement(cellId)?.focusEditor());
  }

  /** Go to definition landed on another cell: select it, edit it, put the cursor on the name. */
  openCellAt(cellId: string, line: number, column: number): void {
    this.selectedId = cellId;
    this.mode = 'edit';
    void this.updateComplete.then(() => {
      const el = this.cellElement(cellId);
      el?.scrollIntoView({ block: 'center' });
      el?.reveal(line, column);
    });
  }

  /**
   * The editor's TypeScript service sees every code cell in notebook order (cells without an
   * editor too). Told only once Monaco is there: before that nobody asks it anything.
   */
  protected override updated(): void {
    const doc = this.state.docState.doc;
    const editors = loadedEditorModule();
    if (!editors || !runsHere(doc)) return;
    // Outputs change the document too (a live chart four times a second): only sources matter here.
    const code = doc.cells.filter((c) => c.cell_type === 'code');
    const same = code.length === this.sentCells.length && code.every((c, i) => this.sentCells[i]?.id === c.id && this.sentCells[i]?.source === c.source);
    if (same) return;
    this.sentCells = code.map((c) => ({ id: c.id, source: c.source }));
    editors.onOpenCell((id, line, column) => this.openCellAt(id, line, column));
    editors.setNotebookCells(this.sentCells);
  }

  enterCommand(): void {
    const el = this.selection ? this.cellElement(this.selection) : null;
    el?.blurEditor();
    this.mode = 'command';
    this.focus({ preventScroll: true });
  }

  /** Shift+Enter, Ctrl+Enter and Alt+Enter, from either mode. */
  runFrom(cellId: string, how: RunMode): void {
    const cell = this.cells.find((c) => c.id === cellId);
    if (!cell) return;
    if (cell.cell_type === 'code') this.session.run([cellId]);
    const i = indexOfCell(this.store.doc, cellId);
    if (how === 'stay') {
      if (cell.cell_type === 'markdown') this.enterCommand();
      return;
    }
    const wasEditing = this.mode === 'edit';
    if (how === 'insert' || i === this.cells.length - 1) {
      const id = insertCell(this.store, i + 1, 'code');
      this.enterEdit(id);
      return;
    }
    const next = this.cells[i + 1]!.id;
    this.select(next);
    if (wasEditing && this.cells[i + 1]!.cell_type === 'code') this.enterEdit(next);
    else this.enterCommand();
  }

  private cellElement(cellId: string): NbCell | null {
    return this.querySelector<NbCell>(`nb-cell[data-cell-id="${CSS.escape(cellId)}"]`);
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    if (this.mode === 'edit' || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    if (target.closest('.monaco-editor, input, textarea, select')) return;
    const key = commandKey(e);
    if (key === null) return;
    const selected = this.selection;
    const i = indexOfCell(this.store.doc, selected);
    const twice = (k: string) => {
      const hit = this.pendingKey === k;
      this.pendingKey = hit ? null : k;
      return hit;
    };
    if (key !== 'd' && key !== 'i' && key !== '0') this.pendingKey = null;
    let handled = true;
    switch (key) {
      case 'Enter':
        if (selected) this.enterEdit(selected);
        break;
      case 'Shift+Enter':
      case 'Mod+Enter':
      case 'Alt+Enter':
        if (selected) this.runFrom(selected, key === 'Shift+Enter' ? 'advance' : key === 'Mod+Enter' ? 'stay' : 'insert');
        break;
      case 'ArrowUp':
      case 'k':
        if (i > 0) this.select(this.cells[i - 1]!.id);
        break;
      case 'ArrowDown':
      case 'j':
        if (i >= 0 && i < this.cells.length - 1) this.select(this.cells[i + 1]!.id);
        break;
      case 'a':
        this.select(insertCell(this.store, Math.max(i, 0), 'code'));
        break;
      case 'b':
        this.select(insertCell(this.store, i + 1, 'code'));
        break;
      case 'd':
        if (twice('d') && selected) {
          const neighbour = this.cells[i + 1]?.id ?? this.cells[i - 1]?.id ?? null;
          deleteCells(this.store, [selected]);
          this.select(neighbour);
        }
        break;
      case 'z':
        this.store.undo();
        break;
      case 'Shift+z':
        this.store.redo();
        break;
      case 'm':
        if (selected) setCellType(this.store, selected, 'markdown');
        break;
      case 'y':
        if (selected) setCellType(this.store, selected, 'code');
        break;
      case 'r':
        if (selected) setCellType(this.store, selected, 'raw');
        break;
      case 'i':
        if (twice('i')) void this.session.interrupt();
        break;
      case '0':
        if (twice('0')) void this.session.restart();
        break;
      case 'o':
        if (selected) clearOutputs(this.store, selected);
        break;
      case 'Mod+ArrowUp':
        if (selected) moveCell(this.store, selected, -1);
        break;
      case 'Mod+ArrowDown':
        if (selected) moveCell(this.store, selected, 1);
        break;
      case 'Mod+s':
        this.onSave();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  override render(): TemplateResult {
    const selected = this.selection;
    const { runtime, diagnostics } = this.state;
    const language = notebookLanguage(this.state.docState.doc);
    return html`<div class="notebook mode-${this.mode}">
      ${repeat(
        this.cells,
        (c) => c.id,
        (c) => html`<nb-cell
          data-cell-id=${c.id}
          .cell=${c}
          .runtime=${cellRuntime(runtime, c.id)}
          .diagnostics=${diagnostics.get(c.id) ?? []}
          .language=${language}
          ?selected=${c.id === selected}
          ?editing=${c.id === selected && this.mode === 'edit'}
        ></nb-cell>`,
      )}
      <div class="add-cell">
        <button @click=${() => this.enterEdit(insertCell(this.store, this.cells.length, 'code'))}>+ Code</button>
        <button @click=${() => this.enterEdit(insertCell(this.store, this.cells.length, 'markdown'))}>+ Markdown</button>
      </div>
    </div>`;
  }
}

customElements.define('nb-notebook', NbNotebook);
