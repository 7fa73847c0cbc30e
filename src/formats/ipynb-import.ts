// .ipynb text -> Notebook. Files come from anywhere, so the reader is strict about structure
// (a refusal names the place and the problem) and lenient about details (a missing source or a
// bad id becomes a warning and a sensible default), like Jupyter, which opens invalid notebooks
// and only logs what is wrong.
import { newId, type Attachments, type Cell, type Notebook } from '../document';
import { FormatError, describe, isRecord, joinBundle, joinText, sizeAbove, type Json } from './ipynb-lines';
import { readOutputs } from './ipynb-outputs';
import { upgradeV3 } from './ipynb-v3';

export const MAX_FILE_CHARS = 25 * 1024 * 1024;
export const MAX_SOURCE_CHARS = 1_000_000;
const MB = 1024 * 1024;

export interface ImportOptions {
  /** The file's name; without extension it titles a notebook whose metadata has no title. */
  readonly fileName?: string;
}

export interface ImportResult {
  readonly notebook: Notebook;
  /** What was repaired or left out, one plain sentence each; empty for a clean file. */
  readonly warnings: string[];
}

/** What reading one file needs to remember across cells. */
interface Reading {
  readonly warnings: string[];
  readonly ids: Set<string>;
  /** nbformat 4.5+ requires ids, so a missing or bad one is worth telling. */
  readonly idsRequired: boolean;
  /** "4.99": said when a newer file holds something Nabla does not know. */
  readonly newer?: string;
}

const VALID_ID = /^[a-zA-Z0-9-_]{1,64}$/;

