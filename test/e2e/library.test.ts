// The notebook library in the real app: the start page's list (rename, duplicate, trash),
// lesson copies with their resets and updates, storage refused altogether, output caps, and
// tensors displayed as tables.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { openNotebook, runCellAndWait, useApp, typeInCell, waitForKernel } from './harness';

type Doc = { id: string; title: string; metadata: Record<string, unknown>; cells: { id: string; source: string; outputs?: { text?: string }[] }[] };
const doc = (page: Page) => page.evaluate(() => (window as unknown as { nabla: { store: { doc: Doc } } }).nabla.store.doc);
const sourceOf = async (page: Page, i: number) => (await doc(page)).cells[i]!.source;

async function home(page: Page): Promise<void> {
  await page.locator('a.brand').click();
  await page.waitForSelector('nb-start');
}

async function moreMenu(page: Page, label: string): Promise<void> {
  await page.locator('details.menu summary').click();
  await page.locator('.menu-items button', { hasText: label }).click();
}

describe('notebook library', function () {
  const app = useApp();

  it('lists saved notebooks: rename, duplicate, delete to the trash, restore, delete forever', async () => {
    const page = await app.newPage();
    await openNotebook(page, app.url);
    await typeInCell(page, 0, '"first notebook"');
    // Renaming from the toolbar title.
    await page.locator('button.nb-title').click();
    await page.locator('.nb-title-input').fill('Experiments');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.notice.info');
    await home(page);
    const row = (name: string) => page.locator('ul[data-testid="saved"] li', { hasText: name });
    await row('Experiments').waitFor();
    expect(await row('Experiments').locator('time').textContent()).to.equal('just now');

    await row('Experiments').locator('[data-action="rename"]').click();
    await page.locator('input.rename').fill('Renamed experiments');
    await page.keyboard.press('Enter');
    await row('Renamed experiments').waitFor();

    await row('Renamed experiments').locator('[data-action="duplicate"]').click();
    await row('Copy of Renamed experiments').waitFor();
    await row('Copy of Renamed experiments').locator('a').click();
    await page.waitForSelector('nb-cell');
    expect(await sourceOf(page, 0)).to.equal('"first notebook"');
    await home(page);

    await row('Copy of Renamed experiments').locator('[data-action="trash"]').click();
    await page.locator('[data-testid="trash"] summary', { hasText: 'Trash (1)' }).waitFor();
    expect(await row('Copy of').count()).to.equal(0);
    await page.locator('[data-testid="trash"] summary').click();
    await page.locator('[data-testid="trash"] [data-action="restore"]').click();
    await row('Copy of Renamed experiments').waitFor();
    expect(await page.locator('[data-testid="trash"]').count()).to.equal(0);

    await row('Copy of Renamed experiments').locator('[data-action="trash"]').click();
    await page.locator('[data-testid="trash"] summary').click();
    await page.locator('[data-testid="trash"] [data-action="delete-forever"]').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="trash"]'));
    // A reload reads the same list back from IndexedDB.
    await page.reload();
    await row('Renamed experiments').waitFor();
    expect(await page.locator('ul[data-testid="saved"] li').count()).to.equal(1);
    expect(await page.locator('[data-testid="storage-line"]').textContent()).to.match(/used of .* available/);
    await page.context().close();
  });

  it('opens a lesson as the learner’s own copy; reset-to-original restores a cell, and the whole lesson', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await page.locator('[data-testid="lesson-welcome"]').click();
    await page.waitForSelector('nb-cell');
    const original = await sourceOf(page, 1);
    await typeInCell(page, 1, 'const m = 99; // my change');
    await page.waitForTimeout(1300); // autosave
    // Reopening the lesson from the start page finds the copy with the edit.
    await home(page);
    expect(await page.locator('[data-testid="lesson-welcome"] .card-meta').textContent()).to.contain('Your copy');
    await page.locator('[data-testid="lesson-welcome"]').click();
    await page.waitForSelector('nb-cell');
    expect(await sourceOf(page, 1)).to.equal('const m = 99; // my change');

    await page.locator('nb-cell').nth(1).click();
    await moreMenu(page, 'Reset cell to the original');
    await page.waitForFunction((src) => (window as unknown as { nabla: { store: { doc: Doc } } }).nabla.store.doc.cells[1]!.source === src, original);
    // The editor shows it too, not only the document.
    // Monaco draws spaces as non-breaking ones.
    await page.waitForFunction((src) => document.querySelectorAll('nb-cell')[1]!.textContent!.replace(/\u00a0/g, ' ').includes(src.split('\n')[1]!), original);

    await typeInCell(page, 2, '"changed again"');
    await moreMenu(page, 'Reset lesson to the original');
    await page.locator('.notice', { hasText: 'back to its original' }).waitFor();
    expect(await sourceOf(page, 2)).to.not.equal('"changed again"');
    // The version before the reset waits in the trash...
    await page.locator('.notice-action', { hasText: 'Undo' }).click();
    await page.locator('.notice', { hasText: 'Your version is back' }).waitFor();
    expect(await sourceOf(page, 2)).to.equal('"changed again"');
    await home(page);
    expect(await page.locator('[data-testid="trash"] summary').textContent()).to.equal('Trash (1)');
    await page.locator('[data-testid="trash"] summary').click();
    expect(await page.locator('[data-testid="trash"] li').textContent()).to.contain('Welcome to Nabla (before reset)');
    await page.context().close();
  });

  it('offers a newer lesson version without applying it; updating keeps the learner’s edits', async () => {
    const page = await app.newPage();
    await page.goto(app.url + '#/lesson/welcome');
    await page.waitForSelector('nb-cell');
    await typeInCell(page, 1, 'const m = 4; // mine');
    const count = (await doc(page)).cells.length;
    // Pretend this copy was made from a version 0 of the lesson that lacked its fourth cell.
    await page.evaluate(() => {
      const { store } = (window as unknown as { nabla: { store: { doc: Doc; dispatch(tx: unknown): void } } }).nabla;
      const d = store.doc;
      const nabla = d.metadata.nabla as { lesson: { cells: Record<string, string> } };
      const cells = { ...nabla.lesson.cells };
      delete cells[d.cells[3]!.id];
      const notebook = { ...d, cells: d.cells.filter((_, i) => i !== 3), metadata: { ...d.metadata, nabla: { ...nabla, lesson: { ...nabla.lesson, version: 0, cells } } } };
      store.dispatch({ steps: [{ type: 'replaceNotebook', notebook }], origin: 'load' });
    });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+s');
    await page.waitForTimeout(300);
    await page.reload();
    await page.waitForSelector('nb-cell');
    await page.locator('.notice', { hasText: 'newer version of this lesson' }).waitFor();
    expect((await doc(page)).cells.length).to.equal(count - 1); // offered, not applied
    await page.locator('.notice-action', { hasText: 'Update the lesson' }).click();
    await page.locator('.notice', { hasText: 'Lesson updated: 1 cell from the new version; 1 cell you edited' }).waitFor();
    expect((await doc(page)).cells.length).to.equal(count);
    expect(await sourceOf(page, 1)).to.equal('const m = 4; // mine');
    const info = (await doc(page)).metadata.nabla as { lesson: { version: number } };
    const shipped = Number(/\n  version: (\d+)\n/.exec((await import('node:fs')).readFileSync('notebooks/00-welcome.md', 'utf8'))![1]);
    expect(info.lesson.version).to.equal(shipped);
    await page.context().close();
  });

  it('without IndexedDB the learner is told, keeps working in memory, and can download a copy', async () => {
    const page = await app.newPage();
    await page.addInitScript(() => {
      // As in a private window that refuses storage: opening a database fails.
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    await openNotebook(page, app.url);
    await page.locator('[data-testid="storage-banner"]').waitFor();
    expect(await page.locator('[data-testid="storage-banner"]').textContent()).to.contain('cannot be stored in this browser');
    expect((await runCellAndWait(page, 0, '6 * 7')).trim()).to.equal('42');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+s');
    await page.locator('.notice.info', { hasText: 'as long as this tab stays open' }).waitFor();
    // The in-memory library still lists it on the start page.
    await home(page);
    await page.locator('ul[data-testid="saved"] li', { hasText: 'Untitled' }).waitFor();
    expect(await page.locator('[data-testid="storage-line"]').textContent()).to.contain('last until this tab closes');
    await page.locator('ul[data-testid="saved"] li a').click();
    await waitForKernel(page, 'idle');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="storage-banner"] .notice-action').click()]);
    expect(download.suggestedFilename()).to.match(/\.ipynb$/);
    await page.context().close();
  });

  it('keeps an output over the per-output cap out of storage, with a note where it was', async () => {
    const page = await app.newPage();
    await openNotebook(page, app.url);
    await runCellAndWait(page, 0, "display('x'.repeat(6_000_000)); console.log('small output kept')");
    await page.locator('.notice.warning', { hasText: 'too large to keep' }).waitFor({ timeout: 5000 });
    await page.reload();
    await page.waitForSelector('nb-cell .outputs');
    const text = await page.locator('nb-cell .outputs').first().textContent();
    expect(text).to.match(/Output not saved: 5\.7 MB is more than the 5 MB an output may keep/);
    expect(text).to.contain('small output kept');
    await page.context().close();
  });

  it('display() of a small tensor draws an HTML table; the last expression stays numpy text', async () => {
    const page = await app.newPage();
    await openNotebook(page, app.url);
    const out = await runCellAndWait(page, 0, 'const A = np.arange(6).reshape(2, 3);\ndisplay(A);\nA');
    expect(await page.locator('nb-cell table.nb-tensor td').allTextContents()).to.deep.equal(['0', '1', '2', '3', '4', '5']);
    expect(await page.locator('nb-cell table.nb-tensor caption').textContent()).to.contain('shape (2, 3)');
    expect(out).to.contain('array([[0, 1, 2],');
    await page.context().close();
  });
});
