// Loads the Monaco bundle (dist/monaco.js + monaco.css) on first use and creates editors one per
// animation frame, so opening a long notebook never blocks on forty editors at once.
import type * as MonacoEntry from './monaco-editor';

type Entry = typeof MonacoEntry;
let loading: Promise<Entry> | null = null;
let loaded: Entry | null = null;

const onLoad: Array<() => void> = [];

/** Runs `callback` once Monaco has arrived (at once if it has), without loading it. */
export function whenEditorLoaded(callback: () => void): void {
  if (loaded) callback();
  else onLoad.push(callback);
}

/** The Monaco module if it has arrived; null before (nothing to tell an editor that is not there). */
export function loadedEditorModule(): Entry | null {
  return loaded;
}

export function loadEditorModule(): Promise<Entry> {
  loading ??= (async () => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('./monaco.css', import.meta.url).href;
    document.head.append(css);
    // A runtime URL keeps esbuild from bundling Monaco into the page's own script.
    const url = new URL('./monaco.js', import.meta.url).href;
    loaded = (await import(/* @vite-ignore */ url)) as Entry;
    for (const callback of onLoad.splice(0)) callback();
    return loaded;
  })();
  return loading;
}

const waiting: Array<() => void> = [];
let scheduled = false;

/** Runs `create` once Monaco is loaded, at most one creation per frame across the page. */
export function scheduleEditor(create: (entry: Entry) => void, urgent = false): void {
  void loadEditorModule().then((entry) => {
    if (urgent) {
      create(entry);
      return;
    }
    waiting.push(() => create(entry));
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(drain);
    }
  });
}

function drain(): void {
  const job = waiting.shift();
  job?.();
  if (waiting.length) requestAnimationFrame(drain);
  else scheduled = false;
}
