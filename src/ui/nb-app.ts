// The application shell: start page or notebook view, toolbar, kernel status and notices.
import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { AppState, Store } from '../session/store';
import type { Session } from '../session/session';
import { clearOutputs, deleteCells, indexOfCell, insertCell, moveCell, setCellType, setTitle } from '../session/commands';
import type { LessonCard, LibraryAction, SavedNotebook, StorageView, TrashedNotebook } from './nb-start';
import type { NbNotebook } from './nb-notebook';
import type { ToolbarAction } from './nb-toolbar';
import './nb-notebook';
import './nb-toolbar';
import './nb-start';

export type NotebookAction =
  | { readonly type: 'reset-cell'; readonly cellId: string }
  | { readonly type: 'reset-notebook' }
  | { readonly type: 'download'; readonly kind?: 'ipynb' | 'md' | 'html' };

export class NbApp extends LitElement {
  static override properties = {
    state: { attribute: false },
    view: { attribute: false },
    saved: { attribute: false },
    trash: { attribute: false },
    lessons: { attribute: false },
    storage: { attribute: false },
    lesson: { attribute: false },
  };
  declare state: AppState | null;
  declare view: 'start' | 'notebook';
  declare saved: readonly SavedNotebook[];
  declare trash: readonly TrashedNotebook[];
  declare lessons: readonly LessonCard[];
  declare storage: StorageView | null;
  /** The open notebook is a learner's copy of a lesson. */
  declare lesson: boolean;
  store!: Store;
  session!: Session;
  onSave: () => void = () => {};
  /** Notebook-library actions (start page, resets, download): main.ts owns storage and lessons. */
  onLibrary: (action: LibraryAction | NotebookAction) => void = () => {};

  constructor() {
    super();
    this.state = null;
    this.view = 'start';
    this.saved = [];
    this.trash = [];
    this.lessons = [];
    this.storage = null;
    this.lesson = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A notebook file dropped anywhere opens as a new notebook (the open one is left as it is).
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    this.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      this.classList.add('dropping');
    });
    this.addEventListener('dragleave', (e) => {
      if (e.target === this || !this.contains(e.relatedTarget as Node | null)) this.classList.remove('dropping');
    });
    this.addEventListener('drop', (e) => {
      this.classList.remove('dropping');
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      this.onLibrary({ type: 'import', file });
    });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private get notebook(): NbNotebook | null {
    return this.querySelector('nb-notebook');
  }

  private onAction(action: ToolbarAction): void {
    const nb = this.notebook;
    const store = this.store;
    const selected = nb?.selection ?? null;
    const i = indexOfCell(store.doc, selected);
    switch (action) {
      case 'save': this.onSave(); break;
      case 'insert-above': nb?.select(insertCell(store, Math.max(i, 0))); break;
      case 'insert-below': nb?.select(insertCell(store, i + 1)); break;
      case 'delete':
        if (selected) {
          const neighbour = store.doc.cells[i + 1]?.id ?? store.doc.cells[i - 1]?.id ?? null;
          deleteCells(store, [selected]);
          nb?.select(neighbour);
        }
        break;
      case 'move-up': if (selected) moveCell(store, selected, -1); break;
      case 'move-down': if (selected) moveCell(store, selected, 1); break;
      case 'undo': store.undo(); break;
      case 'redo': store.redo(); break;
      case 'run': if (selected) nb?.runFrom(selected, 'advance'); break;
      case 'run-all': this.session.runAll(); break;
      case 'run-above': if (selected) this.session.runAbove(selected); break;
      case 'run-below': if (selected) this.session.runBelow(selected); break;
      case 'interrupt': void this.session.interrupt(); break;
      case 'restart': void this.session.restart(); break;
      case 'restart-run-all': void this.session.restartAndRunAll(); break;
      case 'clear-outputs': clearOutputs(store); break;
      case 'type-code': if (selected) setCellType(store, selected, 'code'); break;
      case 'type-markdown': if (selected) setCellType(store, selected, 'markdown'); break;
      case 'type-raw': if (selected) setCellType(store, selected, 'raw'); break;
      case 'home': location.hash = '#/'; break;
      case 'reset-cell': if (selected) this.onLibrary({ type: 'reset-cell', cellId: selected }); break;
      case 'reset-notebook': this.onLibrary({ type: 'reset-notebook' }); break;
      case 'download': this.onLibrary({ type: 'download' }); break;
      case 'download-md': this.onLibrary({ type: 'download', kind: 'md' }); break;
      case 'download-html': this.onLibrary({ type: 'download', kind: 'html' }); break;
    }
  }

  private notice(): TemplateResult | typeof nothing {
    const notice = this.state?.notice;
    if (!notice) return nothing;
    return html`<div class="notice ${notice.kind}" role="status">${notice.text}
      ${notice.action ? html`<button class="notice-action" @click=${notice.action.run}>${notice.action.label}</button>` : nothing}
      <button class="dismiss" aria-label="Dismiss" @click=${() => this.store.update({ notice: null })}>×</button></div>`;
  }

  override render(): TemplateResult {
    const state = this.state;
    const banner = this.storage && !this.storage.durable
      ? html`<div class="notice warning storage-banner" role="status" data-testid="storage-banner">Notebooks cannot be stored in this browser
          (private window or storage turned off): your work lasts until this tab closes.
          ${this.view === 'notebook' ? html`<button class="notice-action" @click=${() => this.onLibrary({ type: 'download' })}>Download a copy</button>` : nothing}</div>`
      : nothing;
    if (this.view === 'start' || !state) {
      return html`${banner}${this.notice()}<nb-start .saved=${this.saved} .trash=${this.trash} .lessons=${this.lessons} .storage=${this.storage}
        @library-action=${(e: CustomEvent<LibraryAction>) => this.onLibrary(e.detail)}></nb-start>`;
    }
    const doc = state.docState.doc;
    const selected = doc.cells.find((c) => c.id === this.notebook?.selection) ?? doc.cells[0];
    return html`
      <nb-toolbar .kernel=${state.kernel} .cellType=${selected?.cell_type ?? null} .title=${doc.title} .lesson=${this.lesson}
        @toolbar-action=${(e: CustomEvent<ToolbarAction>) => this.onAction(e.detail)}
        @rename=${(e: CustomEvent<string>) => setTitle(this.store, e.detail)}></nb-toolbar>
      ${banner}
      ${this.notice()}
      ${state.kernel === 'dead'
        ? html`<div class="notice error">The kernel is not running. <button @click=${() => void this.session.restart()}>Restart kernel</button></div>`
        : nothing}
      <nb-notebook .state=${state} .store=${this.store} .session=${this.session} .onSave=${this.onSave}></nb-notebook>`;
  }
}

customElements.define('nb-app', NbApp);
