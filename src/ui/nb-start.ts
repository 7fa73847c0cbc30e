// The start page: new notebook, the lessons, the notebooks saved in this browser (rename,
// duplicate, delete to a trash), the trash, and how much the browser stores for us.
import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatBytes } from '../document';
import { formatAgo } from './format';

export interface SavedNotebook {
  readonly id: string;
  readonly title: string;
  readonly modified: number;
  readonly lesson?: string;
}

export interface TrashedNotebook extends SavedNotebook {
  readonly key: string;
  readonly trashed: number;
}

export interface LessonCard {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  /** Its place in the course (1-17); absent for the welcome tour. */
  readonly number?: number;
  /** False for a course topic whose notebook is still to come. */
  readonly available: boolean;
  /** When the learner's copy was last changed; absent before the lesson was first opened. */
  readonly modified?: number;
  readonly progress?: { readonly codeCells: number; readonly cellsRun: number; readonly checks: number; readonly checksPassed: number };
}

export interface StorageView {
  /** False when notebooks only last until the tab closes (IndexedDB refused). */
  readonly durable: boolean;
  readonly usage: number | null;
  readonly quota: number | null;
  readonly persisted: boolean | null;
  readonly trashDays: number;
}

export type LibraryAction =
  | { readonly type: 'rename'; readonly id: string; readonly title: string }
  | { readonly type: 'duplicate'; readonly id: string }
  | { readonly type: 'trash'; readonly id: string }
  | { readonly type: 'restore'; readonly key: string }
  | { readonly type: 'delete-forever'; readonly key: string }
  | { readonly type: 'persist' }
  | { readonly type: 'import'; readonly file: File };

export class NbStart extends LitElement {
  static override properties = {
    saved: { attribute: false },
    trash: { attribute: false },
    lessons: { attribute: false },
    storage: { attribute: false },
    renaming: { state: true },
  };
  declare saved: readonly SavedNotebook[];
  declare trash: readonly TrashedNotebook[];
  declare lessons: readonly LessonCard[];
  declare storage: StorageView | null;
  declare renaming: string | null;

