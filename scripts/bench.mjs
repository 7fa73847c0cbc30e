// Prints start-up and cell-latency figures measured in headless Chromium on the built app.
// Usage: npm run bench   (builds dist/ first)
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { chromeArgs, chromePath } from './browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

const fiftyLines = Array.from({ length: 50 }, (_, i) =>
  i % 5 === 0 ? `function f${i}(x: number, y: number): number { return x * ${i} + y; }` : `const v${i}: number[] = [${i}, ${i + 1}].map((t) => f${i - (i % 5)}(t, ${i}));`,
).join('\n');

/**
 * The editor's TypeScript service on lesson 8: its 10th code cell gets a type error, then (cold)
 * a fresh page is timed from navigation to that cell's first markers, and (warm) keystrokes that
 * add and remove an error are timed to the markers changing. Monaco checks a model 500 ms after
 * the last keystroke, so the warm figure is that pause plus the service's own time.
 */
async function typeServiceFigures() {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const lesson = `${url}#/lesson/initialization`;
  await page.goto(lesson);
  await page.waitForSelector('nb-cell');
  const cellId = await page.evaluate(() => {
    const n = window.nabla;
    const cell = n.store.doc.cells.filter((c) => c.cell_type === 'code')[9];
    n.store.dispatch({ steps: [{ type: 'setSource', cellId: cell.id, source: `${cell.source}\nconst benchProbe: string = 1;` }], origin: 'user' });
    return cell.id;
  });
  await page.waitForTimeout(1500); // autosave
  const cold = [];
  for (let k = 0; k < 3; k++) {
    await page.goto('about:blank');
    await page.goto(lesson);
    await page.waitForSelector(`nb-cell[data-cell-id="${cellId}"]`);
    await page.evaluate((id) => document.querySelector(`nb-cell[data-cell-id="${id}"]`).scrollIntoView({ block: 'center' }), cellId);
    cold.push(
      await page.evaluate(
        (id) =>
          new Promise((resolve) => {
            const check = () => {
              const mark = performance.getEntriesByName('nabla:types-checked').find((m) => m.detail === id);
              if (mark) resolve(mark.startTime);
              else setTimeout(check, 20);
            };
            check();
          }),
        cellId,
      ),
    );
  }
  // Warm: keystrokes at the end of the cell, each adding or removing an error.
  await page.locator(`nb-cell[data-cell-id="${cellId}"] .monaco-editor`).click();
  await page.keyboard.press('Control+End');
  const warm = [];
  for (let k = 0; k < 8; k++) {
    const before = await page.evaluate(() => performance.getEntriesByName('nabla:types-checked').length);
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press(k % 2 === 0 ? 'x' : 'Backspace');
    const t1 = await page.evaluate(
      ({ id, before }) =>
        new Promise((resolve) => {
          const check = () => {
            const marks = performance.getEntriesByName('nabla:types-checked').slice(before);
            const mark = marks.find((m) => m.detail === id);
            if (mark) resolve(mark.startTime);
            else setTimeout(check, 10);
          };
          check();
        }),
      { id: cellId, before },
    );
    warm.push(t1 - t0);
  }
  await context.close();
  return [
    ['type service, cold: navigation -> markers of the 10th code cell of lesson 8 (median of 3)', ms(median(cold))],
    ['type service, warm: keystroke in that cell -> its markers updated (median of 8; Monaco waits 500 ms)', ms(median(warm))],
  ];
}

