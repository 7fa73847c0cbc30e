// What a cell knows of the cells above it, for the editor's TypeScript service. Each code cell is
// its own module file; after its text comes a "context": ambient declarations of every top-level
// name the cells above declared, with the types TypeScript inferred there, the latest declaration
// of a name winning and the cell's own declarations left out. Appended after the text, the
// context moves no position in the cell, so diagnostics, hovers and completions line up with the
// editor. Runs inside the TypeScript worker; `ts` is passed in so this file bundles no compiler.
import type * as TS from 'typescript';

export interface CellSource {
  readonly id: string;
  readonly source: string;
}

/** A name a cell declares: where (for go to definition) and as what (for the cells below). */
export interface Declared {
  readonly name: string;
  readonly cellId: string;
  readonly start: number;
  readonly length: number;
  /** The ambient declaration the cells below get. */
  readonly text: string;
}

export const CELL_ROOT = 'file:///cells/';
export const cellFileName = (id: string): string => `${CELL_ROOT}${id}.ts`;
export const cellIdOf = (fileName: string): string | null =>
  fileName.startsWith(CELL_ROOT) && fileName.endsWith('.ts') ? fileName.slice(CELL_ROOT.length, -3) : null;

/** Separates a cell's text from its context; a comment, so it cannot change how the text parses. */
const SEPARATOR = '\n\n// --- declared by the cells above ---\n';

type Visible = ReadonlyMap<string, Declared>;

/** "Block-scoped variable / class / enum used before its declaration." */
const USED_BEFORE_DECLARATION = new Set([2448, 2449, 2450]);

export class NotebookContext {
  private cells: CellSource[] = [];
  /** The names visible to each cell (declared above it). */
  private visible = new Map<string, Visible>();
  private contexts = new Map<string, string>();
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  private declared = new Map<string, { key: string; decls: readonly Declared[] }>();
  private sourceVersions = new Map<string, number>();

  constructor(
    private readonly ts: typeof TS,
    /** The language service whose host reads cell files through textOf(). */
    private readonly service: () => TS.LanguageService,
  ) {}

  get cellIds(): readonly string[] {
    return this.cells.map((c) => c.id);
  }

  /** The cell's text as the type checker sees it: its source, then the context. */
  textOf(id: string, liveText?: string): string | undefined {
    const source = liveText ?? this.texts.get(id);
    if (source === undefined) return undefined;
    const context = this.contexts.get(id) ?? '';
    return context ? source + SEPARATOR + context : source;
  }

  /** The cell's source as last sent (without its context). */
  sourceOf(id: string): string | undefined {
    return this.texts.get(id);
  }

  /** Changes whenever the cell's sent source changes. */
  sourceVersion(id: string): number {
    return this.sourceVersions.get(id) ?? 0;
  }

  /** Changes whenever the context of the cell changes (the source has its own version). */
  contextVersion(id: string): number {
    return this.versions.get(id) ?? 0;
  }

  /**
   * The diagnostics a learner should see for cell `id`: none inside the context, and not "used
   * before its declaration" for a name a cell above declared (the context only sits after the
   * text so as to move no position; in the notebook the declaration ran first).
   */
  visibleDiagnostics<D extends TS.Diagnostic>(id: string, diagnostics: readonly D[]): D[] {
    const source = this.texts.get(id) ?? '';
    const visible = this.visible.get(id);
    const own = new Set(topLevelNames(this.ts, source));
    return diagnostics.filter((d) => {
      if (d.start === undefined) return true;
      if (d.start >= source.length) return false;
      if (!USED_BEFORE_DECLARATION.has(d.code)) return true;
      const name = source.slice(d.start, d.start + (d.length ?? 0));
      return own.has(name) || !visible?.has(name);
    });
  }

  /** Where `name`, as cell `id` sees it, was declared: by the cell itself or by one above. */
  definition(id: string, name: string): Declared | undefined {
    return this.visible.get(id)?.get(name);
  }

  /**
   * The notebook's code cells in order, as they are now. Contexts are rebuilt from the first
   * cell that changed, and the walk stops once a cell's declarations come out as before.
   * Returns whether any cell's context changed (the open cells then need checking again).
   */
  setCells(cells: readonly CellSource[]): boolean {
    const before = this.cells;
    const versions = this.versionSum();
    const changed = (c: CellSource, i: number) => before[i]?.id !== c.id || this.texts.get(c.id) !== c.source;
    let from = cells.findIndex(changed);
    if (from === -1 && before.length === cells.length) return false;
    if (from === -1) from = cells.length;
    let last = cells.length - 1;
    while (last > from && !changed(cells[last]!, last) && before.length === cells.length) last--;
    this.cells = [...cells];
    for (const c of cells) {
      if (this.texts.get(c.id) === c.source) continue;
      this.texts.set(c.id, c.source);
      this.sourceVersions.set(c.id, this.sourceVersion(c.id) + 1);
    }
    let visible: Visible = new Map();
    if (from > 0) visible = this.withDeclarations(this.visible.get(cells[from - 1]!.id) ?? new Map(), cells[from - 1]!);
    for (let k = from; k < cells.length; k++) {
      const cell = cells[k]!;
      // Below the last edit, a cell whose context comes out as before has the same declarations too.
      if (k > last && sameNames(this.visible.get(cell.id), visible)) break;
      this.setVisible(cell, visible);
      if (k + 1 < cells.length) visible = this.withDeclarations(visible, cell);
    }
    return this.versionSum() !== versions;
  }

