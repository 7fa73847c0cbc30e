// Notebooks as Markdown, in the shape Jupytext calls "md": YAML front matter, fenced code blocks
// as code cells, the prose between them as markdown cells. Lessons are stored this way so that
// they diff well. Pure string <-> Notebook; outputs are not part of the format.
//
// Canonical form: what toMarkdown writes, and what toMarkdown(fromMarkdown(text)) gives back
// byte for byte.
// - Front matter first: "---", YAML, "---". Keys in this order: `title` (always), `nabla` (our
//   own metadata, when present), then `jupyter:` with every other notebook metadata key in stored
//   order, which is where Jupytext keeps notebook metadata. Block style, two-space indent, no line
//   folding, no anchors.
// - One blank line after the front matter and between cells, two between two markdown cells that
//   have no markers (Jupytext splits markdown cells at two blank lines). After the last cell's last
//   line comes one "\n"; a source that ends in "\n" therefore leaves one more blank line.
// - Code cell: a backtick fence with the notebook's language (`ts` for TypeScript) and, if the
//   cell has metadata, the metadata as one-line JSON; the source verbatim; the closing fence. The
//   fence is one backtick longer than the longest line of only backticks in the source (at least
//   three), so code holding ``` cannot close it.
// - Markdown cell: its source as it is, when that reads back as exactly this cell. Otherwise (it has
//   metadata; it is empty or starts with a blank line; it holds two blank lines in a row, a
//   `<!-- #region -->` line or a ``` fence of a language Jupytext runs (```python too, since
//   Jupytext would make that a code cell); or it ends inside a code block) it is written between
//   `<!-- #region -->` and `<!-- #endregion -->`, with the metadata as JSON after `#region`.
//   `#md` or `#markdown` replace `#region` when the source itself holds an `#endregion` line.
// - Raw cell: between `<!-- #raw -->` and `<!-- #endraw -->`, metadata likewise.
// Sources keep leading and trailing blank lines and final "\n"s; "\r\n" and "\r" become "\n".
// A raw cell holding the line `<!-- #endraw -->`, or a markdown cell holding all of the lines
// `<!-- #endregion -->`, `<!-- #endmd -->` and `<!-- #endmarkdown -->`, does not read back as one cell.
//
// Reading is lenient, as Jupytext is: no front matter (or no title in it) names the notebook after
// its first "# " heading, else after the file, else "Untitled"; keys beside `title` become metadata
// and the keys under `jupyter:` are merged in (and win); a code cell is a fence at column 0 whose
// first info word is ts, typescript, js, javascript or the notebook's language, with metadata as
// JSON or Jupytext's key=value pairs; other fences stay prose; an unclosed fence or region runs to
// the end of the file (as in CommonMark and Jupytext). Only a front matter that is unclosed, not
// YAML, not a mapping, or has a title that is not text throws a FormatError.
import { parseDocument, stringify } from 'yaml';
import { makeNotebook, newId, notebookLanguage } from '../document';
import type { Cell, Notebook } from '../document';
import { FormatError } from './errors';

export interface MarkdownReadOptions {
  /** Id of the cell at `index`; lessons pass fixed ids so that a reload finds the same cells. */
  readonly ids?: (index: number) => string;
  /** Names the notebook when neither front matter nor a "# " heading does. */
  readonly fileName?: string;
}

type Meta = Record<string, unknown>;
type Parsed = { cell_type: Cell['cell_type']; source: string; metadata: Meta };

const isMap = (v: unknown): v is Meta => typeof v === 'object' && v !== null && !Array.isArray(v);
const blank = (line: string): boolean => /^\s*$/.test(line);
const isEmpty = (m: Readonly<Meta>): boolean => Object.keys(m).length === 0;