  constructor() {
    super();
    this.saved = [];
    this.trash = [];
    this.lessons = [];
    this.storage = null;
    this.renaming = null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private fire(action: LibraryAction): void {
    this.dispatchEvent(new CustomEvent<LibraryAction>('library-action', { detail: action, bubbles: true }));
  }

  private commitRename(id: string, input: HTMLInputElement): void {
    const title = input.value.trim();
    this.renaming = null;
    if (title) this.fire({ type: 'rename', id, title });
  }

  private row(e: SavedNotebook): TemplateResult {
    const title = e.title || 'Untitled';
    const name = this.renaming === e.id
      ? html`<input class="rename" aria-label="New name" .value=${title}
          @keydown=${(ev: KeyboardEvent) => {
            if (ev.key === 'Enter') this.commitRename(e.id, ev.target as HTMLInputElement);
            if (ev.key === 'Escape') this.renaming = null;
          }}
          @blur=${(ev: FocusEvent) => this.renaming === e.id && this.commitRename(e.id, ev.target as HTMLInputElement)}>`
      : html`<a href="#/nb/${encodeURIComponent(e.id)}">${title}</a>${e.lesson ? html` <span class="tag">lesson</span>` : nothing}`;
    return html`<li data-id=${e.id}>
      <span class="name">${name}</span>
      <time datetime=${new Date(e.modified).toISOString()} title=${new Date(e.modified).toLocaleString()}>${formatAgo(e.modified)}</time>
      <span class="row-actions">
        <button class="link" data-action="rename" @click=${() => (this.renaming = e.id)}>Rename</button>
        <button class="link" data-action="duplicate" @click=${() => this.fire({ type: 'duplicate', id: e.id })}>Duplicate</button>
        <button class="link danger" data-action="trash" @click=${() => this.fire({ type: 'trash', id: e.id })}>Delete</button>
      </span>
    </li>`;
  }

  protected override updated(): void {
    this.querySelector<HTMLInputElement>('input.rename')?.focus();
  }

  /** "Improving Deep Neural Networks", topic by topic: open lessons link, the rest are marked as coming. */
  private course(): TemplateResult {
    const topics = this.lessons.filter((l) => l.number !== undefined);
    return html`<h2>The course: improving deep neural networks</h2>
      <ol class="course" data-testid="course">${topics.map((l) => {
        const p = l.progress;
        const done = p && p.checks > 0 && p.checksPassed === p.checks;
        return html`<li class=${l.available ? 'open' : 'soon'} data-slug=${l.slug}>
          <span class="num">${l.number}</span>
          ${l.available
            ? html`<a href="#/lesson/${l.slug}" data-testid=${`lesson-${l.slug}`}>${l.title}</a>`
            : html`<span class="title">${l.title}</span>`}
          <span class="status">${!l.available
            ? 'coming'
            : p
              ? html`<span class="meter" title="${p.cellsRun} of ${p.codeCells} code cells run"><span style="width:${Math.round((100 * p.cellsRun) / Math.max(p.codeCells, 1))}%"></span></span>
                  ${p.cellsRun}/${p.codeCells} cells run · ${done ? html`<strong class="done">all ${p.checks} checks pass</strong>` : `${p.checksPassed}/${p.checks} checks`}`
              : l.summary}</span>
        </li>`;
      })}</ol>`;
  }

  private storageLine(): TemplateResult | typeof nothing {
    const s = this.storage;
    if (!s) return nothing;
    if (!s.durable) {
      return html`<p class="storage-line warning" data-testid="storage-line">This browser does not let Nabla store notebooks here, so they last until this tab closes.
        Use “Download a copy” in a notebook to keep your work.</p>`;
    }
    const used = s.usage !== null && s.quota !== null ? `${formatBytes(s.usage)} used of ${formatBytes(s.quota)} available` : 'Stored in this browser';
    return html`<p class="storage-line" data-testid="storage-line">${used} ·
      ${s.persisted
        ? html`<span title="The browser promised not to clear Nabla's storage when space runs low.">kept safe from clean-up</span>`
        : html`the browser may clear this storage when space runs low.
          <button class="link" data-action="persist" @click=${() => this.fire({ type: 'persist' })}>Ask to keep it</button>`}</p>`;
  }

  override render(): TemplateResult {
    return html`<main class="start">
      <h1><span class="nabla">∇</span> Nabla</h1>
      <p class="lead">Learn how deep networks are trained, in TypeScript notebooks that run entirely in your browser.</p>
      <div class="cards">
        <a class="card" href="#/new" data-testid="new-notebook"><strong>New notebook</strong><span>An empty TypeScript notebook.</span></a>
        <label class="card" data-testid="open-file"><strong>Open a file…</strong><span>A Jupyter notebook (.ipynb) or a Markdown notebook (.md), or drop one anywhere on the page.</span>
          <input type="file" accept=".ipynb,.json,.md,.markdown" hidden @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = ''; // choosing the same file again must fire change again
            if (file) this.fire({ type: 'import', file });
          }}></label>
        ${this.lessons.filter((l) => l.number === undefined).map((l) => html`<a class="card" href="#/lesson/${l.slug}" data-testid=${`lesson-${l.slug}`}>
          <strong>${l.title}</strong><span>${l.summary}</span>
          ${l.modified !== undefined ? html`<span class="card-meta">Your copy · changed ${formatAgo(l.modified)}</span>` : nothing}</a>`)}
      </div>
      ${this.course()}
      ${this.saved.length
        ? html`<h2>Your notebooks</h2><ul class="saved" data-testid="saved">${this.saved.map((e) => this.row(e))}</ul>`
        : nothing}
      ${this.trash.length
        ? html`<details class="trash" data-testid="trash"><summary>Trash (${this.trash.length})</summary>
            <p class="hint">Deleted notebooks stay here for ${this.storage?.trashDays ?? 30} days.</p>
            <ul class="saved">${this.trash.map((t) => html`<li data-key=${t.key}>
              <span class="name">${t.title || 'Untitled'}</span>
              <time title=${new Date(t.trashed).toLocaleString()}>deleted ${formatAgo(t.trashed)}</time>
              <span class="row-actions">
                <button class="link" data-action="restore" @click=${() => this.fire({ type: 'restore', key: t.key })}>Restore</button>
                <button class="link danger" data-action="delete-forever" @click=${() => this.fire({ type: 'delete-forever', key: t.key })}>Delete forever</button>
              </span></li>`)}</ul></details>`
        : nothing}
      ${this.storageLine()}
    </main>`;
  }
}

customElements.define('nb-start', NbStart);
