// Runs cells: queues them with run versions, compiles each in the page, executes it in the kernel
// and folds the kernel's events into the store through the pure transition functions.
import { cancelQueued, markKernelLost, queueCell, runsHere, transitionCell } from '../document';
import type { KernelEvent, Step } from '../document';
import type { CompileResult } from '../compiler/compile';
import type { KernelClient, KernelListener, KernelStatus } from './kernel-client';
import type { CellDiagnostic, Store } from './store';
import { compileErrorEvents } from './compile-errors';

export interface Compiler {
  compile(source: string): Promise<CompileResult>;
}

interface QueuedRun {
  readonly cellId: string;
  readonly run: number;
}

export class Session implements KernelListener {
  private queue: QueuedRun[] = [];
  private runCounter = 0;
  private draining = false;
  kernel: KernelClient | null = null;

  constructor(
    private readonly store: Store,
    private readonly compiler: Compiler,
  ) {}

  /** Queues code cells in the given order; markdown cells are skipped. */
  run(cellIds: readonly string[]): void {
    const doc = this.store.doc;
    // A Python notebook opened from Jupyter is shown, never sent to this TypeScript kernel.
    if (!runsHere(doc)) return;
    let runtime = this.store.state.runtime;
    for (const id of cellIds) {
      const cell = doc.cells.find((c) => c.id === id);
      if (!cell || cell.cell_type !== 'code') continue;
      const run = ++this.runCounter;
      runtime = queueCell(runtime, id, run);
      this.queue = this.queue.filter((q) => q.cellId !== id);
      this.queue.push({ cellId: id, run });
    }
    this.store.update({ runtime });
    void this.drain();
  }

  runAll(): void {
    this.run(this.store.doc.cells.map((c) => c.id));
  }

  /** Every cell above `cellId`, not including it (Jupyter's "Run All Above"). */
  runAbove(cellId: string): void {
    const cells = this.store.doc.cells;
    const i = cells.findIndex((c) => c.id === cellId);
    this.run(cells.slice(0, Math.max(i, 0)).map((c) => c.id));
  }

  /** `cellId` and every cell below it. */
  runBelow(cellId: string): void {
    const cells = this.store.doc.cells;
    const i = cells.findIndex((c) => c.id === cellId);
    if (i >= 0) this.run(cells.slice(i).map((c) => c.id));
  }

  async interrupt(): Promise<void> {
    this.clearQueue();
    if (!this.kernel || this.kernel.status !== 'busy') return;
    const how = await this.kernel.interrupt();
    if (how === 'restarted') {
      this.notice(
        this.kernel.canInterruptInPlace
          ? 'The cell did not stop, so the kernel was restarted: its variables are gone.'
          : 'This page is not cross-origin isolated, so interrupting restarts the kernel: its variables are gone.',
        'warning',
      );
    }
  }

  /** `quiet` when a different notebook is opened: a fresh kernel is expected there, not news. */
  async restart({ quiet = false } = {}): Promise<void> {
    this.clearQueue();
    this.store.update({ runtime: markKernelLost(this.store.state.runtime) });
    await this.kernel?.restart();
    if (!quiet) this.notice('Kernel restarted: all variables are cleared.', 'info');
  }

  async restartAndRunAll(): Promise<void> {
    await this.restart();
    this.runAll();
  }

  // --- KernelListener: called by the kernel client ---

  events(batch: readonly KernelEvent[]): void {
    let runtime = this.store.state.runtime;
    const steps: Step[] = [];
    const now = performance.now();
    for (const ev of batch) {
      const t = transitionCell(runtime, ev, now);
      runtime = t.runtime;
      steps.push(...t.steps);
    }
    if (steps.length) this.store.dispatch({ steps, origin: 'kernel' });
    this.store.update({ runtime });
  }

  status(status: KernelStatus, message?: string): void {
    this.store.update({ kernel: status });
    if (status === 'dead' && message) {
      this.clearQueue();
      this.store.update({ runtime: markKernelLost(this.store.state.runtime) });
      this.notice(`The kernel died. ${message} Restart the kernel to go on.`, 'error');
    }
  }

  private notice(text: string, kind: 'info' | 'warning' | 'error'): void {
    this.store.update({ notice: { text, kind } });
  }

  private clearQueue(): void {
    this.queue = [];
    this.store.update({ runtime: cancelQueued(this.store.state.runtime) });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) await this.runOne(next);
    } finally {
      this.draining = false;
    }
  }

  private async runOne({ cellId, run }: QueuedRun): Promise<void> {
    const cell = this.store.doc.cells.find((c) => c.id === cellId);
    if (!cell || this.store.state.runtime.get(cellId)?.run !== run) return;
    const t0 = performance.now();
    const result = await this.compiler.compile(cell.source);
    if (this.store.state.runtime.get(cellId)?.run !== run) return; // interrupted while compiling
    this.setDiagnostics(cellId, result.ok ? [] : result.diagnostics);
    if (!result.ok) {
      this.events(compileErrorEvents(cellId, run, cell.source, result.diagnostics, performance.now() - t0));
      return;
    }
    if (!this.kernel) return;
    const outcome = await this.kernel.execute({ cellId, run, source: cell.source, ...result.compiled });
    if ('lost' in outcome) {
      this.clearQueue();
      this.store.update({ runtime: markKernelLost(this.store.state.runtime) });
    }
  }

  private setDiagnostics(cellId: string, list: readonly CellDiagnostic[]): void {
    const prev = this.store.state.diagnostics;
    if ((prev.get(cellId)?.length ?? 0) === 0 && list.length === 0) return;
    const diagnostics = new Map(prev);
    if (list.length) diagnostics.set(cellId, list);
    else diagnostics.delete(cellId);
    this.store.update({ diagnostics });
  }
}
