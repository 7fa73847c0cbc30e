// The outputs of one code cell: streams, rich displays, results and errors.
import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { UNTRUSTED } from '../document';
import type { DisplayDataOutput, ExecuteResultOutput, Output } from '../document';
import { renderBundle } from './rendermime';
import type { Trust } from '../document/mime-rank';

export class NbOutputs extends LitElement {
  static override properties = { outputs: { attribute: false } };
  declare outputs: readonly Output[];

  constructor() {
    super();
    this.outputs = [];
  }

  // Light DOM: global styles (KaTeX, app.css) must reach rendered outputs.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult | typeof nothing {
    if (this.outputs.length === 0) return nothing;
    return html`<div class="outputs">${this.outputs.map((o) => renderOutput(o))}</div>`;
  }
}

/** Outputs that came in a file (marked on import) prefer safe renderers; the kernel's own are trusted. */
function trustOf(o: DisplayDataOutput | ExecuteResultOutput): Trust {
  return o.metadata[UNTRUSTED] === true ? 'untrusted' : 'trusted';
}

function renderOutput(o: Output): TemplateResult {
  switch (o.output_type) {
    case 'stream':
      return html`<pre class="out-stream ${o.name}">${o.text.replace(/\r$/, '')}</pre>`;
    case 'error':
      return html`<pre class="out-error" role="alert"><span class="ename">${o.ename}</span>: ${o.evalue}${o.traceback
        .slice(1)
        .map((line) => `\n${line}`)
        .join('')}</pre>`;
    case 'execute_result':
      return html`<div class="out-result">${renderBundle(o.data, trustOf(o))}</div>`;
    case 'display_data':
      return html`<div class="out-display">${renderBundle(o.data, trustOf(o))}</div>`;
  }
}

customElements.define('nb-outputs', NbOutputs);
