// Opening notebooks: the start page, the welcome notebook, lazy editors, saving.
import { expect } from 'chai';
import { openNotebook, runCellAndWait, useApp, typeInCell, waitForKernel } from './harness';

describe('notebooks', function () {
  const app = useApp();

  it('shows the start page, opens the welcome notebook with rendered math', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await page.locator('[data-testid="lesson-welcome"]').click();
    await page.waitForSelector('nb-cell .markdown-body.rendered .katex-display');
    expect(await page.locator('nb-cell').count()).to.be.greaterThan(4);
    await page.context().close();
  });

  it('renders a 40-cell notebook before creating editors, and creates them only near the viewport', async () => {
    const page = await app.newPage();
    await openNotebook(page, app.url);
    await page.evaluate(() => {
      const n = (window as unknown as { nabla: { store: { dispatch(tx: unknown): void; doc: { cells: unknown[] } } } }).nabla;
      const cells = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, cell_type: 'code', source: `const x${i} = ${i};\nx${i} * 2`, metadata: {}, outputs: [], execution_count: null }));
      n.store.dispatch({ steps: [{ type: 'replaceNotebook', notebook: { id: 'big', title: 'Big', metadata: {}, cells } }], origin: 'load' });
    });
    await page.waitForFunction(() => document.querySelectorAll('nb-cell').length === 40);
    expect(await page.locator('nb-cell .source-view').count()).to.be.greaterThan(20);
    await page.waitForSelector('nb-cell .monaco-editor');
    await page.waitForTimeout(500);
    const editors = await page.locator('.monaco-editor').count();
    expect(editors).to.be.greaterThan(0);
    expect(editors).to.be.lessThan(40);
    await page.context().close();
  });

  it('saves with Ctrl+S and reopens the notebook after a reload', async () => {
    const page = await app.newPage();
    await openNotebook(page, app.url);
    await runCellAndWait(page, 0, '"kept"');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.notice', { state: 'visible' });
    expect(await page.locator('.notice').textContent()).to.contain('Saved');
    await page.goto(app.url);
    await page.locator('.saved a').first().click();
    await waitForKernel(page, 'idle');
    expect(await page.locator('nb-cell .outputs').first().textContent()).to.contain("'kept'");
    await page.context().close();
  });
});

describe('autosave', function () {
  const app = useApp();

  it('saves edits and outputs within a second; a reload shows them, charts included, without running', async () => {
    const page = await app.newPage();
    await openNotebook(page, app.url);
    const code = "console.log('kept output');\ndisplay({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json', data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });";
    await runCellAndWait(page, 0, code);
    expect(page.url()).to.match(/#\/nb\//);
    await page.waitForTimeout(1500); // autosave happens within a second of the last change
    await page.reload();
    await page.waitForSelector('nb-cell .outputs');
    expect(await page.locator('nb-cell .outputs').first().textContent()).to.contain('kept output');
    await page.waitForFunction(() => document.querySelectorAll('nb-vega svg .mark-symbol.role-mark > path').length === 2);
    expect(await page.locator('nb-cell .prompt').first().textContent()).to.equal('[1]:');
    await page.context().close();
  });

  it('keeps an edit typed just before the page goes away', async () => {
    const page = await app.newPage();
    await openNotebook(page, app.url);
    const address = page.url();
    await typeInCell(page, 0, 'const typedJustBeforeLeaving = 1');
    // No wait for the one-second autosave: leaving the page must flush it.
    await page.goto('about:blank');
    await page.goto(address);
    await page.waitForSelector('nb-cell');
    const source = await page.evaluate(() => (window as unknown as { nabla: { store: { doc: { cells: { source: string }[] } } } }).nabla.store.doc.cells[0]!.source);
    expect(source).to.equal('const typedJustBeforeLeaving = 1');
    await page.context().close();
  });

  it('a second tab on the same notebook is told, and does not overwrite the first', async () => {
    const first = await app.newPage();
    await openNotebook(first, app.url);
    await runCellAndWait(first, 0, '"from the first tab"');
    await first.waitForTimeout(1500);
    const second = await first.context().newPage(); // same browser profile: same storage and locks
    await second.goto(first.url());
    await second.waitForSelector('.notice.warning');
    expect(await second.locator('.notice.warning').textContent()).to.contain('open in another tab');
    await typeInCell(second, 0, '"from the second tab"');
    await second.waitForTimeout(1500);
    await second.close();
    await first.reload();
    await first.waitForSelector('nb-cell');
    const source = await first.evaluate(() => (window as unknown as { nabla: { store: { doc: { cells: { source: string }[] } } } }).nabla.store.doc.cells[0]!.source);
    expect(source).to.equal('"from the first tab"');
    await first.context().close();
  });

  it('when the first tab closes, the second is handed the notebook and its edits are saved', async () => {
    const first = await app.newPage();
    await openNotebook(first, app.url);
    await runCellAndWait(first, 0, '"saved by the first tab"');
    await first.waitForTimeout(1300);
    const second = await first.context().newPage();
    await second.goto(first.url());
    await second.locator('.notice.warning', { hasText: 'open in another tab' }).waitFor();
    await first.close();
    await second.locator('.notice.info', { hasText: 'you can edit it here now' }).waitFor();
    const doc = () => second.evaluate(() => (window as unknown as { nabla: { store: { doc: { cells: { source: string }[] } } } }).nabla.store.doc.cells[0]!.source);
    expect(await doc()).to.equal('"saved by the first tab"');
    await typeInCell(second, 0, '"now the second tab edits"');
    await second.waitForTimeout(1300);
    await second.reload();
    await second.waitForSelector('nb-cell');
    expect(await doc()).to.equal('"now the second tab edits"');
    await second.context().close();
  });

  it('a full storage quota shows a message, keeps the work, and offers a copy to download', async () => {
    const page = await app.newPage();
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if ((window as unknown as { failPuts?: boolean }).failPuts) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await openNotebook(page, app.url);
    await page.evaluate(() => ((window as unknown as { failPuts: boolean }).failPuts = true));
    await typeInCell(page, 0, '"precious work"');
    await page.waitForSelector('.notice.error', { timeout: 5000 });
    expect(await page.locator('.notice.error').textContent()).to.contain('storage is full');
    expect(await page.evaluate(() => (window as unknown as { nabla: { store: { doc: { cells: { source: string }[] } } } }).nabla.store.doc.cells[0]!.source)).to.equal('"precious work"');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.notice-action', { hasText: 'Download a copy' }).click()]);
    expect(download.suggestedFilename()).to.match(/\.ipynb$/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync((await download.path())!, 'utf8')).to.contain('precious work');
    await page.context().close();
  });
});
