// display(x) of an array as HTML: a table when it fits on screen, otherwise a summary line
// (dtype, shape, min, max, mean) over numpy's abbreviated repr. Cells reuse numpy's own element
// strings, so the table and the text/plain repr never disagree about a value. The page
// sanitizes HTML and drops <style>, so the markup carries class names only (styled in app.css).
import type { MimeBundle } from '../document/types';
import type { NDArray } from '../tensor/ndarray';
import { formatArray, formatElements, tupleText } from '../tensor/print';
import { max, mean, min } from '../tensor/reduce';

/** Arrays up to this many rows and columns (0-d, 1-d or 2-d) show as a table. */
export const TABLE_MAX = 20;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `float64 · shape (3, 4)`: what the caption and the summary line start with. */
function heading(a: NDArray): string {
  return `${a.dtype} · shape ${tupleText(a.shape)}`;
}

/** Rows and columns as the table lays them out: a 1-d array is one row, a 0-d array one cell. */
function grid(a: NDArray): [rows: number, cols: number] {
  if (a.ndim === 0) return [1, 1];
  if (a.ndim === 1) return [1, a.shape[0]!];
  return [a.shape[0]!, a.shape[1]!];
}

/** Whether display(a) shows a table (else the summary). */
export function fitsTable(a: NDArray): boolean {
  const [rows, cols] = grid(a);
  return a.ndim <= 2 && rows <= TABLE_MAX && cols <= TABLE_MAX;
}

/** An array of at most TABLE_MAX × TABLE_MAX as a table with index headers; 1-d has no row index. */
export function tensorTable(a: NDArray): string {
  const [rows, cols] = grid(a);
  // The repr pads elements to a common width for the monospace layout; a table aligns by CSS.
  const cells = formatElements(a).map((s) => escapeHtml(s.trim()));
  const rowHeader = a.ndim === 2;
  let out = `<table class="nb-tensor"><caption>${escapeHtml(heading(a))}</caption>`;
  if (a.ndim > 0) {
    out += `<thead><tr>${rowHeader ? '<th></th>' : ''}`;
    for (let j = 0; j < cols; j++) out += `<th>${j}</th>`;
    out += '</tr></thead>';
  }
  out += '<tbody>';
  for (let i = 0; i < rows; i++) {
    out += `<tr>${rowHeader ? `<th>${i}</th>` : ''}`;
    for (let j = 0; j < cols; j++) out += `<td>${cells[i * cols + j]}</td>`;
    out += '</tr>';
  }
  return out + '</tbody></table>';
}

/**
 * A min/max/mean value for the summary line: four significant digits, which is what a glance at
 * a large array needs (the repr below has the exact values). Integers and bools print as numpy's.
 */
function scalarText(a: NDArray, v: number, isMean: boolean): string {
  if (a.dtype === 'bool' && !isMean) return v !== 0 ? 'True' : 'False';
  if ((a.dtype === 'int32' || a.dtype === 'bool') && !isMean) return String(v);
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const text = abs >= 1e-4 && abs < 1e6 ? String(Number(v.toPrecision(4))) : v.toExponential(3).replace(/\.?0+e/, 'e');
  return text;
}

/** The summary line's statistics; one NaN makes min, max and mean NaN, so it is named instead. */
function stats(a: NDArray): string[] {
  if (a.size === 0) return [];
  // Number(): inside an autograd scope the reductions return 0-d arrays.
  const lo = Number(min(a));
  if (Number.isNaN(lo)) return ['contains NaN'];
  const hi = Number(max(a));
  return [`min ${scalarText(a, lo, false)}`, `max ${scalarText(a, hi, false)}`, `mean ${scalarText(a, Number(mean(a)), true)}`];
}

/** numpy-style summary of a big array: dtype, shape and statistics, then the abbreviated repr. */
export function tensorSummary(a: NDArray, repr: string = formatArray(a)): string {
  const line = [heading(a), ...stats(a)].join(' · ');
  return `<div class="nb-tensor-summary"><div class="nb-tensor-stats">${escapeHtml(line)}</div><pre class="nb-tensor-repr">${escapeHtml(repr)}</pre></div>`;
}

/**
 * What display(a) shows for an array: numpy's repr as text/plain (unchanged, as a cell's result
 * prints it) and a table or summary as text/html.
 */
export function tensorBundle(a: NDArray): MimeBundle {
  const repr = formatArray(a);
  return { 'text/plain': repr, 'text/html': fitsTable(a) ? tensorTable(a) : tensorSummary(a, repr) };
}
