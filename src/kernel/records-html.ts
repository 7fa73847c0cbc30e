// display(rows) of an array of plain objects — the shape results take in a lesson ({ run,
// accuracy, cost }) — as a table with one column per key, the way a DataFrame shows in Jupyter.
import { escapeHtml } from './tensor-html';

/** Rows beyond this are summarized in a last line; the text/plain form still has them all. */
export const MAX_ROWS = 200;

function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** True for a non-empty array whose every element is a plain object. */
export function isRecordArray(v: unknown): v is readonly Record<string, unknown>[] {
  return Array.isArray(v) && v.length > 0 && v.every(isRecord);
}

function cellText(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return Array.isArray(v) ? `[${v.length} items]` : '{…}';
  return String(v);
}

/**
 * The rows as an HTML table: columns in order of first appearance, numbers to six significant
 * digits and right-aligned.
 * @example display([{ run: 'gd', accuracy: 0.7167 }, { run: 'adam', accuracy: 0.9433 }])
 */
export function recordsTable(rows: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const shown = rows.slice(0, MAX_ROWS);
  let out = `<table class="nb-records"><thead><tr><th></th>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>`;
  shown.forEach((r, i) => {
    out += `<tr><th>${i}</th>`;
    for (const c of columns) {
      const v = r[c];
      out += `<td${typeof v === 'number' ? ' class="num"' : ''}>${escapeHtml(cellText(v))}</td>`;
    }
    out += '</tr>';
  });
  if (rows.length > shown.length) out += `<tr><td colspan="${columns.length + 1}" class="more">… ${rows.length - shown.length} more rows</td></tr>`;
  return `${out}</tbody></table>`;
}
