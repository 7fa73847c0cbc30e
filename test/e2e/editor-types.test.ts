// The editor's TypeScript service in the real page: the kernel's declarations, earlier cells'
// names in later cells (notebook order), type errors marked, completions and hovers.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useNotebookPage } from './harness';

/** Replaces the open notebook's cells with these code cells, as a learner's notebook would hold them. */
async function setCells(page: Page, sources: string[]): Promise<void> {
  await page.evaluate((sources) => {
    const { store } = (window as unknown as { nabla: { store: { doc: { id: string; title: string; metadata: object }; dispatch(tx: unknown): void } } }).nabla;
    const cells = sources.map((source, i) => ({ id: `cell${i + 1}`, cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null }));
    store.dispatch({ steps: [{ type: 'replaceNotebook', notebook: { ...store.doc, cells } }], origin: 'load' });
  }, sources);
  await page.waitForFunction((n) => document.querySelectorAll('nb-cell .monaco-editor').length === n, sources.length, { timeout: 20000 });
}

/**
 * Hovers the first occurrence of `word` in cell `index` and returns the hover's text. While the
 * type service is still starting (types loading, first program), a hover can come back empty, so
 * it moves away and hovers again, as a learner would, for up to 30 s.
 */
async function hoverText(page: Page, index: number, word: string): Promise<string> {
  const token = page.locator('nb-cell').nth(index).locator('.view-line > span > span', { hasText: new RegExp(`^${word}\\b`) }).first();
  const hover = page.locator('.monaco-hover-content:visible').filter({ hasText: word }).first();
  const deadline = Date.now() + 30000;
  for (;;) {
    await page.mouse.move(0, 0);
    await token.hover();
    try {
      await hover.waitFor({ timeout: 3000 });
      return (await hover.textContent()) ?? '';
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  }
}

describe('editor intelligence', function () {
  this.timeout(90000);
  const fx = useNotebookPage();

  it('completes np.ra with random, from the kernel’s generated declarations', async () => {
    await setCells(fx.page, ['']);
    await fx.page.locator('nb-cell .monaco-editor').first().click();
    await fx.page.keyboard.type('np.ra');
    await fx.page.keyboard.press('Control+Space');
    await fx.page.locator('.suggest-widget .monaco-list-row', { hasText: 'random' }).first().waitFor({ timeout: 20000 });
  });

  it('hovering a name declared two cells above shows the type it got there', async () => {
    await setCells(fx.page, ['np.random.seed(1);\nconst W1 = np.random.randn(4, 2);', 'const m = 3;', 'W1.dot(np.zeros([2, m]))']);
    const text = await hoverText(fx.page, 2, 'W1');
    expect(text).to.contain('const W1: NDArray');
  });

  it('marks a call with a wrong argument type, and lists it under the cell; running is not blocked', async () => {
    await setCells(fx.page, ['function relu(z: NDArray): NDArray { return np.maximum(z, 0); }', 'relu(3)']);
    const problems = fx.page.locator('nb-cell').nth(1).locator('[data-testid="type-problems"]');
    await problems.waitFor({ timeout: 20000 });
    expect(await problems.textContent()).to.equal('1 type error');
    expect(await fx.page.locator('nb-cell').nth(1).locator('.type-problems li').textContent()).to.match(/line 1.*Argument of type 'number' is not assignable to parameter of type 'NDArray'/);
    expect(await fx.page.locator('nb-cell').nth(1).locator('.squiggly-error').count()).to.be.greaterThan(0);
    expect(await fx.page.locator('nb-cell').nth(0).locator('[data-testid="type-problems"]').count()).to.equal(0);
  });

  it('re-declaring a name with another type in a later cell changes the hovers below it only', async () => {
    await setCells(fx.page, ['const v = 1;', 'v', 'const v = "text";', 'v']);
    expect(await hoverText(fx.page, 1, 'v')).to.contain('const v: 1');
    expect(await hoverText(fx.page, 3, 'v')).to.contain('const v: "text"');
    // Typing a new declaration in cell 3 reaches cell 4.
    await fx.page.locator('nb-cell').nth(2).locator('.view-line span', { hasText: '"text"' }).first().dblclick();
    await fx.page.keyboard.press('Control+a');
    await fx.page.keyboard.type('const v = true;');
    await fx.page.waitForTimeout(800);
    expect(await hoverText(fx.page, 3, 'v')).to.contain('const v: true');
    expect(await hoverText(fx.page, 1, 'v')).to.contain('const v: 1');
  });

  it('go to definition (F12) on a name from another cell jumps to the cell that declared it', async () => {
    await setCells(fx.page, ['const alpha = 0.1;', 'const beta = 2;', 'alpha * beta']);
    // Once the hover knows alpha's type, the type service has the notebook.
    expect(await hoverText(fx.page, 2, 'alpha')).to.contain('const alpha: 0.1');
    await fx.page.locator('nb-cell').nth(2).locator('.view-line').first().click();
    await fx.page.keyboard.press('Home'); // the cursor on `alpha`
    await fx.page.keyboard.press('F12');
    await fx.page.waitForSelector('nb-cell[data-cell-id="cell1"][editing]', { timeout: 15000 });
    // The cursor sits on the declaration: typing lands there.
    await fx.page.keyboard.type('my_');
    await fx.page.waitForFunction(() => (window as unknown as { nabla: { store: { doc: { cells: { source: string }[] } } } }).nabla.store.doc.cells[0]!.source === 'const my_alpha = 0.1;');
  });
});
