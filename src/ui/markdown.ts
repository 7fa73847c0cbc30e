// Markdown cells and text/markdown outputs: formats/markdown-render.ts (markdown-it, KaTeX math,
// attachments), then DOMPurify. Notebooks come from anywhere (files, links), so the HTML is
// sanitised even though the markdown allows raw HTML: nothing in a notebook may run script in the page.
import DOMPurify from 'dompurify';
import type { Config, DOMPurify as Purifier } from 'dompurify';
import { markdownToHtml } from '../formats/markdown-render';
import type { MarkdownOptions } from '../formats/markdown-render';

export type { MarkdownOptions };

export function renderMarkdown(source: string, options?: MarkdownOptions): string {
  return sanitizeHtml(markdownToHtml(source, options));
}

/**
 * Markup from a notebook made safe to show, with the rules markdown gets: HTML, MathML and SVG
 * kept, script, frames, forms and <style> dropped, outside links opened in a new tab. The .html
 * export (formats/html.ts) can take it as its `sanitize`.
 */
export function sanitizeHtml(html: string): string {
  return sanitizer().sanitize(html, SANITIZE);
}

const SANITIZE: Config = {
  USE_PROFILES: { html: true, mathMl: true, svg: true },
  // KaTeX's MathML wraps each formula in <semantics> with the TeX source in an <annotation>.
  ADD_TAGS: ['semantics', 'annotation'],
  ADD_ATTR: ['style'],
  // <style> would restyle the whole page, not just the cell.
  FORBID_TAGS: ['script', 'iframe', 'object', 'embed', 'form', 'style', 'base', 'meta', 'link'],
};

let purifier: Purifier | undefined;

/** A DOMPurify of our own, so that the link hook does not leak to other users of DOMPurify. */
function sanitizer(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    // In-page fragment links stay in the page; everything else opens a new tab without an opener.
    if (node.nodeName !== 'A' || !node.hasAttribute('href')) return;
    if (node.getAttribute('href')?.startsWith('#')) return;
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
  return purifier;
}
