// Wires the document store, the session (compiler + kernel), storage and the UI together. The
// only module that imports all of them.
import 'katex/dist/katex.min.css';
import { makeCodeCell, makeNotebook } from './document';
import type { Notebook } from './document';
import { Store } from './session/store';
import { Session } from './session/session';
import { Autosaver } from './session/autosave';
import { WorkerKernelClient } from './session/kernel-client';
import { compileCell, initCompiler } from './compiler/compile';
import { listNotebooks, loadNotebook, saveNotebook } from './storage/notebooks';
import { clearJournal, readJournal, writeJournal } from './storage/journal';
import { lockNotebook } from './storage/tab-lock';
import type { NotebookLock } from './storage/tab-lock';
import { welcomeNotebook } from './lessons/welcome';
import type { NbApp } from './ui/nb-app';
import './ui/nb-app';

performance.mark('nabla:start');
const wasmURL = new URL('./esbuild.wasm', import.meta.url).href;
const store = new Store(makeNotebook('Untitled', [makeCodeCell()]));
const compile = (source: string) => initCompiler(wasmURL).then(() => compileCell(source));
const session = new Session(store, { compile });
const kernel = new WorkerKernelClient(new URL('./kernel.js', import.meta.url), session);
session.kernel = kernel;

const app = document.querySelector<NbApp>('nb-app')!;
app.store = store;
app.session = session;
app.state = store.state;
store.subscribe((state) => (app.state = state));

/** Saves the open notebook as a file, for when the browser's storage refuses it. */
function downloadCopy(): void {
  const blob = new Blob([JSON.stringify(store.doc, null, 1)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${store.doc.title || 'notebook'}.nabla.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

const storageError = (e: Error) =>
  store.update({
    notice: {
      text: `Could not save in this browser (${e.name === 'QuotaExceededError' ? 'storage is full' : e.message}). Nothing is lost: the notebook stays open here; download a copy to keep it.`,
      kind: 'error',
      action: { label: 'Download a copy', run: downloadCopy },
    },
  });
const autosaver = new Autosaver(
  store,
  async (nb) => {
    await saveNotebook(nb);
    clearJournal(nb.id);
  },
  storageError,
  1000,
  writeJournal,
);

async function save(): Promise<void> {
  await autosaver.flush();
  if (store.state.notice?.kind !== 'error') store.update({ notice: { text: `Saved “${store.doc.title}” in this browser.`, kind: 'info' } });
}

// Closing or hiding the tab must not lose the last second of work.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') autosaver.leaving();
});
window.addEventListener('pagehide', () => autosaver.leaving());
app.onSave = () => void save();

let opened = false;
let lock: NotebookLock | null = null;
async function open(notebook: Notebook, stored: boolean): Promise<void> {
  await autosaver.flush();
  lock?.release();
  lock = await lockNotebook(notebook.id);
  store.dispatch({ steps: [{ type: 'replaceNotebook', notebook }], origin: 'load' });
  if (lock.held) autosaver.opened(store.doc, stored);
  else autosaver.closed();
  history.replaceState(null, '', `#/nb/${encodeURIComponent(notebook.id)}`);
  store.update({ notice: null, diagnostics: new Map() });
  app.view = 'notebook';
  await app.updateComplete;
  performance.mark('nabla:notebook-rendered');
  // A new notebook (or the welcome tour) is stored at once, under its own address, so that a
  // reload comes back to it; after the first paint, which need not wait for IndexedDB.
  if (!stored) void autosaver.flush();
  // A notebook opened after another one gets a fresh kernel, as in Jupyter.
  if (opened) await session.restart();
  opened = true;
  store.update({
    notice: lock.held
      ? null
      : { text: 'This notebook is open in another tab, which saves it. Changes made here are not saved: close this tab, or use the other one.', kind: 'warning' },
  });
}

async function route(): Promise<void> {
  const hash = location.hash.replace(/^#\/?/, '');
  if (hash === 'new') await open(makeNotebook('Untitled', [makeCodeCell()]), false);
  else if (hash === 'welcome') await open(welcomeNotebook(), false);
  else if (hash.startsWith('nb/')) {
    const id = decodeURIComponent(hash.slice(3));
    // A journal left by a page that closed before IndexedDB caught up is the newer copy.
    const journaled = readJournal(id);
    const nb = journaled ?? (await loadNotebook(id));
    if (nb) await open(nb, journaled === null);
    else {
      app.view = 'start';
      store.update({ notice: { text: 'That notebook is not stored in this browser.', kind: 'warning' } });
    }
  } else {
    await autosaver.flush();
    autosaver.closed();
    lock?.release();
    lock = null;
    app.view = 'start';
    app.saved = await listNotebooks().catch(() => []);
  }
}

window.addEventListener('hashchange', () => void route());
document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 's') {
    e.preventDefault();
    if (app.view === 'notebook') void save();
  }
});

await route();
void kernel.start();
// esbuild.wasm (3.7 MB) loads after the first paint, so reading never waits for it.
setTimeout(() => void initCompiler(wasmURL).then(() => performance.mark('nabla:compiler-ready')), 0);

// For tests and benchmarks: the pieces, without reaching into components.
(window as unknown as { nabla: unknown }).nabla = { store, session, kernel, compile };
