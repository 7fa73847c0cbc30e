// Text edits on esbuild's output that never change its line count: stack traces of the
// rewritten cell are mapped back to the cell through esbuild's source map by line number.
import MagicString from 'magic-string';

const NOT_LINE_BREAK = /[^\n\r\u2028\u2029]/g;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** A JavaScript string literal that is safe to splice into a single line of code. */
export function quote(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Wraps MagicString so that every edit keeps lines. Nesting rule for insertions at one position:
 * edit inner constructs before the constructs around them (post-order); then `open` text of the
 * outer construct lands before the inner one's and its `close` text after.
 */
export class LineKeepingEditor {
  readonly ms: MagicString;

  constructor(private readonly src: string) {
    this.ms = new MagicString(src);
  }

  /** Replaces [start, end) by `text`, keeping the line breaks the range contained. */
  replace(start: number, end: number, text: string): void {
    noLineBreak(text);
    const full = text + this.src.slice(start, end).replace(NOT_LINE_BREAK, '');
    if (start === end) {
      // An empty range only ever ends a construct (a declaration without its `;`).
      if (full) this.ms.appendLeft(start, full);
    } else if (full) {
      this.ms.overwrite(start, end, full);
    } else {
      this.ms.remove(start, end);
    }
  }

  /** Inserts text that opens a construct starting at `pos`. */
  open(pos: number, text: string): void {
    noLineBreak(text);
    this.ms.prependRight(pos, text);
  }

  /** Inserts text that closes a construct ending at `pos`. */
  close(pos: number, text: string): void {
    noLineBreak(text);
    this.ms.appendLeft(pos, text);
  }
}

function noLineBreak(text: string): void {
  if (LINE_BREAK.test(text)) throw new Error('internal: a cell rewrite must not add line breaks');
}
