// A notebook as one self-contained .html file that shows every output without running anything:
// no <script>, nothing fetched (charts are inline SVG, math is MathML the browser draws itself,
// images are data: URLs), and a Content-Security-Policy that holds even if a sanitizer misses.
// This folder has no DOM, so the caller supplies the sanitizer and the chart renderer.
import { UNTRUSTED } from '../document';
import type { Cell, CodeCell, MimeBundle, Notebook, Output } from '../document';
import { preferredMimeType } from '../document/mime-rank';
import { VEGA_LITE_MIME } from '../document/chart-data';
import { markdownToHtml } from './markdown-render';

export interface HtmlExportDeps {
  /**
   * Makes notebook markup safe (DOMPurify in the page): must keep HTML, MathML, SVG and data:
   * image URLs, and drop script, event handlers, frames, forms and <style>.
   */
  sanitize(html: string): string;
  /** A Vega-Lite spec drawn as an `<svg>` string (formats/vega-svg.ts); may throw. */
  chartToSvg(spec: unknown): Promise<string>;
}

const VEGA_LITE = VEGA_LITE_MIME;

// default-src 'none' forbids scripts and every fetch; images may only be data: URLs.
const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;max-width:62rem;margin:2rem auto;padding:0 1rem}
pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;line-height:1.4}
.cell{margin:1rem 0}
.input{display:flex;gap:.5rem}
.prompt{flex:none;width:3.5rem;text-align:right;color:#666;font:13px/1.4 ui-monospace,monospace;padding-top:.5rem}
.input pre{flex:1;min-width:0;background:#f6f6f6;border:1px solid #ddd;border-radius:4px;padding:.5rem}
.outputs{margin-left:4rem}
.output{margin:.4rem 0;overflow-x:auto}
.stderr{background:#fff0f0}
.error{background:#fff0f0;color:#8a1010;padding:.25rem}
.note{color:#666;font-style:italic}
.markdown pre{background:#f6f6f6;padding:.5rem}
img,svg{max-width:100%;height:auto}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.2rem .5rem}
math[display=block]{margin:.5rem 0}
.nb-progress{display:flex;align-items:center;gap:10px;font-size:13px}
.nb-progress-track{display:inline-block;width:240px;height:10px;border-radius:5px;background:#e6e8ee;overflow:hidden}
.nb-progress-fill{display:block;height:100%;background:#2f5bd3}
.nb-check.pass .mark{color:#1f7a3a}.nb-check.fail{color:#b3261e}.nb-check .detail{color:#666;font-size:12px}
table.nb-records td.num{text-align:right;font:13px ui-monospace,monospace}
table.nb-tensor td{text-align:right;font:13px ui-monospace,monospace}
@media print{body{max-width:none;margin:0}.input pre{background:none}.output,pre,img,svg{break-inside:avoid}}
`;

/**
 * The whole page. Every piece of notebook markup goes through `deps.sanitize`; every other piece
 * of notebook text is escaped.
 * @example await toHtml(notebook, { sanitize: (h) => DOMPurify.sanitize(h), chartToSvg: vegaLiteToSvg })
 */
export async function toHtml(nb: Notebook, deps: HtmlExportDeps): Promise<string> {
  const cells: string[] = [];
  // One at a time: a notebook can hold many charts, and each holds a whole Vega view while drawn.
  for (const cell of nb.cells) cells.push(await renderCell(cell, deps));
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Nabla">
<title>${escapeHtml(nb.title || 'Notebook')}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${cells.join('\n')}
</main>
</body>
</html>
`;
}

async function renderCell(cell: Cell, deps: HtmlExportDeps): Promise<string> {
  switch (cell.cell_type) {
    case 'markdown': {
      const body = markdownToHtml(cell.source, { math: 'mathml', attachments: cell.attachments });
      return `<section class="cell markdown">${deps.sanitize(body)}</section>`;
    }
    case 'raw':
      return `<section class="cell raw"><pre>${escapeHtml(cell.source)}</pre></section>`;
    case 'code':
      return renderCodeCell(cell, deps);
  }
}

async function renderCodeCell(cell: CodeCell, deps: HtmlExportDeps): Promise<string> {
  const prompt = `[${cell.execution_count ?? ' '}]:`;
  const outputs: string[] = [];
  for (const output of cell.outputs) outputs.push(`<div class="output">${await renderOutput(output, deps)}</div>`);
  const input = `<div class="input"><span class="prompt">${prompt}</span><pre><code>${escapeHtml(cell.source)}</code></pre></div>`;
  const shown = outputs.length ? `\n<div class="outputs">${outputs.join('')}</div>` : '';
  return `<section class="cell code">${input}${shown}</section>`;
}

async function renderOutput(output: Output, deps: HtmlExportDeps): Promise<string> {
  switch (output.output_type) {
    case 'stream': {
      // A trailing '\r' is a progress line still waiting to be overwritten (document/outputs.ts).
      const body = escapeHtml(text(output.text).replace(/\r$/, ''));
      return `<pre class="stream ${output.name === 'stderr' ? 'stderr' : 'stdout'}">${body}</pre>`;
    }
    case 'error': {
      const head = stripAnsi(`${output.ename}: ${output.evalue}`);
      const lines = output.traceback.map((line) => stripAnsi(text(line)));
      // Our kernel's traceback opens with the header again (the page skips it too); IPython's doesn't.
      if (lines[0] === head) lines.shift();
      const trace = lines.length ? `\n${escapeHtml(lines.join('\n'))}` : '';
      return `<pre class="error"><strong>${escapeHtml(head)}</strong>${trace}</pre>`;
    }
    case 'display_data':
    case 'execute_result':
      return renderBundle(output.data, output.metadata[UNTRUSTED] === true, deps);
  }
}

async function renderBundle(data: MimeBundle, untrusted: boolean, deps: HtmlExportDeps): Promise<string> {
  // As the page: outputs that came in a file prefer a safe type (HTML and text shows its text).
  const mime = preferredMimeType(data, untrusted ? 'untrusted' : 'trusted');
  const value = mime === undefined ? undefined : data[mime];
  switch (mime) {
    case VEGA_LITE:
      return renderChart(data, value, deps);
    case 'text/html':
    case 'image/svg+xml':
      return deps.sanitize(text(value));
    case 'image/png':
    case 'image/jpeg':
      return `<img alt="output image" src="data:${mime};base64,${escapeHtml(text(value).replace(/\s/g, ''))}">`;
    case 'text/markdown':
      return deps.sanitize(markdownToHtml(text(value), { math: 'mathml' }));
    case 'text/plain':
      return plain(value);
    default:
      return note(`No renderer for ${Object.keys(data).join(', ') || 'nothing'}.`);
  }
}

async function renderChart(data: MimeBundle, spec: unknown, deps: HtmlExportDeps): Promise<string> {
  try {
    // nbformat stores JSON types as JSON, but a hand-written bundle may carry the spec as text.
    const parsed: unknown = typeof spec === 'string' ? JSON.parse(spec) : spec;
    return deps.sanitize(await deps.chartToSvg(parsed));
  } catch (e) {
    const fallback = Object.hasOwn(data, 'text/plain') ? plain(data['text/plain']) : '';
    return `${fallback}${note(`The chart could not be drawn: ${e instanceof Error ? e.message : String(e)}`)}`;
  }
}

const plain = (value: unknown): string => `<pre class="text">${escapeHtml(text(value))}</pre>`;
const note = (message: string): string => `<p class="note">${escapeHtml(message)}</p>`;

/** nbformat allows multi-line strings as arrays of lines. */
const text = (v: unknown): string => (Array.isArray(v) ? v.join('') : String(v ?? ''));

/** Terminal colour and cursor codes (CSI, OSC and two-byte escapes), which IPython puts in tracebacks. */
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]/g;

const stripAnsi = (s: string): string => s.replace(ANSI, '');

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
