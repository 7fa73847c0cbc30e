// The lesson runner: every notebook in notebooks/ runs top to bottom in headless Chromium through
// the real compiler and Worker kernel, as a learner's "Run all" would. A lesson fails on any
// error or failed check() and prints how long it took. Cells tagged "skip-execution" (the
// welcome tour's deliberate infinite loop) are left out, as nbclient does.
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useApp, waitForKernel } from './harness';

const CHECK_MIME = 'application/vnd.nabla.check+json';

interface RunReport {
  readonly ran: number;
  readonly failures: string[];
  readonly checks: { claim: string; passed: boolean }[];
}

/** Runs the open lesson's code cells in order and waits for the last to finish. */
function runLesson(page: Page): Promise<RunReport> {
  return page.evaluate(async (checkMime) => {
    type Out = { output_type: string; data?: Record<string, unknown>; ename?: string; evalue?: string; text?: string };
    type C = { id: string; cell_type: string; metadata: { tags?: string[] }; outputs?: Out[] };
    const nabla = (window as unknown as { nabla: { store: { doc: { cells: C[] }; state: { runtime: Map<string, { status: string; lastRunOk: boolean | null }> } }; session: { run(ids: string[]): void } } }).nabla;
    const ids = nabla.store.doc.cells.filter((c) => c.cell_type === 'code' && !c.metadata.tags?.includes('skip-execution')).map((c) => c.id);
    nabla.session.run(ids);
    const finished = () => ids.every((id) => {
      const rt = nabla.store.state.runtime.get(id);
      return rt && rt.status === 'idle' && rt.lastRunOk !== null;
    });
    const failedCell = () => ids.some((id) => nabla.store.state.runtime.get(id)?.lastRunOk === false);
    // A failed cell cancels the queue behind it (as in Jupyter), so stop waiting at the first failure.
    while (!finished() && !failedCell()) await new Promise((r) => setTimeout(r, 100));
    const report: RunReport = { ran: 0, failures: [], checks: [] };
    for (const c of nabla.store.doc.cells.filter((cell) => ids.includes(cell.id))) {
      const rt = nabla.store.state.runtime.get(c.id);
      if (rt?.lastRunOk) (report as { ran: number }).ran++;
      for (const o of c.outputs ?? []) {
        if (o.output_type === 'error') report.failures.push(`cell ${ids.indexOf(c.id) + 1}: ${o.ename}: ${o.evalue}`);
        const check = o.data?.[checkMime] as { claim: string; passed: boolean } | undefined;
        if (check) report.checks.push(check);
      }
    }
    if (failedCell() && report.failures.length === 0) report.failures.push('a cell failed without an error output');
    return report;
  }, CHECK_MIME);
}

// LESSON=08-initialization.md runs one lesson (npm run lessons -- or while writing one).
const lessons = readdirSync('notebooks').filter((f) => f.endsWith('.md') && (!process.env.LESSON || f === process.env.LESSON)).sort();

describe('lessons run top to bottom', function () {
  this.timeout(180_000);
  const app = useApp();

  for (const file of lessons) {
    it(`${file}: every cell runs and every check passes`, async () => {
      const slug = /\n {2}slug: ([\w-]+)\n/.exec(readFileSync(`notebooks/${file}`, 'utf8'))?.[1];
      expect(slug, `${file} names its slug in the front matter`).to.be.a('string');
      const page = await app.newPage();
      await page.goto(`${app.url}#/lesson/${slug}`);
      await page.waitForSelector('nb-cell');
      await waitForKernel(page, 'idle');
      const t0 = performance.now();
      const report = await runLesson(page);
      const seconds = (performance.now() - t0) / 1000;
      const passed = report.checks.filter((c) => c.passed).length;
      console.log(`      ${file}: ${report.ran} cells, ${passed}/${report.checks.length} checks passed, ${seconds.toFixed(1)} s`);
      expect(report.failures).to.deep.equal([]);
      expect(report.checks.filter((c) => !c.passed)).to.deep.equal([]);
      // The start page's course list shows the learner's progress, read from the saved copy.
      if (report.checks.length) {
        await page.waitForTimeout(1300); // autosave
        await page.goto(`${app.url}#/`);
        const status = page.locator(`ol.course li[data-slug="${slug}"] .status`);
        await status.locator('.done').waitFor();
        expect(await status.textContent()).to.match(new RegExp(`${report.ran}/\\d+ cells run · all \\d+ checks pass`));
      }
      await page.context().close();
    });
  }
});
