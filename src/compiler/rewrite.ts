// The cell rewrite: esbuild's ESM output for one cell -> the source of an async function the
// kernel evaluates with `(0, eval)` and calls with its helpers as `__nb`:
//   __nb.def(name, value)  publish a top-level name as a property of the worker's global object,
//   __nb.imp(specifier)    resolve an import (the kernel knows which modules exist),
//   __nb.g()               loop guard (counts iterations, throws when the user interrupts).
// Line N of the result is line N of esbuild's output: stack traces map back through
// esbuild's source map by line, so no edit adds or removes a line break.
import { parse } from 'acorn';
import type { Identifier } from 'acorn';
import { LineKeepingEditor, quote } from './edits';
import { guardLoops } from './guards';
import { privateFunctionName, rewriteTopLevel } from './toplevel';
import { rewriteCellVars } from './vars';

export interface RewriteOptions {
  /** Do not return the last expression's value (the cell's source ends with `;`). */
  readonly suppressResult?: boolean;
}

export interface RewriteResult {
  /** `(async function (__nb) {"use strict"; ... \n})`, a single expression. */
  readonly code: string;
  /**
   * Top-level names the cell defines, in source order, each once; without names starting with
   * `__`, which are esbuild's helpers (`__publicField`, `__defProp`, ...).
   */
  readonly declared: string[];
  /** Whether the function returns the value of the cell's last expression. */
  readonly hasResult: boolean;
}

export function rewriteCell(js: string, opts: RewriteOptions = {}): RewriteResult {
  const program = parse(js, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    // Declarator and statement ranges must include parentheses for edits around them to nest.
    preserveParens: true,
    allowHashBang: true,
  });
  const ed = new LineKeepingEditor(js);
  // A `#!` line would end up after the wrapper's opening text, where it does not parse.
  if (js.startsWith('#!')) ed.replace(0, program.body[0]?.start ?? js.length, '');
  // Inner constructs first (see LineKeepingEditor): vars and loops sit inside top-level statements.
  const vars = rewriteCellVars(program, ed);
  guardLoops(program, ed);
  const top = rewriteTopLevel(program, ed, !opts.suppressResult);

  // `var` hoisting: the names exist (keeping a previous value) before the first statement runs,
  // so that esbuild's `var E = ((E2) => ...)(E || {})` for an enum reads undefined, not a
  // ReferenceError. Function declarations are hoisted too and are published right after, under
  // their own names (they were renamed, see privateFunctionName), so that `f` anywhere in the
  // cell, recursion included, reads the global and sees a later cell's `function f`.
  const hoisted = [
    ...unique(vars).map((n) => `__nb.def(${quote(n)}, globalThis.${n});`),
    ...unique(top.functions).map(
      (n) => `__nb.def(${quote(n)}, Object.defineProperty(${privateFunctionName(n)}, "name", {value: ${quote(n)}}));`,
    ),
  ];
  ed.ms.prepend(`(async function (__nb) {"use strict";${hoisted.join(' ')}`);
  ed.ms.append('\n})');
  return {
    code: ed.ms.toString(),
    declared: unique([...vars, ...top.names, ...top.functions]).filter((n) => !n.startsWith('__')),
    hasResult: top.hasResult,
  };
}

/** Names in source order, each once. */
function unique(ids: Identifier[]): string[] {
  return [...new Set([...ids].sort((a, b) => a.start - b.start).map((id) => id.name))];
}
