// progress(): tqdm's progress bar for a cell's loops, drawn once and updated in place at most
// ten times a second, so it costs a training loop almost nothing.
import { MIMEBUNDLE } from './display';
import type { DisplayHandle } from './display';

const REDRAW_MS = 100;

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The bar as tqdm prints it, and as HTML for the page. */
export function progressBundle(done: number, total: number | null, seconds: number, label = ''): Record<string, string> {
  const rate = seconds > 0 ? done / seconds : 0;
  const rateText = rate >= 1 || rate === 0 ? `${rate.toFixed(2)}it/s` : `${(1 / rate).toFixed(2)}s/it`;
  const prefix = label ? `${label}: ` : '';
  if (total === null) {
    const text = `${prefix}${done}it [${clock(seconds)}, ${rateText}]`;
    return { 'text/plain': text, 'text/html': `<div class="nb-progress"><code>${escape(text)}</code></div>` };
  }
  const frac = total > 0 ? Math.min(done / total, 1) : 1;
  const left = rate > 0 ? (total - done) / rate : Infinity;
  const width = 20;
  const filled = Math.round(frac * width);
  const pct = `${Math.round(frac * 100)}%`.padStart(4);
  const tail = `${done}/${total} [${clock(seconds)}<${clock(left)}, ${rateText}]`;
  const text = `${prefix}${pct}|${'█'.repeat(filled)}${' '.repeat(width - filled)}| ${tail}`;
  const html =
    `<div class="nb-progress"><span>${escape(prefix)}${pct.trim()}</span>` +
    `<span class="nb-progress-track"><span class="nb-progress-fill" style="width:${(frac * 100).toFixed(1)}%"></span></span>` +
    `<code>${escape(tail)}</code></div>`;
  return { 'text/plain': text, 'text/html': html };
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const bundleOf = (b: Record<string, string>) => ({ [MIMEBUNDLE]: () => b });

/**
 * Iterates like `iterable` (or 0..n-1 for a number) while a progress bar with rate and time left
 * updates in place below the cell.
 * @example for (const epoch of progress(1000, 'epochs')) { train(); }
 */
export function* progress<T>(source: Iterable<T> | number, label: string, display: (v: unknown) => DisplayHandle): Generator<T | number> {
  const items: Iterable<T | number> = typeof source === 'number' ? range(source) : source;
  const total = typeof source === 'number' ? source : lengthOf(source);
  const t0 = performance.now();
  let done = 0;
  const handle = display(bundleOf(progressBundle(0, total, 0, label)));
  let last = t0;
  try {
    for (const item of items) {
      yield item;
      done++;
      const now = performance.now();
      if (now - last >= REDRAW_MS) {
        last = now;
        handle.update(bundleOf(progressBundle(done, total, (now - t0) / 1000, label)));
      }
    }
  } finally {
    // Also on break and on errors: the bar shows where the loop stopped.
    handle.update(bundleOf(progressBundle(done, total, (performance.now() - t0) / 1000, label)));
  }
}

function* range(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}

function lengthOf(x: Iterable<unknown>): number | null {
  const n = (x as { length?: unknown; size?: unknown }).length ?? (x as { size?: unknown }).size;
  return typeof n === 'number' ? n : null;
}
