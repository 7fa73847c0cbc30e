// Screenshots the app as a learner sees it: node scripts/screenshot.mjs [hash] [out.png] [--run]
// With --run every cell is run first (Run all), so outputs show.
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { chromeArgs, chromePath } from './browser.mjs';

const args = process.argv.slice(2);
const runAll = args.includes('--run');
const [hash = '#/welcome', out = 'static/screenshot.png'] = args.filter((a) => a !== '--run');
const { server, url } = await serve({ port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(url + hash);
  await page.waitForTimeout(500);
  if (runAll) {
    await page.waitForSelector('.kernel-status[data-status="idle"]');
    await page.locator('button[data-action="run-all"]').click();
    // Until no cell is queued or running (the kernel shows idle for a moment between cells), or
    // 120 s; the welcome tour's endless loop is interrupted after a few seconds either way.
    const settled = () => page.waitForFunction(() => {
      const rt = [...window.nabla.store.state.runtime.values()];
      return rt.length > 0 && rt.every((r) => r.status === 'idle');
    }, null, { timeout: hash.includes('welcome') ? 8000 : 120000 });
    await settled().catch(() => {});
    if ((await page.locator('.kernel-status[data-status="busy"]').count()) > 0) {
      await page.locator('button[data-action="interrupt"]').click();
      await page.waitForTimeout(800);
    }
  }
  await page.waitForTimeout(800);
  await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
