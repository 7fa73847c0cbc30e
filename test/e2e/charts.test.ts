// Vega-Lite outputs drawn by vega-embed in the real page, and redrawn by a display handle.
import { expect } from 'chai';
import { runCellAndWait, useNotebookPage } from './harness';

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
});
