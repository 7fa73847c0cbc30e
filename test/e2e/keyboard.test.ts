// Jupyter's keyboard model, pressed for real: command mode and edit mode.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { cell, openNotebook, outputText, pressAndWaitForRun, startApp, typeInCell, waitForRunDone } from './harness';
import type { App } from './harness';

const cellTypes = (page: Page) =>
  page.evaluate(() => (window as unknown as { nabla: { store: { doc: { cells: { cell_type: string }[] } } } }).nabla.store.doc.cells.map((c) => c.cell_type));
const sources = (page: Page) =>
  page.evaluate(() => (window as unknown as { nabla: { store: { doc: { cells: { source: string }[] } } } }).nabla.store.doc.cells.map((c) => c.source));

describe('keyboard shortcuts', function () {
  let app: App;
  let page: Page;

  before(async () => {
    app = await startApp();
  });
  after(async () => app?.close());
  beforeEach(async () => {
    page = await app.newPage();
    await openNotebook(page, app.url);
  });
  afterEach(async () => page?.context().close());

  it('Shift+Enter runs the cell and adds a new one at the end, in edit mode', async () => {
    await typeInCell(page, 0, '6 * 7');
    await pressAndWaitForRun(page, 0, 'Shift+Enter');
    expect((await outputText(page, 0)).trim()).to.equal('42');
    expect(await page.locator('nb-cell').count()).to.equal(2);
    await page.waitForSelector('nb-cell:nth-of-type(2) .monaco-editor.focused');
    await page.keyboard.type('"typed here"');
    expect((await sources(page))[1]).to.equal('"typed here"');
  });

  it('Alt+Enter runs and inserts below; Esc then A, B, D D and Z edit the cell list', async () => {
    await typeInCell(page, 0, 'const first = 1');
    await pressAndWaitForRun(page, 0, 'Alt+Enter');
    expect(await page.locator('nb-cell').count()).to.equal(2);
    await page.keyboard.type('"second"');
    await page.keyboard.press('Escape');
    await page.keyboard.press('a'); // above the selected (second) cell
    expect(await sources(page)).to.deep.equal(['const first = 1', '', '"second"']);
    await page.keyboard.press('b'); // below the new empty cell
    expect(await sources(page)).to.deep.equal(['const first = 1', '', '', '"second"']);
    await page.keyboard.press('j'); // select "second"
    await page.keyboard.press('d');
    await page.keyboard.press('d');
    expect(await sources(page)).to.deep.equal(['const first = 1', '', '']);
    await page.keyboard.press('z');
    expect(await sources(page)).to.deep.equal(['const first = 1', '', '', '"second"']);
  });

  it('M and Y change the cell type; Enter edits and Shift+Enter renders markdown', async () => {
    await typeInCell(page, 0, '# Title with $x^2$');
    await page.keyboard.press('Escape');
    await page.keyboard.press('m');
    expect(await cellTypes(page)).to.deep.equal(['markdown']);
    await page.waitForSelector('nb-cell .markdown-body.rendered h1 .katex');
    await page.keyboard.press('y');
    expect(await cellTypes(page)).to.deep.equal(['code']);
    await page.keyboard.press('m');
    await page.keyboard.press('Enter');
    await page.waitForSelector('nb-cell .monaco-editor.focused');
    await page.keyboard.press('Shift+Enter');
    await page.waitForSelector('nb-cell .markdown-body.rendered h1');
  });

  it('K and J move the selection, Ctrl+Enter in command mode runs the selected cell', async () => {
    await typeInCell(page, 0, '"one"');
    await page.keyboard.press('Escape');
    await page.keyboard.press('b');
    await typeInCell(page, 1, '"two"');
    await page.keyboard.press('Escape');
    await page.keyboard.press('k');
    expect(await cell(page, 0).getAttribute('selected')).to.equal('');
    await page.keyboard.press('Control+Enter');
    await waitForRunDone(page, 0);
    expect((await outputText(page, 0)).trim()).to.equal("'one'");
    expect(await outputText(page, 1)).to.equal('');
  });
});
