// Jupyter's rule: a cell whose source ends with `;` shows no Out[n]. Decided on the TypeScript
// source (esbuild's output always ends statements with `;`), with a small scanner that knows
// enough of the lexical grammar not to be fooled by comments, strings, templates and regexes.

/** After these, `/` starts a regular expression; after anything else it divides. */
const REGEX_AFTER_PUNCT = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_AFTER_WORD = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw',
  'case', 'do', 'else', 'yield', 'await',
]);
const WORD_CHAR = /[\p{ID_Continue}$\u200c\u200d]/u;
const SPACE = /\s/;

/** Whether the last character of `tsSource` that is not blank or in a comment is `;`. */
export function endsWithSemicolon(tsSource: string): boolean {
  const s = tsSource;
  let last = ''; // last significant character; '' before any
  let word = ''; // the last token, when it was a word
  // Brace depth at each `${` still open, so the matching `}` resumes the template.
  const templateDepths: number[] = [];
  let depth = 0;
  let i = 0;
  /** Scans template text from i; stops after the closing backtick or after `${`. */
  const template = (): void => {
    while (i < s.length) {
      const c = s[i];
      if (c === '\\') i += 2;
      else if (c === '`') return void i++;
      else if (c === '$' && s[i + 1] === '{') {
        templateDepths.push(depth);
        return void (i += 2);
      } else i++;
    }
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '/' && s[i + 1] === '/') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
      continue;
    }
    if (c === '/' && s[i + 1] === '*') {
      const close = s.indexOf('*/', i + 2);
      i = close < 0 ? s.length : close + 2;
      continue;
    }
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    const prevWord = word;
    const prev = last;
    last = c;
    word = '';
    if (c === '"' || c === "'") {
      i = skipString(s, i);
    } else if (c === '`') {
      i++;
      template();
    } else if (c === '}' && templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === depth) {
      templateDepths.pop();
      i++;
      template();
    } else if (c === '/' && (prev === '' || REGEX_AFTER_PUNCT.has(prev) || REGEX_AFTER_WORD.has(prevWord))) {
      i = skipRegex(s, i);
    } else if (WORD_CHAR.test(c)) {
      const start = i;
      while (i < s.length && WORD_CHAR.test(s[i])) i++;
      word = s.slice(start, i);
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      i++;
    }
  }
  return last === ';';
}

/** Index after the string literal opening at i (or the end of its line if unterminated). */
function skipString(s: string, i: number): number {
  const quote = s[i++];
  while (i < s.length && s[i] !== quote && s[i] !== '\n') i += s[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index after the regular expression literal opening at i, flags included. */
function skipRegex(s: string, i: number): number {
  let inClass = false;
  i++;
  while (i < s.length && s[i] !== '\n') {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) break;
    i++;
  }
  i++;
  while (i < s.length && WORD_CHAR.test(s[i])) i++;
  return i;
}
