// The names every cell sees as globals, and the module `import { ... } from "nabla"` returns.
import { np } from '../tensor';
import * as dl from '../dl';
import * as plot from '../plot';
import { html, markdown } from './display';
import { progress } from './progress';
import { makeCheck } from './check';
import type { DisplayHandle } from './display';

export interface PreludeHost {
  display(value: unknown): DisplayHandle;
}

export function makeNablaModule(host: PreludeHost) {
  return {
    /** numpy for TypeScript: `np.random.seed(1); const W = np.random.randn(4, 2)`. */
    np,
    /** The course's toolkit: `dl.data.makeCircles`, `dl.initializeParameters`, `dl.optim.adam`, `dl.sequential`... */
    dl,
    /** Vega-Lite spec builders to pass to display(): `display(plot.line({ gd: costs, adam: costs2 }, { logY: true }))`. */
    plot,
    /**
     * Shows a value below the cell, now, even in the middle of a loop. Returns a handle whose
     * `update(value)` redraws the same output in place.
     * @example const h = display('epoch 1'); h.update('epoch 2');
     */
    display: (value: unknown) => host.display(value),
    html,
    markdown,
    /**
     * A progress bar with rate and time left, updated in place: iterate over it.
     * @example for (const epoch of progress(1000, 'epochs')) { model.fit(X, Y, { epochs: 1 }); }
     */
    progress: <T>(source: Iterable<T> | number, label = '') => progress(source, label, (v) => host.display(v)),
    /**
     * Asserts a lesson's claim below the cell: ✓ when it holds, else ✗ and the cell stops.
     * @example check('zeros init stays at cost log 2', costs.every((c) => Math.abs(c - Math.LN2) < 1e-12));
     * check.near('cost at iteration 0', costs[0], 0.8830537463419761, 1e-12);
     */
    check: makeCheck((v) => host.display(v)),
  };
}

/** Modules a cell can import. Anything else fails with a message saying why. */
export function importResolver(modules: Record<string, Record<string, unknown>>) {
  return async (specifier: string): Promise<Record<string, unknown>> => {
    const mod = modules[specifier];
    if (mod) return mod;
    throw new Error(
      `Cannot import "${specifier}": cells can import only from ${Object.keys(modules)
        .map((m) => `"${m}"`)
        .join(', ')}; Nabla runs offline and fetches no packages.`,
    );
  };
}
