// The kernel proper: runs compiled cells one at a time in this worker's global scope, where the
// cells' top-level names live, and reports what happens as events.
import type { CompiledCell, KernelApi, KernelEvent, KernelInit, KernelSink } from './protocol';
import { Outbox } from './outbox';
import { KeyboardInterrupt, makeGuard } from './interrupt';
import type { Guard } from './interrupt';
import { RunOutputCap, captureConsole } from './streams';
import type { StreamName } from './streams';
import { errorContent, scriptName } from './traceback';
import type { CellScript } from './traceback';
import { mimeBundle } from './display';
import type { DisplayHandle } from './display';
import { importResolver, makeNablaModule } from './prelude';

interface RunRef {
  readonly cellId: string;
  readonly run: number;
}

export class Kernel implements KernelApi {
  private sink: KernelSink | null = null;
  private outbox: Outbox | null = null;
  private guard: Guard = makeGuard(null, () => {});
  private executionCount = 0;
  /** The cell running now, or the last one that ran: late output and errors land there. */
  private current: RunRef | null = null;
  private cap: RunOutputCap | null = null;
  private readonly scripts = new Map<string, CellScript>();
  private displayCounter = 0;
  /** Chart rows waiting to be sent, keyed by display id and dataset. */
  private readonly pendingRows = new Map<string, { ref: RunRef; displayId: string; dataset: string; rows: Record<string, unknown>[] }>();
  private lastRowsFlush = 0;
  private rejectAwait: ((e: unknown) => void) | null = null;
  private readonly globals = globalThis as unknown as Record<string, unknown>;

  async init(init: KernelInit, sink: KernelSink): Promise<void> {
    this.sink = sink;
    this.outbox = new Outbox((batch) => sink.events(batch));
    const flag = init.interruptBuffer ? new Int32Array(init.interruptBuffer) : null;
    this.guard = makeGuard(flag, () => this.outbox?.maybeFlush());
    captureConsole((name, text) => this.write(name, text));
    const nabla = makeNablaModule({ display: (v) => this.display(v) });
    for (const [k, v] of Object.entries(nabla)) this.globals[k] = v;
    this.modules = { nabla };
  }

  private modules: Record<string, Record<string, unknown>> = {};


  interruptAwait(): void {
    this.rejectAwait?.(new KeyboardInterrupt());
  }

  async execute(cell: CompiledCell): Promise<{ ok: boolean }> {
    this.guard.reset();
    const count = ++this.executionCount;
    const ref: RunRef = { cellId: cell.cellId, run: cell.run };
    this.current = ref;
    this.cap = new RunOutputCap({ write: (name, text) => this.emit({ type: 'stream', ...ref, name, text }) });
    this.emit({ type: 'start', ...ref, executionCount: count });
    this.outbox?.flush();
    const file = scriptName(count);
    this.scripts.set(file, { label: `In [${count}]`, lineMap: cell.lineMap, sourceLines: cell.source.split('\n') });
    const t0 = performance.now();
    let ok = true;
    try {
      const value = await this.run(cell.code, file);
      if (cell.hasResult && value !== undefined) {
        this.emit({ type: 'result', ...ref, executionCount: count, data: mimeBundle(value), metadata: {} });
      }
    } catch (err) {
      ok = false;
      this.emit({ type: 'error', ...ref, ...errorContent(err, this.scripts) });
    }
    this.flushRows();
    this.cap.finish();
    this.emit({ type: 'done', ...ref, ok, elapsedMs: performance.now() - t0 });
    this.outbox?.flush();
    return { ok };
  }

  private async run(code: string, file: string): Promise<unknown> {
    // Indirect eval runs in the global scope, so cells see each other's names; the sourceURL
    // names the cell in stack traces so errors can point at its lines.
    const fn = (0, eval)(`${code}\n//# sourceURL=${file}`) as (nb: unknown) => Promise<unknown>;
    const helpers = {
      g: this.guard.g,
      imp: importResolver(this.modules),
      def: (name: string, value: unknown) => this.define(name, value),
    };
    const interrupted = new Promise<never>((_, reject) => (this.rejectAwait = reject));
    try {
      return await Promise.race([fn(helpers), interrupted]);
    } finally {
      this.rejectAwait = null;
    }
  }

  private define(name: string, value: unknown): void {
    // defineProperty rather than assignment: re-running `const x` must replace x, and a name
    // such as `name` or `location` must shadow the worker's own property of that name.
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
  }

  private write(name: StreamName, text: string): void {
    if (this.current === null) return;
    this.cap?.write(name, text);
  }

  private display(value: unknown): DisplayHandle {
    const ref = this.current;
    const displayId = `display-${++this.displayCounter}`;
    if (ref) this.emit({ type: 'display', ...ref, data: mimeBundle(value, { rich: true }), metadata: {}, displayId });
    return {
      displayId,
      update: (v: unknown) => {
        if (ref) this.emit({ type: 'update_display', ...ref, displayId, data: mimeBundle(v, { rich: true }), metadata: {} });
      },
      append: (rows, dataset = 'table') => {
        if (!ref) return;
        const key = `${displayId}\u0000${dataset}`;
        let entry = this.pendingRows.get(key);
        if (!entry) this.pendingRows.set(key, (entry = { ref, displayId, dataset, rows: [] }));
        if (Array.isArray(rows)) for (const r of rows) entry.rows.push(r);
        else entry.rows.push(rows as Record<string, unknown>);
        // A training loop may append every step: four redraws a second are enough to watch, and
        // keep the chart's cost on training at a few percent (measured in npm run bench).
        if (performance.now() - this.lastRowsFlush >= 250) this.flushRows();
      },
    };
  }

  private flushRows(): void {
    this.lastRowsFlush = performance.now();
    for (const { ref, displayId, dataset, rows } of this.pendingRows.values()) {
      this.emit({ type: 'append_display', ...ref, displayId, dataset, rows });
    }
    this.pendingRows.clear();
  }

  /** Errors that surface after a cell ended (unhandled rejections, throwing timers). */
  reportLateError(err: unknown): void {
    if (this.current === null) return;
    this.emit({ type: 'error', ...this.current, ...errorContent(err, this.scripts) });
    this.outbox?.flush();
  }

  /** The cell called close(): tell the page before the worker disappears. */
  dying(reason: string): void {
    this.outbox?.flush();
    this.sink?.dying(reason);
  }

  private emit(ev: KernelEvent): void {
    this.outbox?.push(ev);
  }
}
