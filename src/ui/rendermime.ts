// Output renderers, as JupyterLab's rendermime: mime-rank.ts picks the type a bundle shows (by
// rank, and by safety for untrusted outputs); this file draws it. Markup that can carry script
// (HTML, SVG, Markdown) is always sanitized before it is shown, whatever the trust.
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import DOMPurify from 'dompurify';
import type { MimeBundle } from '../document';
import { renderMarkdown } from './markdown';
import { preferredMimeType } from '../document/mime-rank';
import type { KnownMime, Trust } from '../document/mime-rank';
import './nb-vega';

const purifier = DOMPurify(window);

function sanitize(markup: string, svg = false): string {
  return purifier.sanitize(markup, svg ? { USE_PROFILES: { svg: true, svgFilters: true } } : { FORBID_TAGS: ['style'] });
}

const text = (v: unknown): string => (Array.isArray(v) ? v.join('') : String(v));

const image = (mime: string, d: unknown): TemplateResult =>
  html`<img class="out-image" alt="output image" src=${`data:${mime};base64,${text(d).replace(/\s/g, '')}`}>`;

/** A template for every type mime-rank.ts ranks (the Record type makes a missing one an error). */
const RENDER: Readonly<Record<KnownMime, (data: unknown) => TemplateResult>> = {
  'application/vnd.vegalite.v5+json': (d) => html`<nb-vega .spec=${d}></nb-vega>`,
  'text/html': (d) => html`<div class="out-html">${unsafeHTML(sanitize(text(d)))}</div>`,
  'image/svg+xml': (d) => html`<div class="out-svg">${unsafeHTML(sanitize(text(d), true))}</div>`,
  'image/png': (d) => image('image/png', d),
  'image/jpeg': (d) => image('image/jpeg', d),
  'text/markdown': (d) => html`<div class="out-markdown markdown-body">${unsafeHTML(renderMarkdown(text(d)))}</div>`,
  'text/plain': (d) => html`<pre class="out-text">${text(d)}</pre>`,
};

/** Draws a bundle's preferred type; outputs are trusted unless the notebook says otherwise. */
export function renderBundle(data: MimeBundle, trust: Trust = 'trusted'): TemplateResult {
  const mime = preferredMimeType(data, trust);
  if (mime !== undefined) return RENDER[mime](data[mime]);
  const types = Object.keys(data).join(', ') || 'nothing';
  return html`<div class="out-note">No renderer for ${types}.</div>`;
}
