// The notebook's core promise, checked in real Chromium with the real editor, compiler and kernel.
import { expect } from 'chai';
import { cell, outputText, pressAndWaitForRun, requestsOf, runCellAndWait, typeInCell, useNotebookPage, waitForKernel, waitForRunDone } from './harness';

describe('running cells', function () {
  const fx = useNotebookPage();

  async function addCell(): Promise<number> {
    await fx.page.locator('.add-cell button', { hasText: 'Code' }).click();
    return (await fx.page.locator('nb-cell').count()) - 1;
  }

  it('uses a value defined in one cell in the next, and shows the last expression', async () => {
    expect(await runCellAndWait(fx.page, 0, 'const w: number[] = [1, 2, 3];\nlet total = 0')).to.equal('');
    const i = await addCell();
    const out = await runCellAndWait(fx.page, i, 'for (const x of w) total += x * 2;\ntotal');
    expect(out.trim()).to.equal('12');
    expect(await cell(fx.page, i).locator('.prompt').textContent()).to.match(/\[2\]:/);
  });

  it('re-runs a cell that declares const with a new value', async () => {
    await runCellAndWait(fx.page, 0, 'const rate = 0.1');
    const i = await addCell();
    expect((await runCellAndWait(fx.page, i, 'rate * 10')).trim()).to.equal('1');
    await runCellAndWait(fx.page, 0, 'const rate = 0.5');
    await cell(fx.page, i).locator('.editor-wrap').click();
    await pressAndWaitForRun(fx.page, i, 'Control+Enter');
    expect((await outputText(fx.page, i)).trim()).to.equal('5');
  });

  it('supports top-level await and suppresses the result after a semicolon', async () => {
    const out = await runCellAndWait(fx.page, 0, 'const v = await new Promise<number>((r) => setTimeout(() => r(42), 50));\nv + 1');
    expect(out.trim()).to.equal('43');
    expect((await runCellAndWait(fx.page, 0, 'v + 1;')).trim()).to.equal('');
  });

  it('streams console output before a 2-second cell finishes', async () => {
    await typeInCell(fx.page, 0, 'console.log("first");\nawait new Promise((r) => setTimeout(r, 2000));\nconsole.log("second")');
    await fx.page.keyboard.press('Control+Enter');
    await fx.page.waitForFunction(() => document.querySelector('nb-cell .outputs')?.textContent?.includes('first'), null, { timeout: 1500 });
    const early = await outputText(fx.page, 0);
    expect(early).to.contain('first');
    expect(early).not.to.contain('second');
    expect(await cell(fx.page, 0).locator('.prompt').textContent()).to.equal('[*]:');
    await waitForRunDone(fx.page, 0);
    expect(await outputText(fx.page, 0)).to.contain('second');
  });

  it('interrupts an infinite loop and keeps the variables defined before it', async () => {
    await runCellAndWait(fx.page, 0, 'const keep = "still here"');
    const i = await addCell();
    await typeInCell(fx.page, i, 'let n = 0;\nwhile (true) { n++; }');
    await fx.page.keyboard.press('Control+Enter');
    await waitForKernel(fx.page, 'busy');
    await fx.page.waitForTimeout(300);
    const t0 = Date.now();
    await fx.page.locator('button[data-action="interrupt"]').click();
    await waitForRunDone(fx.page, i, 5000);
    expect(Date.now() - t0).to.be.lessThan(1500);
    expect(await outputText(fx.page, i)).to.contain('KeyboardInterrupt');
    const j = await addCell();
    expect((await runCellAndWait(fx.page, j, 'keep + " " + (n > 0)')).trim()).to.equal("'still here true'");
  });

  it('names the line of a syntax error and marks it in the editor', async () => {
    const out = await runCellAndWait(fx.page, 0, 'const a = 1;\nconst b = 2;\nconst c = a +* b;');
    expect(out).to.contain('SyntaxError');
    expect(out).to.match(/line 3/);
    await fx.page.waitForSelector('nb-cell .squiggly-error');
  });

  it('points a runtime error at the cell line it came from', async () => {
    await runCellAndWait(fx.page, 0, 'function inner(x: number) {\n  if (x > 2) throw new RangeError("x too big: " + x);\n  return x;\n}');
    const i = await addCell();
    const out = await runCellAndWait(fx.page, i, 'const ok = inner(1);\n\ninner(5)');
    expect(out).to.contain('RangeError: x too big: 5');
    expect(out).to.match(/inner \(In \[1\], line 2\)/);
    expect(out).to.match(/In \[2\], line 3/);
  });

  it('gives cells numpy: seeded randn prints like numpy, matmul runs in the worker', async () => {
    const out = await runCellAndWait(fx.page, 0, 'np.random.seed(3);\nconst W1 = np.multiply(np.random.randn(4, 2), Math.sqrt(2 / 2));\nW1');
    expect(out.trim()).to.equal(
      'array([[ 1.78862847,  0.43650985],\n       [ 0.09649747, -1.8634927 ],\n       [-0.2773882 , -0.35475898],\n       [-0.08274148, -0.62700068]])',
    );
    const i = await addCell();
    const big = await runCellAndWait(fx.page, i, 'const A = np.ones([300, 300], "float32");\nnp.sum(A.dot(A) as np.NDArray)');
    expect(big.trim()).to.equal(String(300 * 300 * 300));
  });

  it('gives cells the dl toolkit: the course circles net starts at cost 0.8830537463419761', async () => {
    const code = [
      'np.random.seed(1);',
      'const { X, Y } = dl.data.makeCircles(300, { noise: 0.05 });',
      "const net = dl.sequential([dl.dense(10, { activation: 'relu', init: 'he' }), dl.dense(5, { activation: 'relu', init: 'he' }), dl.dense(1, { activation: 'sigmoid', init: 'he' })], 2, { seed: 3 });",
      'const h = net.fit(X, Y, { epochs: 1, lr: 0.01 });',
      'h.cost[0]',
    ].join('\n');
    expect((await runCellAndWait(fx.page, 0, code)).trim()).to.equal('0.8830537463419761');
  });

  it('restart clears all state', async () => {
    await runCellAndWait(fx.page, 0, 'const gone = 1');
    await fx.page.locator('button[data-action="restart"]').click();
    await waitForKernel(fx.page, 'idle');
    const out = await runCellAndWait(fx.page, 0, 'typeof gone');
    expect(out.trim()).to.equal("'undefined'");
    expect(await cell(fx.page, 0).locator('.prompt').textContent()).to.equal('[1]:');
    // The compiler lives in the page: a kernel restart neither fetches nor compiles esbuild.wasm again.
    expect(requestsOf(fx.page).filter((u) => u.endsWith('/esbuild.wasm')).length).to.equal(1);
  });
});
