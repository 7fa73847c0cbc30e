// display(x): rich outputs as mime bundles. A value chooses its own bundle through the
// `nabla.mimebundle` symbol (tensors, charts); everything else is shown as text. display() of
// an array also carries an HTML table or summary (tensor-html.ts); a cell's result does not.
import type { MimeBundle } from '../document/types';
import { NDArray } from '../tensor/ndarray';
import { repr } from './repr';
import { tensorBundle } from './tensor-html';
import { isRecordArray, recordsTable } from './records-html';

export const MIMEBUNDLE = Symbol.for('nabla.mimebundle');

interface HasMimeBundle {
  [MIMEBUNDLE](): MimeBundle;
}

function hasMimeBundle(v: unknown): v is HasMimeBundle {
  return typeof v === 'object' && v !== null && typeof (v as Partial<HasMimeBundle>)[MIMEBUNDLE] === 'function';
}

function isVegaLiteSpec(v: unknown): v is Record<string, unknown> {
  const schema = typeof v === 'object' && v !== null ? (v as { $schema?: unknown }).$schema : undefined;
  return typeof schema === 'string' && schema.includes('vega-lite');
}

export interface BundleOptions {
  /**
   * For display(x): arrays add an HTML table or summary to their repr. A cell's result stays
   * text/plain only, so `x` at the end of a cell prints exactly as numpy's repr.
   */
  readonly rich?: boolean;
}

/** The mime bundle shown for a value: always with text/plain, as nbformat asks. */
export function mimeBundle(value: unknown, options: BundleOptions = {}): MimeBundle {
  if (options.rich && value instanceof NDArray) return tensorBundle(value);
  if (options.rich && isRecordArray(value)) return { 'text/plain': repr(value, { quoteStrings: true }), 'text/html': recordsTable(value) };
  if (hasMimeBundle(value)) {
    const bundle = value[MIMEBUNDLE]();
    return 'text/plain' in bundle ? bundle : { ...bundle, 'text/plain': repr(value) };
  }
  if (isVegaLiteSpec(value)) {
    return { 'application/vnd.vegalite.v5+json': value, 'text/plain': '<Vega-Lite chart>' };
  }
  return { 'text/plain': repr(value, { quoteStrings: true }) };
}

/** Marks a string as HTML for display(): `display(html('<b>hi</b>'))`. It is sanitized on the page. */
export function html(markup: string): HasMimeBundle {
  return { [MIMEBUNDLE]: () => ({ 'text/html': markup, 'text/plain': markup }) };
}

/** Marks a string as Markdown (math included) for display(). */
export function markdown(text: string): HasMimeBundle {
  return { [MIMEBUNDLE]: () => ({ 'text/markdown': text, 'text/plain': text }) };
}

export interface DisplayHandle {
  readonly displayId: string;
  /** Replaces what this display shows, in place. */
  update(value: unknown): void;
  /**
   * Adds rows to a chart's named dataset ('table' for plot.* charts) without redrawing it: the
   * page inserts them into the live view. Calls are batched to four a second, which keeps a
   * live chart within a few percent of training without one (npm run bench).
   * @example const h = display(plot.line([])); for (...) h.append({ x: epoch, y: cost });
   */
  append(rows: Record<string, unknown> | readonly Record<string, unknown>[], dataset?: string): void;
}
