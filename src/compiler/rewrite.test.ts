import { expect } from 'chai';
import { rewriteCell } from './rewrite';
import { FakeKernel, globals } from './testkit.test-util';

describe('rewriteCell: cells share their top-level names', () => {
  let k: FakeKernel;
  beforeEach(() => (k = new FakeKernel()));
  afterEach(() => k.cleanup());

  it('keeps values across cells', async () => {
    await k.run('const x: number = 41;\nlet y = "a";');
    expect(await k.run('x + 1')).to.equal(42);
    expect(await k.run('y = y + "b"; y')).to.equal('ab');
  });

  it('lets a cell redefine a const, in another cell or by running again', async () => {
    await k.run('const x = 1;');
    await k.run('const x = 2;');
    expect(globals.x).to.equal(2);
    const cell = 'const counter = (globalThis as any).counter === undefined ? 0 : 1; counter';
    expect(await k.run(cell)).to.equal(0);
    expect(await k.run(cell)).to.equal(1);
  });

  it('publishes declarations with no initializer as undefined', async () => {
    const r = await k.compile('let u: number;\nconst c = 3, d = c + 1;');
    await k.exec(r.code);
    expect('u' in globalThis).to.equal(true);
    expect(globals.u).to.equal(undefined);
    expect(globals.d).to.equal(4);
    expect(r.declared).to.deep.equal(['u', 'c', 'd']);
  });

  it('destructures with defaults and rest, evaluating the initializer once', async () => {
    const r = await k.compile(`
      let calls = 0;
      const src = () => (calls++, { a: 1, b: [3], e: 5, f: 6 });
      const { a, b: [c, d = 2], ...rest } = src(), [p, , ...qs] = [7, 8, 9, 10];`);
    await k.exec(r.code);
    expect([globals.a, globals.c, globals.d, globals.rest]).to.deep.equal([1, 3, 2, { e: 5, f: 6 }]);
    expect([globals.p, globals.qs, globals.calls]).to.deep.equal([7, [9, 10], 1]);
    expect(r.declared).to.deep.equal(['calls', 'src', 'a', 'c', 'd', 'rest', 'p', 'qs']);
  });

  it('leaves no local binding that would hide a later value from the cell\'s functions', async () => {
    await k.run('const x = 1;\nconst readX = () => x;');
    await k.run('const x = 2;');
    expect(await k.run('readX()')).to.equal(2);
  });

  it('hoists functions, and lets them see names defined by later cells', async () => {
    expect(await k.run('const r = twice(4);\nfunction twice(n: number) { return 2 * n; }\nr')).to.equal(8);
    await k.run('function scale(v: number) { return v * (globalThis as any).factor; }');
    expect(await k.run('const factor = 3;\nscale(2)')).to.equal(6);
    expect(await k.run('async function* gen() { yield 1; }\n(await gen().next()).value')).to.equal(1);
  });

  it('keeps the names of functions and classes bound to a const', async () => {
    expect(await k.run('const f = () => 1, g = function () {}, K = class {};\n[f.name, g.name, K.name]')).to.deep.equal([
      'f',
      'g',
      'K',
    ]);
  });

  it('defines classes, which keep their name and inner binding', async () => {
    await k.run(`
      class Point {
        static origin = new Point(0);
        constructor(public x: number) {}
        norm() { return Math.abs(this.x); }
      }`);
    expect(await k.run('[new Point(-3).norm(), Point.name, Point.origin.x]')).to.deep.equal([3, 'Point', 0]);
    await k.run('class Point { kind() { return "new"; } }');
    expect(await k.run('new Point().kind()')).to.equal('new');
  });

  it('compiles enums and namespaces, and runs them again', async () => {
    const cell = 'enum Color { Red, Green = Red + 2 }\nnamespace Geo { export const zero = 0; }';
    await k.run(cell);
    await k.run(cell);
    expect(await k.run('[Color.Green, Color[0], Geo.zero]')).to.deep.equal([2, 'Red', 0]);
  });

  it('makes function-level vars globals, in loops and blocks too', async () => {
    await k.run('var count = 1;\nfor (var i = 0, j; i < 3; i++) {}\nif (count) { var inner = "yes"; }');
    await k.run('count++;\nfor (var [key, val] of Object.entries({ a: 1 })) {}');
    expect([globals.count, globals.i, globals.inner, globals.key, globals.val]).to.deep.equal([2, 3, 'yes', 'a', 1]);
    expect('j' in globalThis).to.equal(true);
    // As in a script, declaring a var again without a value keeps the value it has.
    expect(await k.run('var count;\ncount')).to.equal(2);
    await k.run('function local() { var hidden = 1; return hidden; }\nlocal();');
    expect('hidden' in globalThis).to.equal(false);
  });

  it('guards the statement before a destructuring var against a missing semicolon', async () => {
    // Without a `;` in front, `n\n([a] = [5])` would call n.
    expect(await k.exec(rewriteCell('const n = 1\nn\nvar [a] = [5]\na').code)).to.equal(5);
  });

  it('runs top-level await and returns the value', async () => {
    expect(await k.run('const v = await Promise.resolve(5);\nfor await (const w of [Promise.resolve(1)]) {}\nv * 2')).to.equal(10);
  });
});

