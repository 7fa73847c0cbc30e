// Turns a thrown value into Jupyter's error output (ename, evalue, traceback) whose frames name
// cell lines, not positions in the compiled JavaScript.
import { repr } from './repr';

/** What the kernel remembers of each compiled cell it ran, keyed by its script name. */
export interface CellScript {
  readonly label: string; // "In [3]"
  readonly lineMap: readonly number[];
  readonly sourceLines: readonly string[];
}

export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** The sourceURL given to a compiled cell; V8 names stack frames after it. */
export function scriptName(executionCount: number): string {
  return `nabla-cell-${executionCount}.js`;
}

// "    at fn (nabla-cell-3.js:5:10)" or "    at nabla-cell-3.js:5:10" or "    at async fn (...)"
const FRAME = /at (?:(?:async )?(.*?) \()?(nabla-cell-\d+\.js):(\d+):(\d+)\)?\s*$/;

export function errorContent(err: unknown, scripts: ReadonlyMap<string, CellScript>): ErrorContent {
  if (!(err instanceof Error)) {
    return { ename: 'Uncaught', evalue: repr(err), traceback: [`Uncaught ${repr(err)}`] };
  }
  const ename = err.name || 'Error';
  const evalue = err.message;
  const traceback = [`${ename}: ${evalue}`];
  for (const line of String(err.stack ?? '').split('\n')) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const script = scripts.get(m[2]!);
    if (!script) continue;
    const jsLine = Number(m[3]);
    const cellLine = script.lineMap[jsLine - 1] ?? 0;
    if (cellLine === 0) continue;
    // The compiler renames top-level functions to `__nbf_<name>` (compiler/toplevel.ts) so that
    // a later cell can redefine them; V8 reports the restored name, other engines may not.
    const fn = m[1] && !m[1].startsWith('eval') && m[1] !== '<anonymous>' ? m[1].replace(/^__nbf_/, '') : '';
    const where = `${script.label}, line ${cellLine}`;
    const code = (script.sourceLines[cellLine - 1] ?? '').trim();
    traceback.push(`    at ${fn ? `${fn} (${where})` : where}${code ? `: ${code}` : ''}`);
  }
  return { ename, evalue, traceback };
}
