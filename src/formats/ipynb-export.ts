// Notebook -> .ipynb text (nbformat 4.5), written the way Jupyter writes it so that the file
// opens in JupyterLab and diffs cleanly against a copy Jupyter saved.
import { UNTRUSTED, newId, type Cell, type Notebook, type Output } from '../document';
import { isRecord, jupyterJson, splitBundle, splitLines, type Json } from './ipynb-lines';

const VALID_ID = /^[a-zA-Z0-9-_]{1,64}$/;

const KERNELSPEC = { name: 'nabla', display_name: 'TypeScript (Nabla)', language: 'typescript' };
const LANGUAGE_INFO = { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript', version: '5.9' };

/** The notebook as an nbformat 4.5 file; runtime-only fields (display ids, trust) stay behind. */
export function toIpynb(nb: Notebook): string {
  const ids = new Set<string>();
  return jupyterJson({
    cells: nb.cells.map((cell) => writeCell(cell, ids)),
    metadata: notebookMetadata(nb),
    nbformat: 4,
    nbformat_minor: 5,
  });
}

// True when `spec` is absent or names TypeScript under `key`: only then may Nabla's own entry
// complete it, so a Python notebook keeps saying Python.
function speaksTypeScript(spec: unknown, key: string): boolean {
  if (spec === undefined) return true;
  const v = isRecord(spec) ? spec[key] : undefined;
  return typeof v === 'string' && v.toLowerCase() === 'typescript';
}

function notebookMetadata(nb: Notebook): Record<string, unknown> {
  const { kernelspec, language_info } = nb.metadata;
  const metadata: Record<string, unknown> = { ...nb.metadata, title: nb.title };
  if (kernelspec === undefined && speaksTypeScript(language_info, 'name')) metadata.kernelspec = KERNELSPEC;
  if (language_info === undefined && speaksTypeScript(kernelspec, 'language')) metadata.language_info = LANGUAGE_INFO;
  return metadata;
}

function writeCell(cell: Cell, ids: Set<string>): Record<string, unknown> {
  // Ids from elsewhere (an old save, a pasted cell) may break nbformat's rule; the file must not.
  let id = cell.id;
  while (!VALID_ID.test(id) || ids.has(id)) id = newId();
  ids.add(id);
  const common = { id, cell_type: cell.cell_type, metadata: cell.metadata, source: splitLines(cell.source) };
  if (cell.cell_type === 'code') {
    return { ...common, execution_count: cell.execution_count, outputs: cell.outputs.map(writeOutput) };
  }
  if (!cell.attachments) return common;
  const attachments = Object.fromEntries(Object.entries(cell.attachments).map(([name, b]) => [name, splitBundle(b)]));
  return { ...common, attachments };
}

function withoutTrust(metadata: Json): Json {
  if (!(UNTRUSTED in metadata)) return metadata;
  const { [UNTRUSTED]: _trust, ...rest } = metadata;
  return rest;
}

function writeOutput(o: Output): Record<string, unknown> {
  switch (o.output_type) {
    case 'stream':
      return { output_type: 'stream', name: o.name, text: splitLines(o.text) };
    case 'display_data':
      return { output_type: 'display_data', data: splitBundle(o.data), metadata: withoutTrust(o.metadata) };
    case 'execute_result':
      return {
        output_type: 'execute_result',
        execution_count: o.execution_count,
        data: splitBundle(o.data),
        metadata: withoutTrust(o.metadata),
      };
    case 'error':
      return { output_type: 'error', ename: o.ename, evalue: o.evalue, traceback: [...o.traceback] };
  }
}
