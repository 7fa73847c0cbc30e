// Drives the real app (dist/, served with @web/dev-server) in headless Chromium through
// playwright-core, the way a learner would: clicks, typing into Monaco, keyboard shortcuts.
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { chromeArgs, chromePath } from '../../scripts/browser.mjs';

export interface App {
  readonly url: string;
  readonly browser: Browser;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const requested = new WeakMap<Page, string[]>();

/** Every URL the page (and its workers) requested so far. */
export function requestsOf(page: Page): readonly string[] {
  return requested.get(page) ?? [];
}

/** Serves dist/ (cross-origin isolated unless `isolate` is false) and starts Chromium. */
export async function startApp({ isolate = true } = {}): Promise<App> {
  const { server, url } = await serve({ port: 0, isolate, quiet: true });
  const browser = await chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
  const pages: Page[] = [];
  return {
    url,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      // A page-side helper the waits below use: the run version of cell i (0 if never queued).
      await page.addInitScript(() => {
        (window as unknown as { readRun: (i: number) => number }).readRun = (i: number) => {
          const s = (window as unknown as { nabla: { store: { state: { docState: { doc: { cells: { id: string }[] } }; runtime: Map<string, { run: number }> } } } }).nabla.store.state;
          const id = s.docState.doc.cells[i]?.id;
          return (id && s.runtime.get(id)?.run) || 0;
        };
      });
      // The page runs under a Content-Security-Policy (static/index.html): report anything it blocks.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP blocked ${e.violatedDirective}: ${e.blockedURI}`));
      });
      page.on('console', (m) => {
        if (m.type() === 'error' && m.text().startsWith('CSP blocked')) console.log(`  [page] ${m.text()}`);
      });
      const urls: string[] = [];
      requested.set(page, urls);
      // One context per page: its request events cover the page and its workers.
      context.on('request', (r) => urls.push(r.url()));
      page.on('pageerror', (e) => console.log(`  [page error] ${e.message}`));
      pages.push(page);
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** Opens a fresh notebook and waits until its kernel is idle. */
export async function openNotebook(page: Page, url: string, hash = '#/new'): Promise<void> {
  await page.goto(url + hash);
  await page.waitForSelector('nb-cell');
  await waitForKernel(page, 'idle');
}

export async function waitForKernel(page: Page, status: string, timeout = 30000): Promise<void> {
  await page.waitForSelector(`.kernel-status[data-status="${status}"]`, { timeout });
}

export function cell(page: Page, index: number) {
  return page.locator('nb-cell').nth(index);
}

/** Replaces the source of cell `index` by typing into its Monaco editor. */
export async function typeInCell(page: Page, index: number, code: string): Promise<void> {
  const c = cell(page, index);
  // On a loaded machine the first click can land while Monaco is still being created; a
  // learner clicks again, and so does this helper (three tries).
  for (let attempt = 1; ; attempt++) {
    await c.locator('.editor-wrap').click();
    await c.locator('.monaco-editor textarea').waitFor({ state: 'attached' });
    const focused = await page
      .waitForFunction((i) => !!document.querySelectorAll('nb-cell')[i]?.querySelector('.monaco-editor.focused'), index, { timeout: 10000 })
      .then(() => true, () => false);
    if (focused) break;
    if (attempt === 3) throw new Error(`the editor of cell ${index} never took focus`);
  }
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (code.includes('\n')) {
    // Multi-line code arrives as a paste, as a learner copying code would do: typing it would
    // meet Monaco's auto-closing brackets.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, code);
  } else {
    await page.keyboard.type(code);
  }
  // Monaco may re-indent pasted lines; the code is the same, line for line.
  await page.waitForFunction(
    ([i, src]) => {
      const norm = (s: string) => s.split('\n').map((l) => l.trim()).join('\n');
      const doc = (window as unknown as { nabla: { store: { doc: { cells: { source: string }[] } } } }).nabla.store.doc;
      return norm(doc.cells[i as number]?.source ?? '') === norm(src as string);
    },
    [index, code] as const,
  ).catch(async () => {
    const actual = await page.evaluate((i) => (window as unknown as { nabla: { store: { doc: { cells: { source: string }[] } } } }).nabla.store.doc.cells[i]?.source, index);
    throw new Error(`cell ${index} holds ${JSON.stringify(actual)} instead of ${JSON.stringify(code)}`);
  });
}

/** The text of a cell's outputs as the learner sees it. */
export async function outputText(page: Page, index: number): Promise<string> {
  return page.evaluate((i) => document.querySelectorAll('nb-cell')[i]?.querySelector('.outputs')?.textContent ?? '', index);
}

export async function runCellAndWait(page: Page, index: number, code: string): Promise<string> {
  await typeInCell(page, index, code);
  await pressAndWaitForRun(page, index, 'Control+Enter');
  return outputText(page, index);
}

/** Presses a run shortcut and waits until that run of cell `index` has ended. */
export async function pressAndWaitForRun(page: Page, index: number, keys: string): Promise<void> {
  const before = await runVersion(page, index);
  await page.keyboard.press(keys);
  await page.waitForFunction(([i, v]) => readRun(i as number) > (v as number), [index, before] as const).catch(() => {
    throw new Error(`${keys} did not start a run of cell ${index}`);
  });
  await waitForRunDone(page, index);
}

function runVersion(page: Page, index: number): Promise<number> {
  return page.evaluate((i) => readRun(i), index);
}

declare function readRun(index: number): number;

/** Waits for the cell's current run to end, read from the session's runtime state. */
export async function waitForRunDone(page: Page, index: number, timeout = 30000): Promise<void> {
  await page.waitForFunction(
    (i) => {
      const n = (window as unknown as { nabla: { store: { state: { docState: { doc: { cells: { id: string }[] } }; runtime: Map<string, { status: string; lastRunOk: boolean | null }> } } } }).nabla.store.state;
      const id = n.docState.doc.cells[i]?.id;
      const rt = id ? n.runtime.get(id) : undefined;
      return !!rt && rt.status === 'idle' && rt.lastRunOk !== null;
    },
    index,
    { timeout },
  );
}

export interface Fixture {
  readonly app: App;
  readonly page: Page;
}

/**
 * Registers mocha hooks for a describe block: one app and browser for the block, and a fresh
 * page (its own context, so its own IndexedDB) with a new notebook open for each test.
 */
export function useNotebookPage(options: { isolate?: boolean } = {}): Fixture {
  const app = useApp(options);
  let page: Page | undefined;
  beforeEach(async () => {
    page = await app.newPage();
    await openNotebook(page, app.url);
  });
  afterEach(async () => page?.context().close());
  return {
    app,
    get page() {
      return page!;
    },
  };
}

/**
 * Registers mocha hooks for a describe block: the app and its browser start before the block's
 * tests and stop after them. The returned App stands for the one started, once `before` ran.
 */
export function useApp(options: { isolate?: boolean } = {}): App {
  let app: App | undefined;
  before(async () => {
    app = await startApp(options);
  });
  after(async () => app?.close());
  const started = () => {
    if (!app) throw new Error('useApp: the app starts in a before() hook; use it inside tests');
    return app;
  };
  return {
    get url() {
      return started().url;
    },
    get browser() {
      return started().browser;
    },
    newPage: () => started().newPage(),
    close: () => started().close(),
  };
}
