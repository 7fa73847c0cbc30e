// Vega-Lite outputs drawn by vega-embed in the real page, and redrawn by a display handle.
import { expect } from 'chai';
import { runCellAndWait, typeInCell, useNotebookPage, waitForRunDone } from './harness';

describe('charts', function () {
  const fx = useNotebookPage();

  it('draws a Vega-Lite spec passed to display(), and update() redraws it in place', async () => {
    const code = [
      "const spec = (values: number[]) => ({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json', data: { values: values.map((y, x) => ({ x, y })) }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });",
      'const h = display(spec([0.7, 0.5, 0.4]));',
      'await new Promise((r) => setTimeout(r, 300));',
      'h.update(spec([0.7, 0.5, 0.4, 0.3, 0.25]));',
    ].join('\n');
    await runCellAndWait(fx.page, 0, code);
    await fx.page.waitForFunction(() => document.querySelectorAll('nb-vega svg .mark-symbol path').length === 5, null, { timeout: 20000 });
    expect(await fx.page.locator('nb-vega').count()).to.equal(1);
    // The chart bundle loads once, on the first chart.
    expect(await fx.page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/vega.js')).length)).to.equal(1);
  });

  it('draws plot.decisionBoundary of a trained model: a heat map under the points', async () => {
    const code = [
      'np.random.seed(1);',
      'const { X, Y } = dl.data.makeCircles(100, { noise: 0.05 });',
      "const net = dl.sequential([dl.dense(5, { activation: 'relu' }), dl.dense(1, { activation: 'sigmoid' })], 2, { seed: 3 });",
      'net.fit(X, Y, { epochs: 200, lr: 0.5 });',
      'display(plot.decisionBoundary((G) => net.forward(G), X, Y, { steps: 30 }));',
    ].join('\n');
    await runCellAndWait(fx.page, 0, code);
    await fx.page.waitForFunction(() => document.querySelectorAll('nb-vega svg .mark-rect.role-mark > path').length === 900, null, { timeout: 20000 });
    expect(await fx.page.locator('nb-vega svg .mark-symbol.role-mark > path').count()).to.equal(100);
  });

  it('progress() draws a bar that ends at 100% with the count', async () => {
    await runCellAndWait(fx.page, 0, "for (const e of progress(12, 'epochs')) await new Promise((r) => setTimeout(r, 30));");
    const bar = fx.page.locator('nb-cell .nb-progress');
    expect(await bar.count()).to.equal(1);
    expect(await bar.textContent()).to.match(/epochs: 100%.*12\/12/);
    expect(await fx.page.locator('nb-cell .nb-progress-fill').getAttribute('style')).to.equal('width:100.0%');
  });

  it('grows a chart with append() while the cell runs, inserting rows into the live view', async () => {
    await typeInCell(fx.page, 0, [
      "const h = display(plot.line([], { y: 'cost', points: true }));",
      'for (let i = 0; i < 200; i++) {',
      '  h.append({ x: i, y: 1 / (i + 1) });',
      '  await new Promise((r) => setTimeout(r, 8));',
      '}',
    ].join('\n'));
    await fx.page.keyboard.press('Control+Enter');
    // Mark the first drawn SVG: an append must not replace it with a new embed.
    await fx.page.waitForFunction(() => document.querySelector('nb-vega svg'), null, { timeout: 20000 });
    await fx.page.evaluate(() => document.querySelector('nb-vega svg')!.setAttribute('data-first', '1'));
    const early = await fx.page.evaluate(() => document.querySelectorAll('nb-vega svg .mark-symbol.role-mark > path').length);
    await waitForRunDone(fx.page, 0);
    await fx.page.waitForFunction(() => document.querySelectorAll('nb-vega svg .mark-symbol.role-mark > path').length === 200, null, { timeout: 20000 });
    expect(early).to.be.lessThan(200);
    expect(await fx.page.locator('nb-vega svg[data-first="1"]').count()).to.equal(1);
    // The saved output holds every row, so a reload draws the whole curve.
    const rows = await fx.page.evaluate(() => {
      const out = (window as unknown as { nabla: { store: { doc: { cells: { outputs: { data?: Record<string, { data: { values: unknown[] } }> }[] }[] } } } }).nabla.store.doc.cells[0]!.outputs[0]!;
      return out.data!['application/vnd.vegalite.v5+json']!.data.values.length;
    });
    expect(rows).to.equal(200);
  });
});