  private versionSum(): number {
    let sum = 0;
    for (const v of this.versions.values()) sum += v;
    return sum;
  }

  private setVisible(cell: CellSource, visible: Visible): void {
    this.visible.set(cell.id, visible);
    const own = new Set(topLevelNames(this.ts, cell.source));
    const context = [...visible.values()].filter((d) => !own.has(d.name)).map((d) => d.text).join('\n');
    if (this.contexts.get(cell.id) !== context) {
      this.contexts.set(cell.id, context);
      this.versions.set(cell.id, this.contextVersion(cell.id) + 1);
    }
  }

  /** `visible` plus what `cell` declares, typed by the checker with the cell's context in place. */
  private withDeclarations(visible: Visible, cell: CellSource): Visible {
    const next = new Map(visible);
    for (const d of this.declarationsOf(cell)) {
      next.delete(d.name); // re-inserted last: the newest declaration of a name wins
      next.set(d.name, d);
    }
    return next;
  }

  /** Typing a cell is the costly part: its result is kept until the cell's text or context changes. */
  private declarationsOf(cell: CellSource): readonly Declared[] {
    const key = this.textOf(cell.id) ?? '';
    const cached = this.declared.get(cell.id);
    if (cached?.key === key) return cached.decls;
    const program = this.service().getProgram();
    const file = program?.getSourceFile(cellFileName(cell.id));
    const decls = program && file ? declarationsOf(this.ts, program.getTypeChecker(), file, cell) : [];
    this.declared.set(cell.id, { key, decls });
    return decls;
  }
}

function sameNames(a: Visible | undefined, b: Visible): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [name, d] of b) if (a.get(name)?.text !== d.text) return false;
  return true;
}

/** Top-level names a cell's source declares (no types needed: a parse is enough). */
export function topLevelNames(ts: typeof TS, source: string): string[] {
  const file = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const st of file.statements) {
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) bindingNames(ts, d.name, names);
    else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) names.push(st.name.text);
  }
  return names;
}

function bindingNames(ts: typeof TS, name: TS.BindingName, out: string[], nodes?: TS.Identifier[]): void {
  if (ts.isIdentifier(name)) {
    out.push(name.text);
    nodes?.push(name);
    return;
  }
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(ts, el.name, out, nodes);
}

const TYPE_FLAGS = 1 /* NoTruncation */ | 16384 /* UseAliasDefinedOutsideCurrentScope */;

function declarationsOf(ts: typeof TS, checker: TS.TypeChecker, file: TS.SourceFile, cell: CellSource): Declared[] {
  const out: Declared[] = [];
  const end = cell.source.length;
  const add = (node: TS.Node & { name?: TS.Node }, name: string, text: string) => {
    const at = node.name ?? node;
    out.push({ name, cellId: cell.id, start: at.getStart(file), length: at.getWidth(file), text });
  };
  for (const st of file.statements) {
    if (st.getStart(file) >= end) break; // the context itself
    if (ts.isVariableStatement(st)) {
      const kind = st.declarationList.flags & ts.NodeFlags.Const ? 'const' : 'let';
      for (const d of st.declarationList.declarations) {
        const ids: TS.Identifier[] = [];
        bindingNames(ts, d.name, [], ids);
        for (const id of ids) {
          const type = checker.typeToString(checker.getTypeAtLocation(id), undefined, TYPE_FLAGS);
          out.push({ name: id.text, cellId: cell.id, start: id.getStart(file), length: id.getWidth(file), text: `declare ${kind} ${id.text}: ${type};` });
        }
      }
    } else if (ts.isFunctionDeclaration(st) && st.name) {
      const type = checker.getTypeAtLocation(st.name);
      const sigs = type.getCallSignatures().map((s) => `declare function ${st.name!.text}${checker.signatureToString(s, undefined, TYPE_FLAGS)};`);
      add(st, st.name.text, sigs.join('\n'));
    } else if ((ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) {
      // Types are copied as written: their bodies may refer to names above, which the context has too.
      add(st, st.name.text, cell.source.slice(st.getStart(file), st.getEnd()).replace(/^export\s+/, ''));
    }
  }
  return out;
}
