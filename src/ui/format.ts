// Small display formatting shared by components.

/** 0.4 ms, 12 ms, 1.3 s, 2 min 5 s: what a learner wants to read under a cell. */
export function formatElapsed(ms: number): string {
  if (ms < 1) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}
