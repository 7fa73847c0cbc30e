// Files in and out of the real app: a Jupyter (Python) notebook opened read-only with its
// outputs, exports that open elsewhere, malformed files refused without touching anything, and
// a corpus of hostile notebooks (test/e2e/hostile) of which no payload may ever run.
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openNotebook, runCellAndWait, useApp, waitForKernel } from './harness';

type Doc = { title: string; metadata: Record<string, unknown>; cells: { cell_type: string; source: string; execution_count?: number | null; outputs?: unknown[] }[] };
const doc = (page: Page) => page.evaluate(() => (window as unknown as { nabla: { store: { doc: Doc } } }).nabla.store.doc);
const HOSTILE = 'test/e2e/hostile';
const CORPUS = 'src/formats/fixtures/nbformat-tests';

/** Opens a file through the start page's file picker, as a learner would. */
async function openFile(page: Page, url: string, file: string | { name: string; text: string }): Promise<void> {
  await page.goto(url + '#/');
  await page.waitForSelector('[data-testid="open-file"]');
  const input = page.locator('[data-testid="open-file"] input[type="file"]');
  if (typeof file === 'string') await input.setInputFiles(file);
  else await input.setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.text) });
}

async function download(page: Page, label: string): Promise<{ name: string; text: string }> {
  await page.locator('details.menu summary').click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator('.menu-items button', { hasText: label }).click()]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

/** Payloads write to window.top.__pwned (checked at the end); dialogs they open are collected here. */
function watchForDialogs(page: Page): string[] {
  const ran: string[] = [];
  page.on('dialog', (d) => {
    ran.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return ran;
}

/** Pokes everything a learner could touch in the rendered notebook: hover, focus and click links. */
async function poke(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('nb-notebook')!;
    for (const el of root.querySelectorAll<HTMLElement>('.rendered *, nb-outputs *')) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error', 'toggle', 'animationstart']) el.dispatchEvent(new Event(type));
      if (el instanceof HTMLAnchorElement || el instanceof HTMLButtonElement || el instanceof SVGAElement) el.click();
    }
  });
  await page.waitForTimeout(300);
}

/** What in `selector` could run script, if anything: elements and attributes a sanitizer must drop. */
function scriptableLeftovers(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll(selector)) {
      const tag = el.tagName.toLowerCase();
      // vega-embed's own (empty, action-less) container for chart controls is the one form allowed.
      const vegaControls = tag === 'form' && el.classList.contains('vega-bindings') && !el.hasAttribute('action');
      if (['script', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'style'].includes(tag) && !vegaControls) found.push(`<${tag}>`);
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) found.push(`${tag}[${a.name}]`);
        if (/^\s*javascript:/i.test(a.value)) found.push(`${tag}[${a.name}=${a.value.slice(0, 30)}]`);
      }
    }
    return found;
  }, selector);
}

