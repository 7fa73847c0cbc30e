// The notebook toolbar: cell and kernel actions, and the kernel status indicator.
import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import type { CellType } from '../document';
import type { KernelStatus } from '../session/kernel-client';

export type ToolbarAction =
  | 'save' | 'insert-above' | 'insert-below' | 'delete' | 'move-up' | 'move-down' | 'undo' | 'redo'
  | 'run' | 'run-all' | 'run-above' | 'run-below' | 'interrupt' | 'restart' | 'restart-run-all' | 'clear-outputs'
  | 'type-code' | 'type-markdown' | 'home';

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
  };
  declare kernel: KernelStatus;
  declare cellType: CellType | null;
  declare title: string;

  constructor() {
    super();
    this.kernel = 'starting';
    this.cellType = null;
    this.title = '';
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
      <span class="nb-title" title=${this.title}>${this.title}</span>
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
          this.fire(v === 'code' ? 'type-code' : 'type-markdown');
        }}>
          <option value="code" ?selected=${this.cellType === 'code'}>Code</option>
          <option value="markdown" ?selected=${this.cellType === 'markdown'}>Markdown</option>
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