describe('rewriteCell: top-level function declarations are globals only', () => {
  let k: FakeKernel;
  beforeEach(() => (k = new FakeKernel()));
  afterEach(() => k.cleanup());

  it('lets a later cell redefine a function that an earlier cell\'s function calls', async () => {
    await k.run('function train() { return helper(); }\nfunction helper() { return 1; }');
    expect(await k.run('train()')).to.equal(1);
    await k.run('function helper() { return 2; }');
    expect(await k.run('train()')).to.equal(2);
  });

  it('leaves no local binding with the user\'s name in the wrapper', async () => {
    const r = await k.compile('function helper() {}\nasync function* gen() {}\nexport function ex() {}');
    for (const name of ['helper', 'gen', 'ex']) expect(r.code).not.to.match(new RegExp(`function\\*?\\s*${name}\\b`));
    expect(r.declared).to.deep.equal(['helper', 'gen', 'ex']);
    // Only the identifier changed: the declaration stays on its line.
    expect(r.code.split('\n').length).to.equal(r.js.split('\n').length + 1);
  });

  it('hoists: statements above a declaration call it, and so do functions declared before it', async () => {
    const cell = 'const early = later(1);\nfunction first(n: number) { return later(n) + 1; }\nfunction later(n: number) { return n * 10; }\n[early, first(2)]';
    expect(await k.run(cell)).to.deep.equal([10, 21]);
  });

  it('keeps the function\'s name, for every kind of declaration', async () => {
    const cell = `
      function f() {}
      async function af() {}
      function* gf() {}
      async function* agf() {}
      export function ef() {}
      export default function df() {}
      [f, af, gf, agf, ef, df].map((fn) => fn.name)`;
    expect(await k.run(cell)).to.deep.equal(['f', 'af', 'gf', 'agf', 'ef', 'df']);
    expect(Object.getOwnPropertyDescriptor(globals.f, 'name')).to.deep.include({ value: 'f', writable: false });
    expect(await k.run('function Point(this: any, x: number) { this.x = x; }\nnew (Point as any)(1).constructor.name')).to.equal('Point');
  });

  it('makes recursion call the global, so it picks up a later redefinition', async () => {
    await k.run('function fact(n: number): number { return n <= 1 ? 1 : n * fact(n - 1); }');
    expect(await k.run('fact(4)')).to.equal(24);
    await k.run('const oldFact = fact;\nfunction fact(n: number) { return 0; }');
    expect(await k.run('[oldFact(4), fact(4)]')).to.deep.equal([0, 0]);
  });

  it('redefines generators, async and exported functions too', async () => {
    await k.run('function* g() { yield tag(); }\nasync function a() { return tag(); }\nexport default function d() { return tag(); }\nexport function e() { return tag(); }\nfunction tag() { return "old"; }');
    await k.run('function tag() { return "new"; }');
    expect(await k.run('[g().next().value, await a(), d(), e()]')).to.deep.equal(['new', 'new', 'new', 'new']);
    await k.run('export function e() { return "e2"; }');
    expect(await k.run('e()')).to.equal('e2');
  });

  it('merges a function with a namespace of the same name', async () => {
    expect(await k.run('function tool() { return 1; }\nnamespace tool { export const version = 2; }\n[tool(), tool.version, tool.name]')).to.deep.equal([
      1,
      2,
      'tool',
    ]);
  });
});

