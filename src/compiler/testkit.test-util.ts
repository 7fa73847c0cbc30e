// Test support (imported by *.test.ts only): TypeScript -> esbuild's JS -> rewrite -> eval,
// against a fake kernel whose `def` writes real globals, as the worker's does.
import { transform } from 'esbuild';
import { rewriteCell } from './rewrite';
import type { RewriteOptions, RewriteResult } from './rewrite';

export const globals = globalThis as unknown as Record<string, unknown>;

export async function esbuildJs(ts: string): Promise<string> {
  return (await transform(ts, { loader: 'ts', format: 'esm', target: 'es2022' })).code;
}

export const fakeNabla = { np: { id: 'np-module' }, dl: { id: 'dl-module' }, default: 'the-default' };

export class FakeKernel {
  guards = 0;
  /** The guard throws once it has been called this many times, like an interrupt. */
  guardLimit = Infinity;
  readonly imports: string[] = [];
  private readonly created = new Set<string>();

  readonly nb = {
    g: (): void => {
      if (++this.guards > this.guardLimit) throw new Error('interrupted');
    },
    imp: async (specifier: string): Promise<Record<string, unknown>> => {
      this.imports.push(specifier);
      if (specifier === 'nabla') return fakeNabla;
      throw new Error(`Cannot import "${specifier}"`);
    },
    def: (name: string, value: unknown): void => {
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
      this.created.add(name);
    },
  };

  async compile(ts: string, opts?: RewriteOptions): Promise<RewriteResult & { js: string }> {
    const js = await esbuildJs(ts);
    return { js, ...rewriteCell(js, opts) };
  }

  /** Runs rewritten code the way the kernel does. */
  exec(code: string, sourceURL = 'cell.js'): Promise<unknown> {
    const fn = (0, eval)(`${code}\n//# sourceURL=${sourceURL}`) as (nb: FakeKernel['nb']) => Promise<unknown>;
    return fn(this.nb);
  }

  async run(ts: string, opts?: RewriteOptions): Promise<unknown> {
    return this.exec((await this.compile(ts, opts)).code);
  }

  /** Deletes every global the cells defined. */
  cleanup(): void {
    for (const name of this.created) delete globals[name];
    this.created.clear();
  }
}
