// The small pieces the .ipynb reader and writer share: the error a refused file raises, how
// nbformat stores text as lists of lines, which mime types keep their payload as JSON, and
// Jupyter's way of writing JSON.

// One error class for every format, so the page tells a refused file apart with one instanceof.
export { FormatError } from './errors';

export type Json = Readonly<Record<string, unknown>>;

import { isRecord } from '../document';

export { isRecord };

/** "a number", "a list", "null": for messages about a value of the wrong kind. */
export function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a true/false value' : 'a piece of text';
}

/** Lines that each keep their "\n", as Jupyter writes them: "a\nb" -> ["a\n", "b"], "" -> []. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** A string as it is, a list of strings joined; anything else is not text (undefined). */
export function joinText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((line) => typeof line === 'string')) return v.join('');
  return undefined;
}

/** nbformat's rule: these payloads are JSON values, never split or joined as text. */
export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}

// Base64 payloads stay one string as Jupyter writes them: splitting them gains no readable diff.
function isBinaryMime(mime: string): boolean {
  return (mime.startsWith('image/') && mime !== 'image/svg+xml') || mime === 'application/pdf';
}

/** A bundle as read from a file: text given as lists of lines becomes one string. */
export function joinBundle(bundle: Json): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(bundle).map(([mime, v]) => [mime, isJsonMime(mime) ? v : (joinText(v) ?? v)]),
  );
}

/** A bundle as written to a file: text becomes lists of lines, JSON and base64 stay whole. */
export function splitBundle(bundle: Json): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(bundle).map(([mime, v]) => [
      mime,
      typeof v === 'string' && !isJsonMime(mime) && !isBinaryMime(mime) ? splitLines(v) : v,
    ]),
  );
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isRecord(v)) return v;
  // fromEntries defines properties, so a key named "__proto__" stays a plain key.
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys(v[k])]),
  );
}

/**
 * JSON the way Jupyter writes notebooks (sorted keys, one-space indent, trailing newline), so a
 * file that goes back and forth between Jupyter and Nabla shows only real changes in a diff.
 */
export function jupyterJson(v: unknown): string {
  return JSON.stringify(sortKeys(v), null, 1) + '\n';
}

/**
 * `size` (characters) in `unit`s, with just enough decimals to show that it is above `limit`
 * units: 26 MB over 25 MB, but 25.000001 MB rather than a confusing "25 MB over 25 MB".
 */
export function sizeAbove(size: number, unit: number, limit: number): string {
  for (let digits = 1; digits <= 6; digits++) {
    const shown = Number((size / unit).toFixed(digits));
    if (shown > limit) return String(shown);
  }
  return String(size / unit);
}
