// Failures are messages, never a hung page: exceptions, late rejections, deep recursion, huge
// allocations, output floods, a kernel that dies, and interrupts without cross-origin isolation.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useApp, useNotebookPage, openNotebook, outputText, runCellAndWait, typeInCell, waitForKernel, waitForRunDone } from './harness';

describe('failures', function () {
  const fx = useNotebookPage();

  it('shows a thrown non-Error value', async () => {
    const out = await runCellAndWait(fx.page, 0, 'throw { code: 42 }');
    expect(out).to.contain('Uncaught');
    expect(out).to.contain('{ code: 42 }');
  });

  it('shows an unhandled rejection that happens after the cell ended, on that cell', async () => {
    await runCellAndWait(fx.page, 0, 'setTimeout(() => Promise.reject(new Error("late failure")), 100); "done"');
    await fx.page.waitForFunction(() => document.querySelector('nb-cell .outputs')?.textContent?.includes('late failure'));
    const out = await outputText(fx.page, 0);
    expect(out).to.contain("'done'");
    expect(out).to.contain('Error: late failure');
  });

  it('turns deep recursion and a 16 GB allocation into errors and keeps the kernel', async () => {
    expect(await runCellAndWait(fx.page, 0, 'function down(n: number): number { return down(n + 1) + 1 }\ndown(0)')).to.contain('RangeError');
    expect(await runCellAndWait(fx.page, 0, 'const huge = new Float64Array(2e9)')).to.contain('RangeError');
    expect((await runCellAndWait(fx.page, 0, '1 + 1')).trim()).to.equal('2');
  });

  it('caps a flood of a million lines and stays responsive', async () => {
    await typeInCell(fx.page, 0, 'for (let i = 0; i < 1e6; i++) console.log(i)');
    await fx.page.keyboard.press('Control+Enter');
    await waitForRunDone(fx.page, 0, 60000);
    const out = await outputText(fx.page, 0);
    expect(out).to.contain('output truncated');
    expect(out).to.match(/995000 more lines were not shown/);
    expect(out.split('\n').length).to.be.lessThan(5100);
    // The page still answers at once.
    const t0 = Date.now();
    await fx.page.evaluate(() => 1);
    expect(Date.now() - t0).to.be.lessThan(1000);
  });

  it('says the kernel died when a cell ends it, and restarts on request', async () => {
    await runCellAndWait(fx.page, 0, 'const before = 1');
    await typeInCell(fx.page, 0, 'close()');
    await fx.page.keyboard.press('Control+Enter');
    await waitForKernel(fx.page, 'dead');
    expect(await fx.page.locator('.notice.error').first().textContent()).to.contain('kernel died');
    await fx.page.locator('.notice.error button', { hasText: 'Restart kernel' }).click();
    await waitForKernel(fx.page, 'idle');
    expect((await runCellAndWait(fx.page, 0, 'typeof before')).trim()).to.equal("'undefined'");
  });
});

describe('interrupt without cross-origin isolation', function () {
  const app = useApp({ isolate: false });

  it('restarts the kernel and says so plainly', async () => {
    const page = await app.newPage();
    await openNotebook(page, app.url);
    expect(await page.evaluate(() => self.crossOriginIsolated)).to.equal(false);
    await typeInCell(page, 0, 'while (true) {}');
    await page.keyboard.press('Control+Enter');
    await waitForKernel(page, 'busy');
    await page.locator('button[data-action="interrupt"]').click();
    await waitForKernel(page, 'idle');
    expect(await page.locator('.notice.warning').textContent()).to.contain('not cross-origin isolated');
    expect((await runCellAndWait(page, 0, '"alive"')).trim()).to.equal("'alive'");
  });
});