const FRONT = /^---\s*$/;
const REGION = /^<!--\s*#(region|markdown|md|raw)(.*)-->\s*$/;
const regionEnd = (name: string): RegExp => new RegExp(`^<!--\\s*#end${name}\\s*-->\\s*$`);
// Jupytext ends a prose ``` block only at a bare ``` line; copied so both split cells alike.
const PROSE_FENCE_END = /^```\s*$/;
const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

const RUNNABLE = ['ts', 'typescript', 'js', 'javascript'];
// Fence words that make Jupytext (1.16 to 1.19, languages.py) start a code cell. Prose holding
// one is protected with a region on writing, so that Jupytext reads the same cells as we do.
const JUPYTEXT_LANGUAGES = [
  'r', 'bash', 'sh', 'python', 'python2', 'python3', 'coconut', 'javascript', 'js', 'perl', 'html',
  'latex', 'markdown', 'pypy', 'ruby', 'script', 'svg', 'matlab', 'octave', 'idl', 'robotframework',
  'spark', 'sql', 'cython', 'julia', 'c++', 'scheme', 'clojure', 'powershell', 'q', 'typescript',
  'scala', 'rust', 'csharp', 'fsharp', 'sos', 'java', 'groovy', 'c#', 'f#', 'cs', 'fs', 'sas',
  'haskell', 'tcl', 'gnuplot', 'ocaml', 'go', 'lua', 'stata', 'sage', 'xonsh', 'wolfram',
];

/** The fence word for a notebook language: `ts` as lessons are written, though Jupytext only knows `typescript`. */
function fenceWord(language: string): string {
  const word = language === 'typescript' ? 'ts' : language;
  return /^[\w+#.-]+$/.test(word) ? word : 'ts';
}

const codeLanguages = (language: string): Set<string> => new Set([...RUNNABLE, language, fenceWord(language)]);

// ---------------------------------------------------------------- reading

export function fromMarkdown(text: string, options: MarkdownReadOptions = {}): Notebook {
  const lines = toLines(text);
  const { data, body } = readFrontMatter(lines);
  const metadata = notebookMetadata(data);
  const language = notebookLanguage(makeNotebook('', [], metadata, ''));
  const parsed = readCells(lines, body, codeLanguages(language));
  const id = (i: number): string => options.ids?.(i) ?? newId();
  const cells = parsed.map((p, i): Cell =>
    p.cell_type === 'code'
      ? { id: id(i), cell_type: 'code', source: p.source, metadata: p.metadata, outputs: [], execution_count: null }
      : { id: id(i), cell_type: p.cell_type, source: p.source, metadata: p.metadata },
  );
  const title = titleOf(data, lines) ?? firstHeading(parsed) ?? baseName(options.fileName) ?? 'Untitled';
  return makeNotebook(title, cells, metadata);
}

/** Front-matter keys beside `title`, then the keys under `jupyter:` (which win), as Jupytext reads them. */
function notebookMetadata(data: Meta): Meta {
  const { title: _title, jupyter, ...rest } = data;
  return isMap(jupyter) ? { ...rest, ...jupyter } : jupyter === undefined ? rest : { ...rest, jupyter };
}

/** LF lines without the file's final "\n", so that a canonical file ends exactly where its last cell does. */
function toLines(text: string): string[] {
  let t = text.replace(/\r\n?/g, '\n');
  if (t.startsWith('\uFEFF')) t = t.slice(1);
  if (t.endsWith('\n')) t = t.slice(0, -1);
  return t === '' ? [] : t.split('\n');
}

function readFrontMatter(lines: readonly string[]): { data: Meta; body: number } {
  if (lines.length === 0 || !FRONT.test(lines[0]!)) return { data: {}, body: 0 };
  const close = lines.findIndex((l, i) => i > 0 && FRONT.test(l));
  if (close < 0) throw new FormatError('The front matter opened by "---" on line 1 is never closed: add a line "---" after its YAML');
  const yaml = lines.slice(1, close).join('\n');
  const doc = parseDocument(yaml, { prettyErrors: false });
  const error = doc.errors[0];
  // The YAML starts on file line 2, after the opening "---".
  if (error) throw new FormatError(`The front matter is not valid YAML at line ${lineAt(yaml, error.pos[0]) + 1}: ${error.message}`);
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    throw new FormatError(`The front matter (lines 1-${close + 1}) cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (data === null || data === undefined) return { data: {}, body: close + 1 };
  if (!isMap(data)) throw new FormatError(`The front matter (lines 1-${close + 1}) must be YAML keys and values such as "title: My notebook", not ${Array.isArray(data) ? 'a list' : 'a single value'}`);
  return { data, body: close + 1 };
}