const { server, url } = await serve({ port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
try {
  const rows = [];
  // Cold: navigation to a rendered notebook, and to the first cell's result.
  const cold = { rendered: [], firstResult: [], esbuildInit: [] };
  for (let k = 0; k < 5; k++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}#/welcome`);
    await page.waitForFunction(() => performance.getEntriesByName('nabla:notebook-rendered').length > 0);
    const r = await page.evaluate(async () => {
      const n = window.nabla;
      const rendered = performance.getEntriesByName('nabla:notebook-rendered')[0].startTime;
      const first = n.store.doc.cells.find((c) => c.cell_type === 'code');
      const result = new Promise((resolve) => {
        const off = n.store.subscribe((s) => {
          const cell = s.docState.doc.cells.find((c) => c.id === first.id);
          if (cell.outputs.length) {
            off();
            resolve(performance.now());
          }
        });
      });
      n.session.run([first.id]);
      const firstResult = await result;
      const init = performance.getEntriesByName('nabla:esbuild-init')[0]?.duration ?? NaN;
      return { rendered, firstResult, init };
    });
    cold.rendered.push(r.rendered);
    cold.firstResult.push(r.firstResult);
    cold.esbuildInit.push(r.init);
    await context.close();
  }
  rows.push(['navigation -> rendered notebook (welcome, median of 5)', ms(median(cold.rendered))]);
  rows.push(['navigation -> first cell result (median of 5)', ms(median(cold.firstResult))]);
  rows.push(['esbuild-wasm initialize() (median of 5)', ms(median(cold.esbuildInit))]);

  // Warm: compile times and compile+run round trips through the real session and kernel.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}#/new`);
  await page.waitForSelector('.kernel-status[data-status="idle"]');
  const warm = await page.evaluate(
    async ({ src, runs }) => {
      const n = window.nabla;
      const compile = [];
      for (let k = 0; k < runs + 3; k++) {
        const t0 = performance.now();
        await n.compile(src + `\n// ${k}`);
        if (k >= 3) compile.push(performance.now() - t0);
      }
      const id = n.store.doc.cells[0].id;
      n.store.dispatch({ steps: [{ type: 'setSource', cellId: id, source: '1 + 1' }], origin: 'user' });
      const roundTrip = [];
      for (let k = 0; k < runs + 3; k++) {
        const t0 = performance.now();
        const done = new Promise((resolve) => {
          const off = n.store.subscribe((s) => {
            const rt = s.runtime.get(id);
            if (rt && rt.status === 'idle' && s.docState.doc.cells[0].outputs.length) {
              off();
              resolve(performance.now());
            }
          });
        });
        n.session.run([id]);
        const t1 = await done;
        if (k >= 3) roundTrip.push(t1 - t0);
      }
      return { compile, roundTrip };
    },
    { src: fiftyLines, runs: RUNS },
  );
  // A training loop with and without a live loss curve: the chart's cost on training itself.
  const live = await page.evaluate(async () => {
    const n = window.nabla;
    const id = n.store.doc.cells[0].id;
    const runCell = (source) =>
      new Promise((resolve) => {
        n.store.dispatch({ steps: [{ type: 'setSource', cellId: id, source }], origin: 'user' });
        const off = n.store.subscribe((s) => {
          const rt = s.runtime.get(id);
          const out = s.docState.doc.cells[0].outputs.find((o) => o.output_type === 'execute_result');
          if (rt && rt.status === 'idle' && out) {
            off();
            resolve(Number(out.data['text/plain']));
          }
        });
        n.session.run([id]);
      });
    const setup = "np.random.seed(1); const { X, Y } = dl.data.makeCircles(300, { noise: 0.05 }); const net = dl.sequential([dl.dense(10, { activation: 'relu' }), dl.dense(5, { activation: 'relu' }), dl.dense(1, { activation: 'sigmoid' })], 2, { seed: 3 });";
    const loop = (chart) =>
      `${setup} ${chart ? "const h = display(plot.line([], { y: 'cost' }));" : ''} const t0 = performance.now(); for (let e = 0; e < 2000; e++) { const c = net.fit(X, Y, { epochs: 1, lr: 0.01 }).cost[0]; ${chart ? 'h.append({ x: e, y: c });' : ''} } performance.now() - t0`;
    const plain = [];
    const charted = [];
    // Interleaved and repeated: on 2 shared cores a single pair varies by ±5%.
    for (let k = 0; k < 7; k++) {
      plain.push(await runCell(loop(false)));
      charted.push(await runCell(loop(true)));
    }
    return { plain, charted };
  });
  rows.push(['2,000 training steps without a chart (best of 7)', ms(Math.min(...live.plain))]);
  rows.push(['the same with a live loss curve, append() every step (best of 7)', `${ms(Math.min(...live.charted))} (ratio ${(Math.min(...live.charted) / Math.min(...live.plain)).toFixed(3)})`]);
  rows.push([`compile a 50-line cell, warm (median of ${RUNS})`, ms(median(warm.compile))]);
  rows.push([`compile + run a trivial cell, warm, to its result on the page (median of ${RUNS})`, ms(median(warm.roundTrip))]);
  await context.close();

  rows.push(...(await typeServiceFigures()));

  const width = Math.max(...rows.map((r) => r[0].length));
  console.log('\nNabla start-up and cell latency (headless Chromium)');
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
} finally {
  await browser.close();
  await server.stop();
}
