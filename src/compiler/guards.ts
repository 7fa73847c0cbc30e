// Loop guards: synchronous cell code can only be interrupted from inside, so every loop body,
// wherever it is (functions, methods, nested loops), starts by calling the kernel's guard.
import { simple } from 'acorn-walk';
import type { Program, Statement } from 'acorn';
import type { LineKeepingEditor } from './edits';

export const GUARD_CALL = '__nb.g();';

export function guardLoops(program: Program, ed: LineKeepingEditor): void {
  const guard = (loop: { body: Statement }): void => {
    const body = loop.body;
    if (body.type === 'BlockStatement') {
      ed.close(body.start + 1, GUARD_CALL);
    } else {
      ed.open(body.start, `{${GUARD_CALL} `);
      ed.close(body.end, '}');
    }
  };
  simple(program, {
    ForStatement: guard,
    ForInStatement: guard,
    ForOfStatement: guard,
    WhileStatement: guard,
    DoWhileStatement: guard,
  });
}
