// The notebook toolbar: cell and kernel actions, and the kernel status indicator.
import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import type { CellType } from '../document';
import type { KernelStatus } from '../session/kernel-client';

export type ToolbarAction =
  | 'save' | 'insert-above' | 'insert-below' | 'delete' | 'move-up' | 'move-down' | 'undo' | 'redo'
  | 'run' | 'run-all' | 'run-above' | 'run-below' | 'interrupt' | 'restart' | 'restart-run-all' | 'clear-outputs'
  | 'type-code' | 'type-markdown' | 'type-raw' | 'home' | 'reset-cell' | 'reset-notebook'
  | 'download' | 'download-md' | 'download-html';

const STATUS_TEXT: Record<KernelStatus, string> = {
  starting: 'Kernel starting',
  idle: 'Kernel idle',
  busy: 'Kernel busy',
  restarting: 'Kernel restarting',
  dead: 'Kernel dead',
};

export class NbToolbar extends LitElement {
  static override properties = {
    kernel: { attribute: false },
    cellType: { attribute: false },
    title: { attribute: false },
    lesson: { attribute: false },
    editingTitle: { state: true },
  };
  /** True on a learner's copy of a lesson: offers the resets to the original. */
  declare lesson: boolean;
  declare editingTitle: boolean;
  declare kernel: KernelStatus;
  declare cellType: CellType | null;
  declare title: string;

  constructor() {
    super();
    this.kernel = 'starting';
    this.cellType = null;
    this.title = '';
    this.lesson = false;
    this.editingTitle = false;
  }

  private renameTo(input: HTMLInputElement): void {
    const title = input.value.trim();
    this.editingTitle = false;
    if (title && title !== this.title) this.dispatchEvent(new CustomEvent('rename', { detail: title, bubbles: true }));
  }

  private titleView(): TemplateResult {
    if (!this.editingTitle) {
      return html`<button class="nb-title" title="Rename this notebook" aria-label="Notebook title: ${this.title}. Click to rename."
        @click=${() => (this.editingTitle = true)}>${this.title || 'Untitled'}</button>`;
    }
    return html`<input class="nb-title-input" aria-label="Notebook title" .value=${this.title}
      @keydown=${(e: KeyboardEvent) => {
        e.stopPropagation(); // the notebook's command-mode keys must not see typing here
        if (e.key === 'Enter') this.renameTo(e.target as HTMLInputElement);
        if (e.key === 'Escape') this.editingTitle = false;
      }}
      @blur=${(e: FocusEvent) => this.editingTitle && this.renameTo(e.target as HTMLInputElement)}>`;
  }

  protected override updated(): void {
    if (this.editingTitle) this.querySelector<HTMLInputElement>('.nb-title-input')?.focus();
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private button(action: ToolbarAction, label: string, tip: string, extra = ''): TemplateResult {
    return html`<button class="tb ${extra}" data-action=${action} title=${tip} aria-label=${tip}
      @click=${() => this.fire(action)}>${label}</button>`;
  }

  override render(): TemplateResult {
    return html`<header class="toolbar" role="toolbar">
      <a class="brand" href="#/" title="All notebooks">∇ Nabla</a>
      ${this.titleView()}
      <div class="group">
        ${this.button('save', 'Save', 'Save in this browser (Ctrl+S)')}
      </div>
      <div class="group">
        ${this.button('insert-above', '+↑', 'Insert cell above (A)')}
        ${this.button('insert-below', '+↓', 'Insert cell below (B)')}
        ${this.button('delete', '✕', 'Delete cell (D D)')}
        ${this.button('move-up', '▲', 'Move cell up (Ctrl+↑)')}
        ${this.button('move-down', '▼', 'Move cell down (Ctrl+↓)')}
        ${this.button('undo', '↶', 'Undo cell operation (Z)')}
        ${this.button('redo', '↷', 'Redo cell operation (Shift+Z)')}
      </div>
      <div class="group">
        ${this.button('run', '▶ Run', 'Run cell and select below (Shift+Enter)', 'primary')}
        ${this.button('run-all', 'Run all', 'Run all cells')}
        ${this.button('interrupt', '■', 'Interrupt the kernel (I I)')}
        ${this.button('restart', '↻', 'Restart the kernel (0 0)')}
      </div>
      <label class="group cell-type">
        <span class="sr-only">Cell type</span>
        <select aria-label="Cell type" @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value as CellType;
          this.fire(`type-${v}`);
        }}>
          <option value="code" ?selected=${this.cellType === 'code'}>Code</option>
          <option value="markdown" ?selected=${this.cellType === 'markdown'}>Markdown</option>
          <option value="raw" ?selected=${this.cellType === 'raw'}>Raw</option>
        </select>
      </label>
      <details class="menu" @click=${(e: Event) => {
        if ((e.target as HTMLElement).closest('button')) (e.currentTarget as HTMLDetailsElement).open = false;
      }}>
        <summary class="tb" title="More actions">More ▾</summary>
        <div class="menu-items" role="menu">
          ${this.button('run-above', 'Run all above', 'Run every cell above the selected one')}
          ${this.button('run-below', 'Run selected and below', 'Run the selected cell and every cell below it')}
          ${this.button('restart-run-all', 'Restart kernel and run all', 'Restart the kernel, then run every cell')}
          ${this.button('clear-outputs', 'Clear all outputs', 'Clear the outputs of every cell')}
          ${this.lesson
            ? html`${this.button('reset-cell', 'Reset cell to the original', "Put the selected cell back as the lesson has it")}
                ${this.button('reset-notebook', 'Reset lesson to the original', 'Start the lesson over; your current version goes to the trash')}`
            : ''}
          ${this.button('download', 'Download .ipynb', 'Save as a Jupyter notebook file (opens in Jupyter, with outputs)')}
          ${this.button('download-md', 'Download Markdown', 'Save as Markdown: text and code, no outputs')}
          ${this.button('download-html', 'Download HTML', 'Save as one web page with every output, readable without Nabla')}
        </div>
      </details>
      <span class="kernel-status status-${this.kernel}" role="status" aria-live="polite" data-status=${this.kernel}>
        <span class="dot"></span>${STATUS_TEXT[this.kernel]}
      </span>
    </header>`;
  }

  private fire(action: ToolbarAction): void {
    this.dispatchEvent(new CustomEvent('toolbar-action', { detail: action, bubbles: true }));
  }
}

customElements.define('nb-toolbar', NbToolbar);
