// Notebooks in and out of files: which format a file is, reading it within the size limit, and
// writing the open notebook as .ipynb, Markdown or standalone HTML for the learner to download.
import { formatBytes } from '../document';
import type { Notebook } from '../document';
import { FormatError } from '../formats/errors';
import { MAX_FILE_CHARS, fromIpynb, toIpynb } from '../formats/ipynb';
import { fromMarkdown, toMarkdown } from '../formats/md';
import { toHtml } from '../formats/html';
import { sanitizeHtml } from '../ui/markdown';
import { loadVega } from '../ui/vega-loader';

export type ExportKind = 'ipynb' | 'md' | 'html';

export interface OpenedFile {
  readonly notebook: Notebook;
  readonly warnings: readonly string[];
}

const isMarkdownName = (name: string) => /\.(md|markdown)$/i.test(name);

/**
 * Reads a notebook file the learner picked or dropped. Throws FormatError with a plain message
 * for anything that is not a notebook; nothing else is touched either way.
 */
export async function readNotebookFile(file: File): Promise<OpenedFile> {
  // Checked before reading: a 50 MB file would take the page a while to even parse.
  if (file.size > MAX_FILE_CHARS) {
    throw new FormatError(`The file is ${formatBytes(file.size)}; Nabla opens notebooks up to ${formatBytes(MAX_FILE_CHARS)}`);
  }
  const text = await file.text();
  const markdown = isMarkdownName(file.name) || (!/\.(ipynb|json)$/i.test(file.name) && !text.trimStart().startsWith('{'));
  if (markdown) return { notebook: fromMarkdown(text, { fileName: file.name }), warnings: [] };
  return fromIpynb(text, { fileName: file.name });
}

const EXTENSION: Record<ExportKind, string> = { ipynb: '.ipynb', md: '.md', html: '.html' };
const TYPE: Record<ExportKind, string> = { ipynb: 'application/x-ipynb+json', md: 'text/markdown', html: 'text/html' };

/** The notebook as a file of the given kind, named after its title. */
export async function exportNotebook(nb: Notebook, kind: ExportKind): Promise<File> {
  let text: string;
  if (kind === 'ipynb') text = toIpynb(nb);
  else if (kind === 'md') text = toMarkdown(nb);
  else {
    const { vegaLiteToSvg } = await loadVega();
    text = await toHtml(nb, { sanitize: sanitizeHtml, chartToSvg: vegaLiteToSvg });
  }
  const base = (nb.title || 'notebook').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'notebook';
  return new File([text], base + EXTENSION[kind], { type: TYPE[kind] });
}

/** Hands a file to the browser's download. */
export function saveFile(file: File): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(file);
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