const lineAt = (text: string, pos: number): number => text.slice(0, pos).split('\n').length;

function titleOf(data: Meta, lines: readonly string[]): string | undefined {
  const t = data.title;
  if (t === undefined || t === null) return undefined;
  if (typeof t === 'string') return t;
  if (typeof t === 'number' || typeof t === 'boolean') return String(t);
  const line = lines.findIndex((l) => /^title\s*:/.test(l)) + 1;
  const where = line > 0 ? ` (line ${line})` : '';
  throw new FormatError(`The front matter's title${where} must be text, not ${Array.isArray(t) ? 'a list' : 'keys and values'}`);
}

function readCells(lines: readonly string[], start: number, langs: ReadonlySet<string>): Parsed[] {
  const cells: Parsed[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    const region = REGION.exec(line);
    if (region) {
      const endRe = regionEnd(region[1]!);
      const end = findLine(lines, i + 1, (l) => endRe.test(l));
      cells.push({ cell_type: region[1] === 'raw' ? 'raw' : 'markdown', source: lines.slice(i + 1, end).join('\n'), metadata: regionMetadata(region[2]!) });
      i = end + 1;
      continue;
    }
    const open = opening(line, langs);
    if (open) {
      const end = findLine(lines, i + 1, (l) => closes(l, open.fence));
      cells.push({ cell_type: 'code', source: lines.slice(i + 1, end).join('\n'), metadata: parseOptions(open.options, false).metadata });
      i = end + 1;
      continue;
    }
    const { end, next } = scanMarkdown(lines, i, langs);
    cells.push({ cell_type: 'markdown', source: lines.slice(i, end).join('\n'), metadata: {} });
    i = next;
  }
  return cells;
}

/** The first line from `from` that `is` accepts, else the end: an unclosed block runs to the end of the file. */
function findLine(lines: readonly string[], from: number, is: (line: string) => boolean): number {
  let k = from;
  while (k < lines.length && !is(lines[k]!)) k++;
  return k;
}

/** A code cell's opening fence: backticks at column 0, then a runnable language word. */
function opening(line: string, langs: ReadonlySet<string>): { fence: number; options: string } | null {
  const m = /^(`{3,})([^`]*)$/.exec(line);
  if (!m) return null;
  const info = m[2]!.trim();
  const word = info.split(/\s/, 1)[0]!;
  return langs.has(word.toLowerCase()) ? { fence: m[1]!.length, options: info.slice(word.length) } : null;
}

