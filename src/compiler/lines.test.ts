import { expect } from 'chai';
import { rewriteCell } from './rewrite';
import { FakeKernel, esbuildJs } from './testkit.test-util';

const CELL = `import { np } from "nabla";
enum Mode { Train, Eval }
const { a, b = 2 } = { a: np.id };
export let x = 1,
  y = 2;
class Model {
  step() {
    for (const v of [1]) x += v;
  }
}
var [first] = [1], later;
function fail(n: number) {
  if (n > 1) {
    throw new Error("boom " + n);
  }
}
const f = () => {
  while (x < 3) x++;
};
f();
fail(x)
`;

/** 1-based line of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('rewriteCell: line numbers', () => {
  let k: FakeKernel;
  beforeEach(() => (k = new FakeKernel()));
  afterEach(() => k.cleanup());

  it('keeps every line of esbuild output on the same line', async () => {
    const js = await esbuildJs(CELL);
    const { code } = rewriteCell(js);
    const inLines = js.split('\n');
    const outLines = code.split('\n');
    // The wrapper's closing `})` is the only extra line.
    expect(outLines.length).to.equal(inLines.length + 1);
    expect(outLines[outLines.length - 1]).to.equal('})');
    expect(outLines[0].startsWith('(async function (__nb) {"use strict";')).to.equal(true);
    expect(outLines[0]).to.contain('await __nb.imp("nabla")');
    const throwLine = lineOf(js, 'throw new Error');
    expect(throwLine).to.be.greaterThan(1);
    expect(outLines[throwLine - 1]).to.contain('throw new Error("boom " + n)');
    for (const marker of ['class Model', 'for (const v of [1])', 'while (x < 3)', 'fail(x)']) {
      expect(lineOf(code, marker), marker).to.equal(lineOf(js, marker));
    }
    // Function declarations are renamed in place (see privateFunctionName).
    expect(lineOf(code, 'function __nbf_fail(n)')).to.equal(lineOf(js, 'function fail(n)'));
  });

  it('reports a thrown error on the line esbuild put the throw on', async () => {
    const js = await esbuildJs(CELL);
    let stack = '';
    await k.exec(rewriteCell(js).code, 'line-test.js').catch((e: Error) => (stack = String(e.stack)));
    expect(stack).to.contain('boom 3');
    const frame = /line-test\.js:(\d+):\d+/.exec(stack);
    expect(Number(frame?.[1])).to.equal(lineOf(js, 'throw new Error'));
  });

  it('keeps the lines of multi-line imports and export lists', () => {
    const js = 'import {\n  np,\n  dl\n} from "nabla";\nconst q = 1;\nexport {\n  q\n};\nq\n';
    const { code } = rewriteCell(js);
    expect(code.split('\n').length).to.equal(js.split('\n').length + 1);
    expect(lineOf(code, '__nb.def("q"')).to.equal(5);
    expect(lineOf(code, 'return (q)')).to.equal(9);
  });
});
