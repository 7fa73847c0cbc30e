// The notebook context against the real TypeScript compiler, in Node: a language service whose
// host serves cells through NotebookContext, as the editor's TypeScript worker does.
import { expect } from 'chai';
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NotebookContext, cellFileName, cellIdOf } from './cell-context';
import type { CellSource } from './cell-context';
import { cellCompilerOptions } from './compiler-options';

// A stand-in for the generated kernel declarations: enough of np to type cells.
const NABLA = `declare global {
  interface NDArray { readonly shape: number[]; dot(b: NDArray): NDArray }
  var np: { random: { randn(...shape: number[]): NDArray; seed(s: number): void }; zeros(shape: number[]): NDArray };
}
export {};`;

function setup() {
  const libDir = path.dirname(ts.getDefaultLibFilePath({}));
  let context!: NotebookContext;
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: cellCompilerOptions,
    getScriptFileNames: () => [...context.cellIds.map(cellFileName), 'file:///nabla/globals.d.ts'],
    getScriptVersion: (f) => (cellIdOf(f) ? `${context.sourceVersion(cellIdOf(f)!)}:${context.contextVersion(cellIdOf(f)!)}` : '0'),
    getScriptSnapshot: (f) => {
      const id = cellIdOf(f);
      const text = id ? context.textOf(id) : f === 'file:///nabla/globals.d.ts' ? NABLA : readLib(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '',
    getDefaultLibFileName: () => path.join(libDir, 'lib.esnext.d.ts'),
    fileExists: (f) => host.getScriptSnapshot(f) !== undefined,
    readFile: (f) => host.getScriptSnapshot(f)?.getText(0, Infinity),
  };
  const readLib = (f: string) => {
    try {
      return readFileSync(path.isAbsolute(f) ? f : path.join(libDir, f), 'utf8');
    } catch {
      return undefined;
    }
  };
  const service = ts.createLanguageService(host);
  context = new NotebookContext(ts, () => service);
  const hover = (id: string, word: string, nth = 0) => {
    const text = context.textOf(id)!;
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
    const info = service.getQuickInfoAtPosition(cellFileName(id), at);
    return ts.displayPartsToString(info?.displayParts);
  };
  const errors = (id: string) => context.visibleDiagnostics(id, service.getSemanticDiagnostics(cellFileName(id))).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { context, service, hover, errors };
}

const cells = (...sources: string[]): CellSource[] => sources.map((source, i) => ({ id: `c${i + 1}`, source }));

describe('notebook context for the editor', function () {
  this.timeout(20000);

  it('sets the compiler options the comments say', () => {
    const options = cellCompilerOptions();
    expect(options.target).to.equal(ts.ScriptTarget.ESNext);
    expect(options.module).to.equal(ts.ModuleKind.ESNext);
    expect(options.moduleResolution).to.equal(ts.ModuleResolutionKind.Bundler);
    expect(options.moduleDetection).to.equal(ts.ModuleDetectionKind.Force);
  });

  it('knows a name declared two cells above, with the type it got there', () => {
    const { context, hover, errors } = setup();
    context.setCells(cells('np.random.seed(1);\nconst W1 = np.random.randn(4, 2);', 'const m = 3;', 'const Z = W1.dot(np.zeros([2, m]));\nZ.shape'));
    expect(hover('c3', 'W1')).to.equal('const W1: NDArray');
    expect(hover('c3', 'm')).to.equal('const m: 3');
    expect(errors('c3')).to.deep.equal([]);
  });

  it('follows notebook order: a later re-declaration wins below it, not above', () => {
    const { context, hover } = setup();
    context.setCells(cells('let x = 1;', 'x', 'const x = "text";', 'x'));
    expect(hover('c2', 'x')).to.equal('let x: number');
    expect(hover('c4', 'x')).to.equal('const x: "text"');
    // A cell's own declaration is not doubled by the context.
    expect(context.textOf('c3')).to.not.match(/declare const x/);
  });

  it('shows type errors against names from above, without errors from the context itself', () => {
    const { context, errors } = setup();
    context.setCells(cells('function relu(z: NDArray): NDArray { return z; }\ninterface Run { cost: number }', 'relu(3);\nconst r: Run = { cost: "high" };'));
    expect(errors('c2')).to.have.length(2);
    expect(errors('c2')[0]).to.match(/Argument of type 'number' is not assignable to parameter of type 'NDArray'/);
    expect(errors('c2')[1]).to.match(/Type 'string' is not assignable to type 'number'/);
    expect(errors('c1')).to.deep.equal([]);
  });

  it('updates the cells below when a cell above changes, and keeps positions of the cell text', () => {
    const { context, hover } = setup();
    context.setCells(cells('const a = 1;', 'const b = a;', 'b'));
    expect(hover('c3', 'b')).to.equal('const b: 1');
    context.setCells(cells('const a = "now a string";', 'const b = a;', 'b'));
    expect(hover('c3', 'b')).to.equal('const b: "now a string"');
    expect(context.textOf('c3')!.startsWith('b')).to.equal(true);
  });

  it('says whether an update changed any context: an edit inside a body changes none', () => {
    const { context } = setup();
    expect(context.setCells(cells('function f(x: number) { return x + 1; }', 'f(2)'))).to.equal(true);
    expect(context.setCells(cells('function f(x: number) { return x + 1; }', 'f(2)'))).to.equal(false);
    expect(context.setCells(cells('function f(x: number) { return x + 2; }', 'f(2)'))).to.equal(false);
    expect(context.setCells(cells('function f(x: number) { return String(x); }', 'f(2)'))).to.equal(true);
  });

  it('names the declaring cell for go to definition', () => {
    const { context } = setup();
    context.setCells(cells('const first = 1;', '\n\nfunction helper() { return first; }', 'helper()'));
    const d = context.definition('c3', 'helper')!;
    expect([d.cellId, d.start, d.length]).to.deep.equal(['c2', 11, 6]);
    expect(context.definition('c1', 'helper')).to.equal(undefined);
  });

  it('a cell still hears about using its own class before declaring it', () => {
    const { context, errors } = setup();
    context.setCells(cells('new Mine();\nclass Mine {}'));
    expect(errors('c1')).to.deep.equal(["Class 'Mine' used before its declaration."]);
  });

  it('destructured names and classes pass on too', () => {
    const { context, hover, errors } = setup();
    context.setCells(cells('const { a, b: [c] } = { a: 1, b: ["x"] };\nclass Net { layers = 2 }', 'const n = new Net();\nn.layers + a + c.length'));
    expect(hover('c2', 'c.length')).to.match(/^(let|const) c: string$/);
    expect(errors('c2')).to.deep.equal([]);
  });
});