/** CommonMark's closing fence: up to three spaces, at least as many backticks, nothing else. */
function closes(line: string, fence: number): boolean {
  const m = /^ {0,3}(`{3,})[ \t]*$/.exec(line);
  return m !== null && m[1]!.length >= fence;
}

/**
 * Where a markdown cell starting at `start` ends, by Jupytext's rules (cell_reader.py): before a
 * region or code fence (dropping one blank line), at two blank lines followed by text (dropping
 * those two), or at the end; blank lines inside ``` prose blocks and indented code do not count.
 * `clean` says the scan did not end inside such a block, which would swallow what follows.
 */
function scanMarkdown(lines: readonly string[], start: number, langs: ReadonlySet<string>): { end: number; next: number; clean: boolean } {
  let prevBlank = 0;
  let inFence = false;
  let inIndented = false;
  for (let k = start; k < lines.length; k++) {
    const line = lines[k]!;
    const isBlank = blank(line);
    if (inFence && PROSE_FENCE_END.test(line)) {
      inFence = false;
      continue;
    }
    if (prevBlank && !isBlank && line.startsWith('    ')) {
      inIndented = true;
      prevBlank = 0;
      continue;
    }
    if (inIndented && !isBlank && !line.startsWith('    ')) inIndented = false;
    if (inIndented || inFence) continue;
    if (REGION.test(line) || opening(line, langs)) return { end: prevBlank ? k - 1 : k, next: k, clean: true };
    if (line.startsWith('```')) {
      if (prevBlank >= 2) return { end: k - 2, next: k, clean: true };
      inFence = true;
      prevBlank = 0;
    } else if (isBlank) prevBlank++;
    else if (prevBlank >= 2) return { end: k - 2, next: k, clean: true };
    else prevBlank = 0;
  }
  return { end: lines.length, next: lines.length, clean: !inFence && !inIndented };
}

function regionMetadata(text: string): Meta {
  const { title, metadata } = parseOptions(text, true);
  return title ? { ...metadata, title } : metadata;
}

/**
 * Cell options as Jupytext writes them (cell_metadata.py): a JSON object, or key=value pairs with
 * JSON values and bare keys for null. A region marker may carry a title before them. Text that is
 * neither is kept, as Jupytext keeps it, under `incorrectly_encoded_metadata`.
 */
function parseOptions(text: string, allowTitle: boolean): { title: string; metadata: Meta } {
  const t = text.trim();
  const curly = t.indexOf('{');
  const eq = t.indexOf('=');
  if (curly >= 0 && (eq < 0 || curly < eq)) {
    let json: unknown;
    try {
      json = JSON.parse(t.slice(curly));
    } catch {
      json = undefined;
    }
    return { title: t.slice(0, curly).trim(), metadata: isMap(json) ? json : { incorrectly_encoded_metadata: t.slice(curly) } };
  }
  if (!allowTitle) return { title: '', metadata: keyValues(t) };
  const words = (eq >= 0 ? t.slice(0, eq) : t).split(' ');
  if (eq >= 0) {
    while (words.length && !words[words.length - 1]) words.pop();
    words.pop(); // the key before "="
  }
  while (words.length && (!words[words.length - 1]!.trim() || words[words.length - 1]!.startsWith('.'))) words.pop();
  const title = words.join(' ');
  return { title, metadata: keyValues(t.slice(title.length)) };
}

const IDENTIFIER = /^[a-zA-Z_.]+[a-zA-Z0-9_.]*$/;

/** Jupytext's parse_key_equal_value: tries each "=" from the right until the value is JSON. */
function keyValues(text: string): Meta {
  const t = text.trim();
  if (!t) return {};
  const lastSpace = t.lastIndexOf(' ');
  const tail = t.slice(lastSpace + 1);
  if (!t.startsWith('--') && IDENTIFIER.test(tail)) return { ...(lastSpace > 0 ? keyValues(t.slice(0, lastSpace)) : {}), [tail]: null };
  for (let eq = t.lastIndexOf('='); eq > 0; eq = t.lastIndexOf('=', eq - 1)) {
    const before = t.slice(0, eq).trimEnd();
    const space = before.lastIndexOf(' ');
    const key = t.slice(space + 1, eq).trim();
    if (!IDENTIFIER.test(key.replaceAll('.', ''))) continue;
    let value: unknown;
    try {
      value = JSON.parse(t.slice(eq + 1));
    } catch {
      continue;
    }
    return { ...(space > 0 ? keyValues(t.slice(0, space)) : {}), [key]: value };
  }
  return { incorrectly_encoded_metadata: t };
}

/** The text of the first "# " heading outside fenced blocks of the markdown cells. */
function firstHeading(cells: readonly Parsed[]): string | undefined {
  for (const cell of cells) {
    if (cell.cell_type !== 'markdown') continue;
    let fence = '';
    for (const line of cell.source.split('\n')) {
      const f = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (fence) {
        if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && blank(f[2]!)) fence = '';
        continue;
      }
      if (f) fence = f[1]!;
      const h = fence ? null : /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
      if (h?.[1]) return h[1];
    }
  }
  return undefined;
}

function baseName(fileName: string | undefined): string | undefined {
  const name = fileName?.split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '');
  return name || undefined;
}

