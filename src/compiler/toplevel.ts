// The cell's top-level statements: declarations publish their names as globals, imports go
// through the kernel's resolver, `export` is dropped and the last expression is returned.
import type {
  ClassDeclaration,
  Expression,
  Identifier,
  ImportDeclaration,
  ModuleDeclaration,
  Program,
  Statement,
  VariableDeclaration,
} from 'acorn';
import { quote } from './edits';
import type { LineKeepingEditor } from './edits';
import { boundIdentifiers } from './patterns';

export interface TopLevel {
  /** Names bound by let/const/class/import declarations. */
  readonly names: Identifier[];
  /**
   * Top-level function declarations, by their user names: hoisted, so the prefix publishes
   * them. Each one has been renamed to `privateFunctionName(name)` in place.
   */
  readonly functions: Identifier[];
  readonly hasResult: boolean;
}

type TopStatement = Statement | ModuleDeclaration;

const def = (name: string, value: string): string => `__nb.def(${quote(name)}, ${value});`;

/**
 * Top-level `function f() {}` becomes `function __nbf_f() {}`: a local `f` in the wrapper would
 * hide the global `f` from the cell's code, so a later cell's `function f` would not replace it
 * for this cell's functions. The prefix publishes `__nbf_f` as `f` and gives it back its name;
 * stack frames may still show the private name (in engines that ignore the `name` property).
 */
export const PRIVATE_FUNCTION_PREFIX = '__nbf_';

export const privateFunctionName = (name: string): string => PRIVATE_FUNCTION_PREFIX + name;

export function rewriteTopLevel(program: Program, ed: LineKeepingEditor, wantResult: boolean): TopLevel {
  const names: Identifier[] = [];
  const functions: Identifier[] = [];
  const last = resultStatement(program.body);
  let hasResult = false;
  for (const stmt of program.body) {
    const isResult = wantResult && stmt === last;
    hasResult ||= isResult;
    let node: TopStatement = stmt;
    if (stmt.type === 'ImportDeclaration') {
      names.push(...rewriteImport(stmt, ed));
      continue;
    } else if (stmt.type === 'ExportAllDeclaration' || (stmt.type === 'ExportNamedDeclaration' && !stmt.declaration)) {
      ed.replace(stmt.start, stmt.end, '');
      continue;
    } else if (stmt.type === 'ExportNamedDeclaration' && stmt.declaration) {
      ed.replace(stmt.start, stmt.declaration.start, '');
      node = stmt.declaration;
    } else if (stmt.type === 'ExportDefaultDeclaration') {
      const d = stmt.declaration;
      if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) {
        ed.replace(stmt.start, d.start, '');
        node = d;
      } else {
        // An anonymous function or class, or any expression: the parentheses make it an
        // expression statement whatever it starts with.
        ed.replace(stmt.start, d.start, isResult ? 'return (' : '(');
        ed.replace(d.end, stmt.end, ');');
        continue;
      }
    }
    if (node.type === 'VariableDeclaration' && (node.kind === 'let' || node.kind === 'const')) {
      names.push(...rewriteLexical(node, ed));
    } else if (node.type === 'FunctionDeclaration') {
      // Only the identifier changes: `async`, `*`, parameters and body stay where they are.
      functions.push(node.id);
      ed.replace(node.id.start, node.id.end, privateFunctionName(node.id.name));
    } else if (node.type === 'ClassDeclaration') {
      names.push(node.id);
      rewriteClass(node, ed);
    } else if (node.type === 'ExpressionStatement' && isResult) {
      ed.open(node.start, 'return (');
      ed.close(node.expression.end, ')');
    }
  }
  return { names, functions, hasResult };
}

/** The statement whose value is the cell's result, if it can have one. */
function resultStatement(body: TopStatement[]): TopStatement | null {
  for (let i = body.length - 1; i >= 0; i--) {
    const s = body[i];
    // esbuild appends `export { ... }` after the user's code whenever the cell exports anything.
    if (s.type === 'EmptyStatement' || s.type === 'ExportAllDeclaration') continue;
    if (s.type === 'ExportNamedDeclaration' && !s.declaration) continue;
    if (s.type === 'ExpressionStatement') return s.directive === 'use strict' ? null : s;
    if (s.type === 'ExportDefaultDeclaration') {
      const d = s.declaration;
      return (d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id ? null : s;
    }
    return null;
  }
  return null;
}

function rewriteImport(imp: ImportDeclaration, ed: LineKeepingEditor): Identifier[] {
  const load = `await __nb.imp(${quote(String(imp.source.value))})`;
  if (imp.specifiers.length === 0) {
    ed.replace(imp.start, imp.end, `${load};`);
    return [];
  }
  // One resolver call per statement, in a block so the module temporary stays out of the cell.
  const defs = imp.specifiers.map((s) => {
    if (s.type === 'ImportNamespaceSpecifier') return def(s.local.name, '__nbm');
    if (s.type === 'ImportDefaultSpecifier') return def(s.local.name, '__nbm.default');
    const key = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
    return def(s.local.name, `__nbm[${quote(key)}]`);
  });
  ed.replace(imp.start, imp.end, `{const __nbm = ${load}; ${defs.join(' ')}}`);
  return imp.specifiers.map((s) => s.local);
}

/**
 * `const x = A, {y, z} = B;` -> `__nb.def("x", (A)); {const {y, z} = B; __nb.def("y", y); ...}`.
 * Each declarator becomes its own statement, and only the text between initializers changes,
 * so edits made inside initializers (loop guards) survive.
 */
function rewriteLexical(decl: VariableDeclaration, ed: LineKeepingEditor): Identifier[] {
  const names: Identifier[] = [];
  let cursor = decl.start;
  let pendingClose = '';
  for (const d of decl.declarations) {
    const sep = pendingClose ? `${pendingClose} ` : '';
    if (d.id.type === 'Identifier') {
      const id = d.id;
      names.push(id);
      ed.replace(cursor, d.start, sep);
      if (!d.init) {
        ed.replace(d.start, d.end, `__nb.def(${quote(id.name)}, undefined`);
        pendingClose = ');';
      } else if (isAnonymousFunction(d.init)) {
        // A property definition gives the function the name `const f = () => ...` would have.
        ed.replace(d.start, d.init.start, `__nb.def(${quote(id.name)}, {${id.name}: `);
        pendingClose = `}.${id.name});`;
      } else {
        ed.replace(d.start, d.init.start, `__nb.def(${quote(id.name)}, (`);
        pendingClose = '));';
      }
    } else {
      // A block keeps the destructured locals out of the cell's scope once they are published.
      const bound = boundIdentifiers(d.id);
      names.push(...bound);
      ed.replace(cursor, d.start, `${sep}{${decl.kind} `);
      pendingClose = `; ${bound.map((b) => def(b.name, b.name)).join(' ')}}`;
    }
    cursor = d.end;
  }
  ed.replace(cursor, decl.end, pendingClose);
  return names;
}

function isAnonymousFunction(e: Expression): boolean {
  while (e.type === 'ParenthesizedExpression') e = e.expression;
  if (e.type === 'ArrowFunctionExpression') return true;
  return (e.type === 'FunctionExpression' || e.type === 'ClassExpression') && !e.id;
}

/** `class C {}` -> `__nb.def("C", class C {});`: the class keeps its name and inner binding. */
function rewriteClass(cls: ClassDeclaration, ed: LineKeepingEditor): void {
  ed.open(cls.start, `__nb.def(${quote(cls.id.name)}, `);
  ed.close(cls.end, ');');
}
