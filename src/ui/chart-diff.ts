// Tells an append (rows added to named datasets, as the document's appendDisplayRows makes it)
// from any other change of a Vega-Lite spec, so the chart can insert rows instead of redrawing.
// Cheap because appends keep every untouched part of the spec by identity.

export interface RowsAdded {
  readonly dataset: string;
  readonly rows: readonly unknown[];
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The rows `next` adds to `prev`'s datasets, or null when `next` differs in any other way. */
export function addedRows(prev: unknown, next: unknown): RowsAdded[] | null {
  const out: RowsAdded[] = [];
  return walk(prev, next, out) ? out : null;
}

function extension(a: unknown, b: unknown): unknown[] | null {
  if (!Array.isArray(a) || !Array.isArray(b) || b.length < a.length) return null;
  if (a.length > 0 && (a[0] !== b[0] || a[a.length - 1] !== b[a.length - 1])) return null;
  return b.slice(a.length);
}

function walk(a: unknown, b: unknown, out: RowsAdded[]): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(b);
  if (keys.length !== Object.keys(a).length) return false;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (k === 'data' && isObject(x) && isObject(y) && typeof y['name'] === 'string' && x['name'] === y['name']) {
      const tail = extension(x['values'], y['values']);
      if (tail === null || Object.keys(x).length !== Object.keys(y).length) return false;
      if (tail.length) out.push({ dataset: y['name'], rows: tail });
    } else if (k === 'datasets' && isObject(x) && isObject(y)) {
      for (const name of Object.keys(y)) {
        const tail = extension(x[name], y[name]);
        if (tail === null) return false;
        if (tail.length) out.push({ dataset: name, rows: tail });
      }
    } else if (Array.isArray(x) && Array.isArray(y) && x.length === y.length && ['layer', 'concat', 'hconcat', 'vconcat'].includes(k)) {
      for (let i = 0; i < x.length; i++) if (!walk(x[i], y[i], out)) return false;
    } else {
      return false;
    }
  }
  return true;
}