// ---------------------------------------------------------------- writing

export function toMarkdown(nb: Notebook): string {
  const language = notebookLanguage(nb);
  const word = fenceWord(language);
  // Prose is checked against Jupytext's languages too, so that Jupytext splits it as we do.
  const guard = new Set([...JUPYTEXT_LANGUAGES, ...codeLanguages(language)]);
  let out = frontMatter(nb);
  let previousPlain = false;
  nb.cells.forEach((cell, k) => {
    const source = cell.source.replace(/\r\n?/g, '\n');
    const lines = source === '' ? [] : source.split('\n');
    let block: string[];
    let plain = false;
    if (cell.cell_type === 'code') block = codeBlock(lines, cell.metadata, word);
    else if (cell.cell_type === 'raw') block = region(['raw'], lines, cell.metadata);
    else if (isEmpty(cell.metadata) && plainMarkdown(lines, guard)) [block, plain] = [lines, true];
    else block = region(['region', 'md', 'markdown'], lines, cell.metadata);
    out += (k === 0 ? '\n' : plain && previousPlain ? '\n\n\n' : '\n\n') + block.join('\n');
    previousPlain = plain;
  });
  return nb.cells.length ? out + '\n' : out;
}

function frontMatter(nb: Notebook): string {
  const { nabla, ...jupyter } = nb.metadata;
  const root: Meta = { title: nb.title };
  if (nabla !== undefined) root.nabla = nabla;
  if (!isEmpty(jupyter)) root.jupyter = jupyter;
  return `---\n${stringify(root, YAML_OPTIONS)}---\n`;
}

function codeBlock(lines: readonly string[], metadata: Readonly<Meta>, word: string): string[] {
  let longest = 0;
  for (const line of lines) {
    const m = /^ {0,3}(`{3,})[ \t]*$/.exec(line);
    if (m) longest = Math.max(longest, m[1]!.length);
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  // CommonMark forbids backticks in a backtick fence's info string; JSON can spell them \u0060.
  const info = isEmpty(metadata) ? word : `${word} ${inlineJson(metadata).replaceAll('`', '\\u0060')}`;
  return [fence + info, ...lines, fence];
}

/** A source that reads back as this one markdown cell when written bare. */
function plainMarkdown(lines: readonly string[], guard: ReadonlySet<string>): boolean {
  // A leading blank line would be taken for the separator; a leading indent, after two blank
  // lines, for indented code continuing the cell before.
  if (lines.length === 0 || blank(lines[0]!) || lines[0]!.startsWith('    ')) return false;
  const scan = scanMarkdown(lines, 0, guard);
  return scan.end === lines.length && scan.clean;
}

function region(names: readonly string[], lines: readonly string[], metadata: Readonly<Meta>): string[] {
  const name = names.find((n) => { const end = regionEnd(n); return !lines.some((l) => end.test(l)); }) ?? names[0]!;
  // ">" only occurs inside JSON strings; escaping it keeps "-->" from ending the HTML comment.
  const meta = isEmpty(metadata) ? '' : ` ${inlineJson(metadata).replaceAll('>', '\\u003e')}`;
  return [`<!-- #${name}${meta} -->`, ...lines, `<!-- #end${name} -->`];
}

/** JSON on one line with Python's separators, as Jupytext writes cell metadata. */
function inlineJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inlineJson).join(', ')}]`;
  if (isMap(v)) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${inlineJson(x)}`).join(', ')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
