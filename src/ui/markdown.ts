// Markdown cells and text/markdown outputs: markdown-it with TeX math by KaTeX, then DOMPurify.
// Notebooks come from anywhere (files, links), so the HTML is sanitised even though the
// markdown allows raw HTML: nothing in a notebook may run script in the page.
import MarkdownIt from 'markdown-it';
import katex from 'katex';
import DOMPurify from 'dompurify';
import type { Config, DOMPurify as Purifier } from 'dompurify';

type RuleInline = Parameters<MarkdownIt['inline']['ruler']['before']>[2];
type RuleBlock = Parameters<MarkdownIt['block']['ruler']['before']>[2];
type StateInline = Parameters<RuleInline>[0];
type StateBlock = Parameters<RuleBlock>[0];

export function renderMarkdown(source: string): string {
  return sanitizer().sanitize(md.render(source), SANITIZE);
}

function tex(source: string, displayMode: boolean): string {
  try {
    return katex.renderToString(source, { displayMode, throwOnError: false, output: 'htmlAndMathml' });
  } catch {
    // throwOnError only covers TeX syntax errors; anything else still must not break the cell.
    return `<code class="math-error">${md.utils.escapeHtml(source)}</code>`;
  }
}

/**
 * Where the delimiter that closes `from`'s math starts, or -1. A backslash escapes the next
 * character (`\$` inside math is a dollar sign), except where it begins the closer itself (`\)`).
 */
function findCloser(src: string, from: number, to: number, closer: string): number {
  for (let i = from; i < to; i++) {
    if (src.startsWith(closer, i) && i + closer.length <= to) return i;
    if (src[i] === '\\') i++;
  }
  return -1;
}

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

const INLINE_DELIMITERS: readonly (readonly [string, string, boolean])[] = [
  ['\\(', '\\)', false],
  ['\\[', '\\]', true],
  ['$$', '$$', true],
  ['$', '$', false],
];

/**
 * `$...$`, `$$...$$`, `\(...\)` and `\[...\]` inside a paragraph. A single `$` follows pandoc so
 * that prices stay prose: the opener is followed by a non-space, the first `$` after it closes,
 * and that closer must follow a non-space and not precede a digit ("$5 and $10" is not math).
 */
const mathInline: RuleInline = (state: StateInline, silent: boolean): boolean => {
  const { src, pos, posMax } = state;
  const delimiter = INLINE_DELIMITERS.find(([open]) => src.startsWith(open, pos));
  if (!delimiter) return false;
  const [open, close, display] = delimiter;
  const start = pos + open.length;
  if (open === '$' && isSpace(src[start])) return false;
  const end = findCloser(src, start, posMax, close);
  if (end < 0 || end === start) return false;
  if (open === '$' && (isSpace(src[end - 1]) || isDigit(src[end + 1]))) return false;
  if (!silent) {
    const token = state.push(display ? 'math_display' : 'math_inline', 'math', 0);
    token.content = src.slice(start, end).trim();
    token.markup = open;
  }
  state.pos = end + close.length;
  return true;
};

/** `$$` or `\[` opening a line: display math up to its closer, which must end its line. */
const mathBlock: RuleBlock = (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false; // indented code
  const { src } = state;
  const begin = state.bMarks[startLine] + state.tShift[startLine];
  const open = ['$$', '\\['].find((o) => src.startsWith(o, begin));
  if (!open) return false;
  const close = open === '$$' ? '$$' : '\\]';
  const parts: string[] = [];
  for (let line = startLine; line < endLine; line++) {
    const from = line === startLine ? begin + open.length : state.bMarks[line] + state.tShift[line];
    const to = state.eMarks[line];
    if (line > startLine && (state.isEmpty(line) || state.sCount[line] < state.blkIndent)) return false;
    const end = findCloser(src, from, to, close);
    if (end < 0) {
      parts.push(src.slice(from, to));
      continue;
    }
    if (src.slice(end + close.length, to).trim()) return false; // text after the closer: inline math
    parts.push(src.slice(from, end));
    if (silent) return true;
    const token = state.push('math_block', 'math', 0);
    token.block = true;
    token.content = parts.join('\n').trim();
    token.markup = open;
    token.map = [startLine, line + 1];
    state.line = line + 1;
    return true;
  }
  return false;
};

function mathPlugin(md: MarkdownIt): void {
  // Before 'escape', which would otherwise turn `\(` and `\[` into plain parentheses and brackets.
  md.inline.ruler.before('escape', 'math_inline', mathInline);
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.math_inline = (tokens, idx) => tex(tokens[idx].content, false);
  md.renderer.rules.math_display = (tokens, idx) => tex(tokens[idx].content, true);
  md.renderer.rules.math_block = (tokens, idx) => `<div class="math-block">${tex(tokens[idx].content, true)}</div>\n`;
}

const md = new MarkdownIt({ html: true, linkify: true, typographer: false }).use(mathPlugin);

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
