// Jupyter's keyboard model, pressed for real: command mode and edit mode.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { cell, outputText, pressAndWaitForRun, typeInCell, useNotebookPage, waitForRunDone } from './harness';

const cellTypes = (page: Page) =>
  page.evaluate(() => (window as unknown as { nabla: { store: { doc: { cells: { cell_type: string }[] } } } }).nabla.store.doc.cells.map((c) => c.cell_type));
const sources = (page: Page) =>
  page.evaluate(() => (window as unknown as { nabla: { store: { doc: { cells: { source: string }[] } } } }).nabla.store.doc.cells.map((c) => c.source));

describe('keyboard shortcuts', function () {
  const fx = useNotebookPage();

  it('Shift+Enter runs the cell and adds a new one at the end, in edit mode', async () => {
    await typeInCell(fx.page, 0, '6 * 7');
    await pressAndWaitForRun(fx.page, 0, 'Shift+Enter');
    expect((await outputText(fx.page, 0)).trim()).to.equal('42');
    expect(await fx.page.locator('nb-cell').count()).to.equal(2);
    await fx.page.waitForSelector('nb-cell:nth-of-type(2) .monaco-editor.focused');
    await fx.page.keyboard.type('"typed here"');
    expect((await sources(fx.page))[1]).to.equal('"typed here"');
  });

  it('Alt+Enter runs and inserts below; Esc then A, B, D D and Z edit the cell list', async () => {
    await typeInCell(fx.page, 0, 'const first = 1');
    await pressAndWaitForRun(fx.page, 0, 'Alt+Enter');
    expect(await fx.page.locator('nb-cell').count()).to.equal(2);
    await fx.page.keyboard.type('"second"');
    await fx.page.keyboard.press('Escape');
    await fx.page.keyboard.press('a'); // above the selected (second) cell
    expect(await sources(fx.page)).to.deep.equal(['const first = 1', '', '"second"']);
    await fx.page.keyboard.press('b'); // below the new empty cell
    expect(await sources(fx.page)).to.deep.equal(['const first = 1', '', '', '"second"']);
    await fx.page.keyboard.press('j'); // select "second"
    await fx.page.keyboard.press('d');
    await fx.page.keyboard.press('d');
    expect(await sources(fx.page)).to.deep.equal(['const first = 1', '', '']);
    await fx.page.keyboard.press('z');
    expect(await sources(fx.page)).to.deep.equal(['const first = 1', '', '', '"second"']);
  });

  it('M and Y change the cell type; Enter edits and Shift+Enter renders markdown', async () => {
    await typeInCell(fx.page, 0, '# Title with $x^2$');
    await fx.page.keyboard.press('Escape');
    await fx.page.keyboard.press('m');
    expect(await cellTypes(fx.page)).to.deep.equal(['markdown']);
    await fx.page.waitForSelector('nb-cell .markdown-body.rendered h1 .katex');
    await fx.page.keyboard.press('y');
    expect(await cellTypes(fx.page)).to.deep.equal(['code']);
    await fx.page.keyboard.press('m');
    await fx.page.keyboard.press('Enter');
    await fx.page.waitForSelector('nb-cell .monaco-editor.focused');
    await fx.page.keyboard.press('Shift+Enter');
    await fx.page.waitForSelector('nb-cell .markdown-body.rendered h1');
  });

  it('K and J move the selection, Ctrl+Enter in command mode runs the selected cell', async () => {
    await typeInCell(fx.page, 0, '"one"');
    await fx.page.keyboard.press('Escape');
    await fx.page.keyboard.press('b');
    await typeInCell(fx.page, 1, '"two"');
    await fx.page.keyboard.press('Escape');
    await fx.page.keyboard.press('k');
    expect(await cell(fx.page, 0).getAttribute('selected')).to.equal('');
    await fx.page.keyboard.press('Control+Enter');
    await waitForRunDone(fx.page, 0);
    expect((await outputText(fx.page, 0)).trim()).to.equal("'one'");
    expect(await outputText(fx.page, 1)).to.equal('');
  });
});
