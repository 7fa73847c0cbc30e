// Output renderers ranked by mime type, as JupyterLab's rendermime: the richest type a bundle
// carries wins. Untrusted markup (HTML, SVG, Markdown) is always sanitized before it is shown.
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import DOMPurify from 'dompurify';
import type { MimeBundle } from '../document';
import { renderMarkdown } from './markdown';
import './nb-vega';

interface Renderer {
  readonly mime: string;
  render(data: unknown): TemplateResult;
}

const purifier = DOMPurify(window);

function sanitize(markup: string, svg = false): string {
  return purifier.sanitize(markup, svg ? { USE_PROFILES: { svg: true, svgFilters: true } } : { FORBID_TAGS: ['style'] });
}

const text = (v: unknown): string => (Array.isArray(v) ? v.join('') : String(v));

export const RENDERERS: readonly Renderer[] = [
  {
    mime: 'application/vnd.vegalite.v5+json',
    render: (d) => html`<nb-vega .spec=${d}></nb-vega>`,
  },
  { mime: 'text/html', render: (d) => html`<div class="out-html">${unsafeHTML(sanitize(text(d)))}</div>` },
  { mime: 'image/svg+xml', render: (d) => html`<div class="out-svg">${unsafeHTML(sanitize(text(d), true))}</div>` },
  { mime: 'image/png', render: (d) => html`<img class="out-image" alt="output image" src=${`data:image/png;base64,${text(d).replace(/\s/g, '')}`}>` },
  { mime: 'image/jpeg', render: (d) => html`<img class="out-image" alt="output image" src=${`data:image/jpeg;base64,${text(d).replace(/\s/g, '')}`}>` },
  { mime: 'text/markdown', render: (d) => html`<div class="out-markdown markdown-body">${unsafeHTML(renderMarkdown(text(d)))}</div>` },
  { mime: 'text/plain', render: (d) => html`<pre class="out-text">${text(d)}</pre>` },
];

export function renderBundle(data: MimeBundle): TemplateResult {
  for (const r of RENDERERS) if (r.mime in data) return r.render(data[r.mime]);
  const types = Object.keys(data).join(', ') || 'nothing';
  return html`<div class="out-note">No renderer for ${types}.</div>`;
}
