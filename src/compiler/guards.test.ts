import { expect } from 'chai';
import { rewriteCell } from './rewrite';
import { FakeKernel } from './testkit.test-util';

describe('rewriteCell: loop guards', () => {
  let k: FakeKernel;
  beforeEach(() => (k = new FakeKernel()));
  afterEach(() => k.cleanup());

  const guardsFor = async (ts: string): Promise<number> => {
    k.guards = 0;
    await k.run(ts);
    return k.guards;
  };

  it('calls the guard once per iteration of every kind of loop', async () => {
    expect(await guardsFor('for (let i = 0; i < 3; i++) {}')).to.equal(3);
    expect(await guardsFor('let w = 0;\nwhile (w < 2) w++;')).to.equal(2);
    expect(await guardsFor('do {} while (false);')).to.equal(1);
    expect(await guardsFor('for (const v of [1, 2]) {}')).to.equal(2);
    expect(await guardsFor('for (const key in { a: 1, b: 2, c: 3 }) {}')).to.equal(3);
    expect(await guardsFor('for await (const v of [1, 2]) ;')).to.equal(2);
  });

  it('guards loops nested in functions, arrows, methods and other loops', async () => {
    const cell = `
      function grid() { for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) {} }
      const each = (xs: number[]) => { for (const x of xs) { let n = x; do n--; while (n > 0); } };
      class Walker { walk() { let s = 0; while (s < 4) { s++; } return s; } }
      grid();
      each([1, 2]);
      new Walker().walk();`;
    // grid: 2 + 6; each: 2 for-of + (1 + 2) do-while; walk: 4.
    expect(await guardsFor(cell)).to.equal(8 + 5 + 4);
  });

  it('keeps labels working', async () => {
    const cell = 'let hits = 0;\nouter: for (let i = 0; i < 3; i++) { for (;;) { hits++; continue outer; } }\nhits';
    expect(await k.run(cell)).to.equal(3);
  });

  it('stops an endless loop when the guard throws', async () => {
    k.guardLimit = 1000;
    let error: unknown = null;
    await k.run('while (true) {}').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('interrupted');
    k.guards = 0;
    error = null;
    await k.run('const spin = () => { for (;;); };\nspin();').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('interrupted');
  });

  it('wraps a single-statement body in a block', () => {
    expect(rewriteCell('while (x) y();').code).to.contain('while (x) {__nb.g(); y();}');
    expect(rewriteCell('for (;;) for (;;) z();').code).to.contain('for (;;) {__nb.g(); for (;;) {__nb.g(); z();}}');
    expect(rewriteCell('for (;;) var v = 1;').code).to.contain('for (;;) {__nb.g(); v = 1;}');
  });
});
