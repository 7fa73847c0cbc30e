// `var` declarations that belong to the cell's own function scope (at top level, or in its
// blocks, loops, try, switch; not inside functions). Left alone they would become locals of
// the wrapper function and shadow the globals they are meant to be, so the names are
// pre-defined as globals and each declaration turns into plain assignments.
import { ancestor } from 'acorn-walk';
import type { Identifier, Node, Program, VariableDeclaration } from 'acorn';
import type { LineKeepingEditor } from './edits';
import { boundIdentifiers } from './patterns';

/** Where a declaration sits, which decides the shape of what replaces it. */
type Place = 'list' | 'single' | 'for-init' | 'for-left';

const SCOPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'StaticBlock']);
const LISTS = new Set(['Program', 'BlockStatement', 'SwitchCase', 'ExportNamedDeclaration']);

/** Rewrites the cell's function-level `var`s; returns the identifiers they declare. */
export function rewriteCellVars(program: Program, ed: LineKeepingEditor): Identifier[] {
  const names: Identifier[] = [];
  ancestor(program, {
    VariableDeclaration(decl, _state, ancestors) {
      if (decl.kind !== 'var' || ancestors.some((a) => SCOPES.has(a.type))) return;
      for (const d of decl.declarations) boundIdentifiers(d.id, names);
      rewriteVar(decl, placeOf(decl, ancestors[ancestors.length - 2]), ed);
    },
  });
  return names;
}

function placeOf(decl: VariableDeclaration, parent: Node | undefined): Place {
  if (!parent) return 'list';
  const p = parent as Node & { init?: unknown; left?: unknown };
  if (parent.type === 'ForStatement' && p.init === decl) return 'for-init';
  if ((parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') && p.left === decl) return 'for-left';
  return LISTS.has(parent.type) ? 'list' : 'single';
}

function rewriteVar(decl: VariableDeclaration, place: Place, ed: LineKeepingEditor): void {
  if (place === 'for-left') {
    const d = decl.declarations[0];
    // `for (async of xs)` does not parse; `for ((async) of xs)` does.
    const paren = d.id.type === 'Identifier' && d.id.name === 'async';
    ed.replace(decl.start, d.start, paren ? '(' : '');
    if (paren) ed.close(d.end, ')');
    return;
  }
  // Declarators without an initializer vanish (their names were pre-defined); the others
  // become one comma expression. Destructuring targets need parentheses to be expressions,
  // and in a statement list a `;` in front so that a previous line without one cannot
  // swallow the `(`.
  let cursor = decl.start;
  let pendingClose = '';
  let first = true;
  for (const d of decl.declarations) {
    if (!d.init) continue;
    const pattern = d.id.type !== 'Identifier';
    const lead = first ? (pattern && place === 'list' ? ';' : '') : ', ';
    ed.replace(cursor, d.start, pendingClose + lead + (pattern ? '(' : ''));
    pendingClose = pattern ? ')' : '';
    cursor = d.end;
    first = false;
  }
  ed.replace(cursor, decl.end, pendingClose + (place === 'for-init' ? '' : ';'));
}
