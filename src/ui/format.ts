// Small display formatting shared by components.

/** 0.4 ms, 12 ms, 1.3 s, 2 min 5 s: what a learner wants to read under a cell. */
export function formatElapsed(ms: number): string {
  if (ms < 1) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

const AGO = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [['second', 60], ['minute', 60], ['hour', 24], ['day', 7], ['week', 4.35], ['month', 12], ['year', Infinity]];

/** "just now", "5 minutes ago", "yesterday": when a notebook was last changed. */
export function formatAgo(time: number, now = Date.now()): string {
  let value = (time - now) / 1000;
  if (Math.abs(value) < 45) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return AGO.format(Math.round(value), unit);
    value /= size;
  }
  return AGO.format(Math.round(value), 'year');
}
