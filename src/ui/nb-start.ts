// The start page: a new notebook, the welcome notebook, and the notebooks saved in this browser.
import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import type { NotebookEntry } from '../storage/notebooks';

export class NbStart extends LitElement {
  static override properties = { saved: { attribute: false } };
  declare saved: readonly NotebookEntry[];

  constructor() {
    super();
    this.saved = [];
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    return html`<main class="start">
      <h1><span class="nabla">∇</span> Nabla</h1>
      <p class="lead">Learn how deep networks are trained, in TypeScript notebooks that run entirely in your browser.</p>
      <div class="cards">
        <a class="card" href="#/new" data-testid="new-notebook"><strong>New notebook</strong><span>An empty TypeScript notebook.</span></a>
        <a class="card" href="#/welcome" data-testid="welcome"><strong>Welcome to Nabla</strong><span>A five-minute tour: cells, outputs, interrupts.</span></a>
      </div>
      <p class="coming">The course lessons (initialization, gradient checking, optimizers, batch norm and more) are on their way.</p>
      ${this.saved.length
        ? html`<h2>Your notebooks</h2>
            <ul class="saved">
              ${this.saved.map((e) => html`<li><a href="#/nb/${e.id}">${e.title || 'Untitled'}</a> <time>${new Date(e.modified).toLocaleString()}</time></li>`)}
            </ul>`
        : ''}
    </main>`;
  }
}

customElements.define('nb-start', NbStart);
