// Markdown to HTML for both the page and the .html export: markdown-it with TeX math by KaTeX and
// nbformat attachments resolved to data: URLs. The HTML is NOT sanitized here (this folder has no
// DOM); every caller must sanitize it (the page with DOMPurify in ui/markdown.ts, the export
// through the sanitizer it is given).
import MarkdownIt from 'markdown-it';
import katex from 'katex';

type RuleInline = Parameters<MarkdownIt['inline']['ruler']['before']>[2];
type RuleBlock = Parameters<MarkdownIt['block']['ruler']['before']>[2];
type RuleCore = Parameters<MarkdownIt['core']['ruler']['push']>[1];
type StateInline = Parameters<RuleInline>[0];
type StateBlock = Parameters<RuleBlock>[0];
type Token = StateInline['tokens'][number];

export interface MarkdownOptions {
  /**
   * 'htmlAndMathml' (the default) needs KaTeX's CSS and fonts, which the page has; 'mathml' is
   * drawn by the browser itself, for a standalone file that must load nothing.
   */
  readonly math?: 'htmlAndMathml' | 'mathml';
  /** The cell's nbformat attachments: name -> mime bundle of base64 data. */
  readonly attachments?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Passed through markdown-it's `env`, so that one shared instance serves every option. */
interface Env {
  readonly math: 'htmlAndMathml' | 'mathml';
  readonly attachments: MarkdownOptions['attachments'];
}

/**
 * Unsanitized HTML for a markdown source.
 * @example markdownToHtml('$x^2$', { math: 'mathml' }) // '<p><span class="katex"><math ...'
 */
export function markdownToHtml(source: string, options: MarkdownOptions = {}): string {
  const env: Env = { math: options.math ?? 'htmlAndMathml', attachments: options.attachments };
  return md.render(source, env);
}

function tex(source: string, displayMode: boolean, env: Env): string {
  try {
    return katex.renderToString(source, { displayMode, throwOnError: false, output: env.math });
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
  md.renderer.rules.math_inline = (tokens, idx, _o, env: Env) => tex(tokens[idx].content, false, env);
  md.renderer.rules.math_display = (tokens, idx, _o, env: Env) => tex(tokens[idx].content, true, env);
  md.renderer.rules.math_block = (tokens, idx, _o, env: Env) =>
    `<div class="math-block">${tex(tokens[idx].content, true, env)}</div>\n`;
}

/** The types an `attachment:` image may resolve to, the preferred first. */
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'];
const PREFIX = 'attachment:';

/**
 * A data: URL for `attachment:name`, or undefined. The name was percent-encoded by markdown-it's
 * normalizeLink (and often by the tool that wrote it), so the decoded name is tried first.
 */
function attachmentUrl(src: string, attachments: Env['attachments']): string | undefined {
  if (!attachments || !src.startsWith(PREFIX)) return undefined;
  const raw = src.slice(PREFIX.length);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A lone '%' is not an escape: look the name up as written.
  }
  const name = [decoded, raw].find((n) => Object.hasOwn(attachments, n));
  const bundle = name === undefined ? undefined : attachments[name];
  const mime = bundle && IMAGE_TYPES.find((m) => Object.hasOwn(bundle, m));
  if (!bundle || !mime) return undefined;
  const data = bundle[mime];
  const base64 = (Array.isArray(data) ? data.join('') : String(data)).replace(/\s/g, '');
  return `data:${mime};base64,${base64}`;
}

/**
 * Resolves `![alt](attachment:name)` on the token stream, so the renderer escapes the result
 * like any other attribute: a hostile name or payload can never break out of `src="..."`.
 */
const resolveAttachments: RuleCore = (state) => {
  const env = state.env as Env | undefined;
  if (!env?.attachments) return;
  const visit = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      if (token.children) visit(token.children);
      if (token.type !== 'image') continue;
      const url = attachmentUrl(token.attrGet('src') ?? '', env.attachments);
      if (url !== undefined) token.attrSet('src', url);
    }
  };
  visit(state.tokens);
};

const md = new MarkdownIt({ html: true, linkify: true, typographer: false }).use(mathPlugin);
md.core.ruler.push('attachments', resolveAttachments);
