// A Vega-Lite output: drawn lazily with vega-embed, redrawn when its spec changes (a display
// handle's update()), and released when the output goes away.
import { LitElement, html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type { ChartView } from './vega-entry';
import { loadVega } from './vega-loader';
import { addedRows } from './chart-diff';

export class NbVega extends LitElement {
  static override properties = { spec: { attribute: false }, failure: { state: true } };
  declare spec: object | null;
  declare failure: string | null;
  private view: ChartView | null = null;
  /** The spec the view shows (rows inserted since included). */
  private shown: object | null = null;
  private drawing = 0;

  constructor() {
    super();
    this.spec = null;
    this.failure = null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.finalize();
    this.view = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('spec') && this.spec) void this.draw(this.spec);
  }

  private async draw(spec: object): Promise<void> {
    const ticket = ++this.drawing;
    const added = this.view && this.shown ? addedRows(this.shown, spec) : null;
    if (added && this.view) {
      // A growing chart (display handle append()): insert the new rows into the live view.
      this.shown = spec;
      for (const { dataset, rows } of added) await this.view.insert(dataset, rows);
      return;
    }
    try {
      const { renderVegaLite } = await loadVega();
      const host = this.querySelector<HTMLElement>('.chart');
      if (ticket !== this.drawing || !host) return; // a newer spec arrived meanwhile
      this.view?.finalize();
      this.view = await renderVegaLite(host, spec);
      this.shown = spec;
      this.failure = null;
    } catch (e) {
      if (ticket === this.drawing) this.failure = `This chart could not be drawn: ${(e as Error).message}`;
    }
  }

  override render(): TemplateResult {
    return html`<div class="chart" aria-label="chart"></div>${this.failure ? html`<div class="out-note">${this.failure}</div>` : ''}`;
  }
}

customElements.define('nb-vega', NbVega);
