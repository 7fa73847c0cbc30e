// Wires the document store, the session (compiler + kernel), storage and the UI together. The
// only module that imports all of them (through app/library.ts for storage and lessons).
import 'katex/dist/katex.min.css';
import { makeCodeCell, makeNotebook } from './document';
import { Store } from './session/store';
import { Session } from './session/session';
import { WorkerKernelClient } from './session/kernel-client';
import { compileCell, initCompiler } from './compiler/compile';
import { openBackend } from './storage/backend';
import { Library } from './app/library';
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

// Without IndexedDB (some private windows) the learner works in memory and is told so.
const { backend, problem } = await openBackend();
if (problem) console.warn(`Nabla: notebooks are kept in memory only (${problem}).`);
const library = new Library(app, store, session, backend);

window.addEventListener('hashchange', () => void library.route());
document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 's') {
    e.preventDefault();
    if (app.view === 'notebook') void library.save();
  }
});

await library.route();
void kernel.start();
// esbuild.wasm (3.7 MB) loads after the first paint, so reading never waits for it.
setTimeout(() => void initCompiler(wasmURL).then(() => performance.mark('nabla:compiler-ready')), 0);

// For tests and benchmarks: the pieces, without reaching into components.
(window as unknown as { nabla: unknown }).nabla = { store, session, kernel, compile };