/** Reads .ipynb (nbformat 3 or 4); throws FormatError when the file cannot be a notebook. */
export function fromIpynb(text: string, options: ImportOptions = {}): ImportResult {
  // Checked before parsing: JSON.parse of a huge file would freeze the page first.
  if (text.length > MAX_FILE_CHARS) {
    throw new FormatError(`The file is ${sizeAbove(text.length, MB, 25)} MB; Nabla opens notebooks up to 25 MB`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FormatError(`This file is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isRecord(json)) {
    throw new FormatError(`This file is JSON but not a notebook: it holds ${describe(json)}, where a notebook is an object with "nbformat" and "cells"`);
  }
  const warnings: string[] = [];
  const [major, minor] = version(json, warnings);
  const nb = major === 3 ? upgradeV3(json) : json;
  const newer = major === 4 && minor > 5 ? `${major}.${minor}` : undefined;
  if (newer) warnings.push(`This is nbformat ${newer}, newer than the 4.5 Nabla knows; what Nabla does not know is left out`);
  if (!Array.isArray(nb.cells)) {
    throw new FormatError(
      nb.cells === undefined
        ? `This nbformat ${major} file has no "cells" list`
        : `This file's "cells" is ${describe(nb.cells)}, not a list of cells`,
    );
  }
  const reading: Reading = { warnings, ids: new Set(), idsRequired: major === 4 && minor >= 5, newer };
  const cells = nb.cells.map((c: unknown, i) => readCell(c, `cells[${i}]`, reading));
  const metadata = notebookMetadata(nb.metadata, warnings);
  // The title lives in Notebook.title alone; export writes it back as metadata.title.
  const title = typeof metadata.title === 'string' ? metadata.title : undefined;
  if (title !== undefined) delete metadata.title;
  const name = title ?? baseName(options.fileName) ?? firstHeading(cells) ?? 'Untitled';
  return { notebook: { id: newId(), title: name, metadata, cells }, warnings };
}

function version(json: Json, warnings: string[]): [number, number] {
  const major = json.nbformat;
  if (major === undefined) {
    throw new FormatError('This file does not say which nbformat version it is (it has no "nbformat" field), so it is not a Jupyter notebook');
  }
  if (typeof major !== 'number' || !Number.isInteger(major)) {
    throw new FormatError(`This file's "nbformat" is ${JSON.stringify(major)}; a notebook gives its version as a whole number such as 4`);
  }
  const given = json.nbformat_minor ?? 0;
  const minor = typeof given === 'number' && Number.isInteger(given) && given >= 0 ? given : 0;
  if (minor !== given) warnings.push(`The file's nbformat_minor ${JSON.stringify(given)} is not a version number; read as ${major}.0`);
  if (major !== 3 && major !== 4) {
    const hint = major < 3 ? '. Open and save it in Jupyter, which upgrades it to version 4' : '';
    throw new FormatError(`This is nbformat ${major}.${minor}; Nabla reads notebooks of versions 3 and 4${hint}`);
  }
  return [major, minor];
}

function notebookMetadata(metadata: unknown, warnings: string[]): Record<string, unknown> {
  if (metadata === undefined) return {};
  if (!isRecord(metadata)) {
    warnings.push(`The notebook's metadata is ${describe(metadata)}, not an object; it was left out`);
    return {};
  }
  for (const key of ['kernelspec', 'language_info']) {
    const v = metadata[key];
    if (v !== undefined && !isRecord(v)) warnings.push(`metadata.${key} is ${describe(v)}, not an object; Jupyter will not know which kernel runs this notebook`);
  }
  return { ...metadata };
}

function readCell(cell: unknown, path: string, reading: Reading): Cell {
  if (!isRecord(cell)) throw new FormatError(`${path} is ${describe(cell)}, not a cell`);
  const type = cell.cell_type;
  if (type === undefined) throw new FormatError(`${path} has no cell_type`);
  const id = cellId(cell.id, path, reading);
  const metadata = cellMetadata(cell.metadata, path, reading.warnings);
  if (type === 'heading') {
    // A v3 cell type some tools still write into v4 files; nbformat turns it into markdown too.
    reading.warnings.push(`${path} is a "heading" cell, which nbformat 4 does not have; it became a markdown heading`);
    const level = typeof cell.level === 'number' && cell.level >= 1 ? Math.min(Math.floor(cell.level), 6) : 1;
    const text = source(cell, path, reading.warnings).split(/\r?\n|\r/).join(' ');
    return { id, cell_type: 'markdown', source: `${'#'.repeat(level)} ${text}`, metadata };
  }
  if (type === 'code') {
    const count = cell.execution_count;
    return {
      id,
      cell_type: 'code',
      source: source(cell, path, reading.warnings),
      metadata,
      outputs: readOutputs(cell.outputs, path, reading.warnings),
      execution_count: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null,
    };
  }
  if (type === 'markdown' || type === 'raw') {
    const attachments = readAttachments(cell.attachments, path, reading.warnings);
    const text = source(cell, path, reading.warnings);
    return attachments
      ? { id, cell_type: type, source: text, metadata, attachments }
      : { id, cell_type: type, source: text, metadata };
  }
  const newer = reading.newer ? ` (this file is nbformat ${reading.newer}, newer than the 4.5 Nabla knows)` : '';
  throw new FormatError(`${path} has cell_type ${JSON.stringify(type)}, which Nabla does not know: it reads code, markdown and raw cells${newer}`);
}

function cellId(id: unknown, path: string, reading: Reading): string {
  if (typeof id === 'string' && VALID_ID.test(id) && !reading.ids.has(id)) {
    reading.ids.add(id);
    return id;
  }
  if (reading.idsRequired) {
    const why =
      id === undefined ? 'has no id'
      : typeof id === 'string' && VALID_ID.test(id) ? `repeats the id ${JSON.stringify(id)} of an earlier cell`
      : `has the id ${JSON.stringify(id)}, which is not 1 to 64 letters, digits, "-" or "_"`;
    reading.warnings.push(`${path} ${why}; it got a new one`);
  }
  let fresh = newId();
  while (reading.ids.has(fresh)) fresh = newId();
  reading.ids.add(fresh);
  return fresh;
}

function cellMetadata(metadata: unknown, path: string, warnings: string[]): Record<string, unknown> {
  if (metadata === undefined) return {};
  if (isRecord(metadata)) return { ...metadata };
  warnings.push(`${path}'s metadata is ${describe(metadata)}, not an object; it was left out`);
  return {};
}

function source(cell: Json, path: string, warnings: string[]): string {
  if (cell.source === undefined) {
    warnings.push(`${path} has no source; it was read as empty`);
    return '';
  }
  const text = joinText(cell.source);
  if (text === undefined) throw new FormatError(`${path}'s source is ${describe(cell.source)}, not text`);
  if (text.length > MAX_SOURCE_CHARS) {
    const size = `${sizeAbove(text.length, 1e6, 1)} MB (${text.length.toLocaleString('en-US')} characters)`;
    throw new FormatError(`${path}'s source is ${size}; Nabla opens cells up to 1 MB (1,000,000 characters)`);
  }
  return text;
}

function readAttachments(value: unknown, path: string, warnings: string[]): Attachments | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    warnings.push(`${path}'s attachments are ${describe(value)}, not an object; they were left out`);
    return undefined;
  }
  const kept = Object.entries(value).filter(([name, bundle]) => {
    if (!isRecord(bundle)) warnings.push(`${path}'s attachment ${JSON.stringify(name)} is ${describe(bundle)}, not a mime bundle; it was left out`);
    return isRecord(bundle);
  });
  return Object.fromEntries(kept.map(([name, bundle]) => [name, joinBundle(bundle as Json)]));
}

function baseName(fileName: string | undefined): string | undefined {
  const base = fileName?.split(/[/\\]/).pop()?.replace(/\.[^.]*$/, '').trim();
  return base || undefined;
}

function firstHeading(cells: readonly Cell[]): string | undefined {
  for (const cell of cells) {
    if (cell.cell_type !== 'markdown') continue;
    const m = /^#[ \t]+(.*?)[ \t#]*$/m.exec(cell.source);
    if (m?.[1]) return m[1];
  }
  return undefined;
}
