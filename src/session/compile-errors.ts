// A cell that does not compile never reaches the kernel; these are the events it would have
// sent, so the error shows like any other (name, message, the cell line with a caret).
import type { KernelEvent } from '../document';
import type { CompileDiagnostic } from '../compiler/compile';

export function compileErrorEvents(
  cellId: string,
  run: number,
  source: string,
  diagnostics: readonly CompileDiagnostic[],
  elapsedMs: number,
): KernelEvent[] {
  const first = diagnostics[0];
  const lines = source.split('\n');
  const traceback = [`SyntaxError: ${first?.message ?? 'invalid cell'}`];
  for (const d of diagnostics) {
    const text = lines[d.line - 1] ?? d.lineText;
    traceback.push(`    at line ${d.line}, column ${d.column}: ${d.message}`, `        ${text}`, `        ${' '.repeat(Math.max(d.column - 1, 0))}^`);
  }
  return [
    { type: 'start', cellId, run, executionCount: null },
    { type: 'error', cellId, run, ename: 'SyntaxError', evalue: `${first?.message ?? 'invalid cell'} (line ${first?.line ?? 1})`, traceback },
    { type: 'done', cellId, run, ok: false, elapsedMs },
  ];
}