describe('import and export', function () {
  const app = useApp();

  it('opens a Python notebook from Jupyter: its cells and outputs shown, its code read-only and never run', async () => {
    const page = await app.newPage();
    await openFile(page, app.url, path.join(CORPUS, 'test4.5.ipynb'));
    await page.waitForSelector('nb-cell');
    await page.locator('.notice', { hasText: 'Opened “test4.5.ipynb”' }).waitFor();
    expect(await page.locator('.notice').textContent()).to.contain('Python code is shown read-only');
    expect(await page.locator('nb-cell').count()).to.equal(9);
    expect(await page.locator('nb-cell .markdown-body h1').first().textContent()).to.equal('nbconvert latex test');
    expect(await page.locator('nb-cell .out-stream').first().textContent()).to.contain('hello');
    expect(await page.locator('nb-cell .badge', { hasText: 'Python · read-only, not run' }).count()).to.equal(4);
    // Run all does nothing to a Python notebook: counts stay as Jupyter left them.
    const before = (await doc(page)).cells.map((c) => c.execution_count ?? null);
    await page.locator('button[data-action="run-all"]').click();
    await page.waitForTimeout(500);
    expect((await doc(page)).cells.map((c) => c.execution_count ?? null)).to.deep.equal(before);
    // Untrusted, the HTML result shows as text, as in Jupyter; trusted, as (sanitized) HTML.
    expect(await page.locator('nb-cell .out-html').count()).to.equal(0);
    await page.locator('.notice-action', { hasText: 'Trust its outputs' }).click();
    await page.locator('nb-cell .out-html b', { hasText: 'HTML' }).waitFor();
    expect(await page.locator('nb-cell .out-html script').count()).to.equal(0);
    await page.context().close();
  });

  it('downloads .ipynb, Markdown and HTML; the .ipynb opens again with its outputs, the HTML shows them without script', async () => {
    const page = await app.newPage();
    await openNotebook(page, app.url);
    await runCellAndWait(page, 0, [
      "display(plot.line([{ x: 0, y: 1 }, { x: 1, y: 0.5 }, { x: 2, y: 0.25 }], { y: 'cost', points: true }));",
      "display(markdown('Cost $J = \\\\frac{1}{m}\\\\sum L$'));",
      "console.log('printed');",
      '6 * 7',
    ].join('\n'));
    await page.waitForSelector('nb-vega svg');
    const ipynb = await download(page, 'Download .ipynb');
    expect(ipynb.name).to.equal('Untitled.ipynb');
    const json = JSON.parse(ipynb.text) as { nbformat: number; nbformat_minor: number; metadata: { kernelspec: { language: string } }; cells: { outputs: { output_type: string; data?: Record<string, unknown> }[] }[] };
    expect([json.nbformat, json.nbformat_minor, json.metadata.kernelspec.language]).to.deep.equal([4, 5, 'typescript']);
    expect(json.cells[0]!.outputs.map((o) => o.output_type)).to.deep.equal(['display_data', 'display_data', 'stream', 'execute_result']);
    expect(json.cells[0]!.outputs[0]!.data!['application/vnd.vegalite.v5+json']).to.be.an('object');

    const md = await download(page, 'Download Markdown');
    expect(md.text).to.contain('```ts\ndisplay(plot.line(');

    const htmlFile = await download(page, 'Download HTML');
    expect(htmlFile.text).to.not.match(/<script/i);
    const viewer = await app.browser.newContext({ javaScriptEnabled: false });
    const view = await viewer.newPage();
    await view.setContent(htmlFile.text);
    expect(await view.locator('svg .mark-symbol path').count()).to.equal(3);
    expect(await view.locator('math').count()).to.be.greaterThan(0);
    expect(await view.textContent('body')).to.contain('printed');
    await viewer.close();

    // The .ipynb comes back as a new notebook with the same cells and outputs, the chart drawn.
    await openFile(page, app.url, { name: 'again.ipynb', text: ipynb.text });
    await page.waitForSelector('nb-vega svg');
    const back = await doc(page);
    expect(back.cells[0]!.source).to.contain('plot.line');
    expect(back.cells[0]!.outputs).to.have.length(4);
    await page.context().close();
  });

  it('refuses malformed files with a clear message and leaves the open notebook alone', async () => {
    const page = await app.newPage();
    await openNotebook(page, app.url);
    await runCellAndWait(page, 0, '"still here"');
    await page.waitForTimeout(1200);
    const address = page.url();
    const cases: [string, string, RegExp][] = [
      ['broken.ipynb', '{ "nbformat": 4, "cells": [', /not JSON/],
      ['future.ipynb', JSON.stringify({ nbformat: 5, nbformat_minor: 0, metadata: {}, cells: [] }), /nbformat 5/],
      ['nocells.ipynb', JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {} }), /no "cells"/],
      ['huge.ipynb', '{"pad": "' + 'x'.repeat(26 * 1024 * 1024) + '"}', /Nabla opens notebooks up to 25 MB/],
    ];
    for (const [name, text, message] of cases) {
      await page.goto(address);
      await waitForKernel(page, 'idle');
      const input = page.locator('nb-app');
      // Dropped onto the notebook, as a learner would drag a file in.
      await input.evaluate((el, { name, text }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name));
        el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, { name, text });
      const notice = page.locator('.notice.error', { hasText: `Could not open “${name}”` });
      await notice.waitFor();
      expect(await notice.textContent(), name).to.match(message);
      expect(page.url()).to.equal(address);
      expect((await doc(page)).cells[0]!.source).to.equal('"still here"');
    }
    await page.goto(app.url + '#/');
    await page.locator('ul[data-testid="saved"] li').first().waitFor();
    expect(await page.locator('ul[data-testid="saved"] li').count()).to.equal(1);
    await page.context().close();
  });

  for (const file of readdirSync(HOSTILE).sort()) {
    it(`hostile ${file}: nothing in it runs, in the app or in its HTML export`, async () => {
      const page = await app.newPage();
      const ran = watchForDialogs(page);
      await openFile(page, app.url, path.join(HOSTILE, file));
      await page.waitForSelector('nb-cell');
      await waitForKernel(page, 'idle');
      await page.waitForTimeout(1500); // charts and markdown render, images fail, handlers would fire
      await poke(page);
      expect(await scriptableLeftovers(page, 'nb-notebook .rendered *, nb-outputs *, .toolbar *')).to.deep.equal([]);
      // Nothing was sent to the kernel: no cell ran or is queued.
      const statuses = await page.evaluate(() => [...(window as unknown as { nabla: { store: { state: { runtime: Map<string, { status: string; run: number }> } } } }).nabla.store.state.runtime.values()].map((r) => `${r.status}:${r.run}`));
      expect(statuses.every((s) => s === 'idle:0')).to.equal(true);
      // Prototype pollution from metadata would show on every object.
      expect(await page.evaluate(() => ({} as { polluted?: unknown }).polluted)).to.equal(undefined);

      const exported = await download(page, 'Download HTML');
      const viewer = await page.context().newPage();
      await viewer.setContent(exported.text);
      await viewer.waitForTimeout(300);
      expect(await scriptableLeftovers(viewer, 'body *')).to.deep.equal([]);
      expect(await viewer.evaluate(() => (window as unknown as { __pwned?: string[] }).__pwned)).to.equal(undefined);
      await viewer.close();

      expect(await page.evaluate(() => (window as unknown as { __pwned?: string[] }).__pwned)).to.equal(undefined);
      expect(ran).to.deep.equal([]);
      await page.context().close();
    });
  }
});
