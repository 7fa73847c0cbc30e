// Loads the chart bundle (dist/vega.js) on first use.
import type * as VegaEntry from './vega-entry';

let loading: Promise<typeof VegaEntry> | null = null;

export function loadVega(): Promise<typeof VegaEntry> {
  // A runtime URL keeps esbuild from bundling Vega into the page's own script.
  loading ??= import(/* @vite-ignore */ new URL('./vega.js', import.meta.url).href) as Promise<typeof VegaEntry>;
  return loading;
}