describe('rewriteCell: esbuild helpers', () => {
  let k: FakeKernel;
  beforeEach(() => (k = new FakeKernel()));
  afterEach(() => k.cleanup());

  it('keeps esbuild\'s helpers working but does not list names starting with __', async () => {
    const r = await k.compile(`
      function tagged(cls: any, ctx: ClassDecoratorContext) { cls.tagged = String(ctx.name); }
      @tagged class Model { static size = 3; }
      const __mine = 1;
      [(Model as any).tagged, Model.size]`);
    expect(r.js).to.match(/^var __decorateElement = /m);
    expect(await k.exec(r.code)).to.deep.equal(['Model', 3]);
    expect(r.declared.filter((n) => n.startsWith('__'))).to.deep.equal([]);
    expect(r.declared).to.include.members(['tagged', 'Model']);
    expect(await k.run('Model.size + 1')).to.equal(4);
  });
});

describe('rewriteCell: result of the last expression', () => {
  let k: FakeKernel;
  beforeEach(() => (k = new FakeKernel()));
  afterEach(() => k.cleanup());

  it('returns the last expression statement', async () => {
    const r = await k.compile('const a = 2;\na * 21');
    expect(r.hasResult).to.equal(true);
    expect(await k.exec(r.code)).to.equal(42);
    expect(await k.run('({ a: 1 })')).to.deep.equal({ a: 1 });
    expect(await k.run('"hello"')).to.equal('hello');
  });

  it('returns nothing when suppressed or when the cell ends with a declaration', async () => {
    const r = await k.compile('1 + 1', { suppressResult: true });
    expect(r.hasResult).to.equal(false);
    expect(await k.exec(r.code)).to.equal(undefined);
    expect((await k.compile('const z = 1;')).hasResult).to.equal(false);
    expect((await k.compile('if (true) { 5; }')).hasResult).to.equal(false);
  });

  it('compiles empty and comment-only cells to a function returning undefined', async () => {
    for (const src of ['', '// just a note', '/* a\n block */']) {
      const r = rewriteCell(src);
      expect(r.hasResult).to.equal(false);
      expect(await k.exec(r.code)).to.equal(undefined);
    }
  });

  it('accepts input that already has a "use strict" directive', async () => {
    expect(await k.exec(rewriteCell('"use strict";\nconst s = 1;\ns + 1').code)).to.equal(2);
  });
});

describe('rewriteCell: imports and exports', () => {
  let k: FakeKernel;
  beforeEach(() => (k = new FakeKernel()));
  afterEach(() => k.cleanup());

  it('resolves imports through the kernel', async () => {
    const r = await k.compile(
      'import { np, dl as d } from "nabla";\nimport * as N from "nabla";\nimport def from "nabla";\n[np, d, N.np === np, def]',
    );
    expect(await k.exec(r.code)).to.deep.equal([{ id: 'np-module' }, { id: 'dl-module' }, true, 'the-default']);
    expect(r.declared).to.deep.equal(['np', 'd', 'N', 'def']);
    expect(await k.run('np.id')).to.equal('np-module');
  });

  it('runs side-effect imports and lets the kernel reject unknown modules', async () => {
    await k.run('import "nabla";');
    expect(k.imports).to.deep.equal(['nabla']);
    let error: unknown = null;
    await k.run('import { x } from "left-pad";\nx').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('Cannot import "left-pad"');
  });

  it('drops export keywords', async () => {
    const r = await k.compile('export const x = 1;\nexport function f() { return 2; }\nexport class C {}\nx + f()');
    expect(await k.exec(r.code)).to.equal(3);
    expect(r.declared).to.deep.equal(['x', 'f', 'C']);
    expect(r.code).not.to.match(/\bexport\b/);
  });

  it('turns export default into an expression statement and removes export lists', async () => {
    const js = 'const a = 1;\nexport { a };\nexport * from "y";\nexport default { a };';
    expect(await k.exec(rewriteCell(js).code)).to.deep.equal({ a: 1 });
    expect(await k.exec(rewriteCell('export default function () { return 1; }').code)).to.be.a('function');
    await k.exec(rewriteCell('export default class Named {}').code);
    expect(globals.Named).to.be.a('function');
  });
});
