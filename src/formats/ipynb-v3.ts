// nbformat 3 (IPython 1-2, 2013-2015) rewritten into nbformat 4's shape, the way nbformat's own
// v4/convert.py upgrades it, so one reader handles both. Only the layout changes here; the v4
// reader still checks every value.
import { FormatError, describe, isRecord, joinText, type Json } from './ipynb-lines';

// v3 stored output payloads under short names beside output_type.
const MIME_OF_ALIAS: Readonly<Record<string, string>> = {
  text: 'text/plain',
  html: 'text/html',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  latex: 'text/latex',
  json: 'application/json',
  javascript: 'application/javascript',
};

const mimeKeys = (bundle: Json): Record<string, unknown> =>
  Object.fromEntries(Object.entries(bundle).map(([k, v]) => [MIME_OF_ALIAS[k] ?? k, v]));

function upgradeOutput(output: unknown): unknown {
  if (!isRecord(output)) return output; // the v4 reader refuses it with its position
  const { output_type: type, ...rest } = output;
  if (type === 'pyout' || type === 'display_data') {
    const { prompt_number, metadata, ...payload } = rest;
    const data = mimeKeys(payload);
    // v3 kept application/json as JSON text; v4 keeps the value itself.
    const json = joinText(data['application/json']);
    if (json !== undefined) {
      try {
        data['application/json'] = JSON.parse(json);
      } catch {
        // Not JSON after all: keeping the text loses nothing.
      }
    }
    const meta = isRecord(metadata) ? mimeKeys(metadata) : {};
    return type === 'pyout'
      ? { output_type: 'execute_result', execution_count: prompt_number ?? null, data, metadata: meta }
      : { output_type: 'display_data', data, metadata: meta };
  }
  if (type === 'pyerr') return { ...rest, output_type: 'error' };
  if (type === 'stream') {
    const { stream, ...others } = rest;
    return { ...others, output_type: 'stream', name: stream ?? 'stdout' };
  }
  return output;
}

/** "## Title" from a v3 heading cell; like nbformat, a heading is a single line. */
function headingSource(cell: Json): string {
  const level = typeof cell.level === 'number' && cell.level >= 1 ? Math.min(Math.floor(cell.level), 6) : 1;
  const text = joinText(cell.source) ?? '';
  return `${'#'.repeat(level)} ${text.split(/\r?\n|\r/).join(' ')}`;
}

interface Upgraded {
  readonly cell: unknown;
  readonly language?: string;
}

function upgradeCell(cell: unknown): Upgraded {
  if (!isRecord(cell)) return { cell };
  const metadata = isRecord(cell.metadata) ? cell.metadata : {};
  if (cell.cell_type === 'heading') {
    return { cell: { cell_type: 'markdown', metadata, source: headingSource(cell) } };
  }
  if (cell.cell_type === 'html') return { cell: { ...cell, cell_type: 'markdown', metadata } };
  if (cell.cell_type !== 'code') return { cell };
  const { input, prompt_number, language, collapsed, outputs, ...rest } = cell;
  const upgraded = {
    ...rest,
    metadata: collapsed === undefined ? metadata : { ...metadata, collapsed },
    source: input ?? '',
    execution_count: prompt_number ?? null,
    outputs: Array.isArray(outputs) ? outputs.map(upgradeOutput) : outputs,
  };
  return typeof language === 'string' && language ? { cell: upgraded, language } : { cell: upgraded };
}

/** A v3 notebook's JSON as nbformat 4.0 JSON (worksheets flattened, as nbformat does). */
export function upgradeV3(nb: Json): Json {
  const worksheets = nb.worksheets ?? [];
  if (!Array.isArray(worksheets)) {
    throw new FormatError(`This nbformat 3 file's "worksheets" is ${describe(worksheets)}, not a list of worksheets`);
  }
  const cells: unknown[] = [];
  let language: string | undefined;
  worksheets.forEach((ws: unknown, w) => {
    if (!isRecord(ws)) throw new FormatError(`worksheets[${w}] is ${describe(ws)}, not a worksheet`);
    const wsCells = ws.cells ?? [];
    if (!Array.isArray(wsCells)) throw new FormatError(`worksheets[${w}].cells is ${describe(wsCells)}, not a list of cells`);
    for (const c of wsCells) {
      const up = upgradeCell(c);
      cells.push(up.cell);
      language ??= up.language;
    }
  });
  // v3's signature (its old trust mechanism) is dropped, as nbformat's upgrade drops it.
  const { name, signature: _signature, ...rest } = isRecord(nb.metadata) ? nb.metadata : {};
  const metadata: Record<string, unknown> = rest;
  // v3 kept the notebook's name in its metadata; it is the best title the file offers.
  if (typeof name === 'string' && name.trim() && metadata.title === undefined) metadata.title = name;
  // v3 named the language on each code cell and nowhere else; without it a Python notebook
  // would look like TypeScript here and be sent to the kernel.
  if (language && metadata.kernelspec === undefined && metadata.language_info === undefined) {
    metadata.language_info = { name: language };
  }
  return { nbformat: 4, nbformat_minor: 0, metadata, cells };
}
