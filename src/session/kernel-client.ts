// The page's side of the kernel: a module Worker behind comlink. The rest of the app sees only
// the KernelClient interface, so a pool or a test double can stand in for the worker.
import * as Comlink from 'comlink';
import type { CompiledCell, KernelApi, KernelEvent, KernelSink } from '../kernel/protocol';

export type KernelStatus = 'starting' | 'idle' | 'busy' | 'restarting' | 'dead';

export type ExecuteOutcome = { readonly ok: boolean } | { readonly lost: string };

export interface KernelListener {
  events(batch: readonly KernelEvent[]): void;
  status(status: KernelStatus, message?: string): void;
}

export interface KernelClient {
  readonly status: KernelStatus;
  /** Whether interrupts can stop synchronous code without losing the kernel's variables. */
  readonly canInterruptInPlace: boolean;
  start(): Promise<void>;
  execute(cell: CompiledCell): Promise<ExecuteOutcome>;
  /** 'interrupted' when the kernel kept its state, 'restarted' when it had to be replaced. */
  interrupt(): Promise<'interrupted' | 'restarted'>;
  restart(): Promise<void>;
  dispose(): void;
}

/** How long an interrupt may take before the worker is replaced instead. */
const INTERRUPT_GRACE_MS = 3000;

export class WorkerKernelClient implements KernelClient {
  status: KernelStatus = 'dead';
  readonly canInterruptInPlace: boolean;
  private worker: Worker | null = null;
  private api: Comlink.Remote<KernelApi> | null = null;
  private flag: Int32Array | null = null;
  private pending: { resolve(o: ExecuteOutcome): void } | null = null;

  constructor(
    private readonly workerURL: URL,
    private readonly listener: KernelListener,
  ) {
    // SharedArrayBuffer exists only in a cross-origin isolated page.
    this.canInterruptInPlace = typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
  }

  async start(): Promise<void> {
    if (this.status === 'dead') this.setStatus('starting'); // a restart stays 'restarting'
    const worker = new Worker(this.workerURL, { type: 'module', name: 'nabla-kernel' });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.lose(`The kernel failed: ${e.message || 'the worker stopped unexpectedly'}.`);
    });
    this.worker = worker;
    this.api = Comlink.wrap<KernelApi>(worker);
    const buffer = this.canInterruptInPlace ? new SharedArrayBuffer(4) : null;
    this.flag = buffer ? new Int32Array(buffer) : null;
    const sink: KernelSink = {
      events: (batch) => {
        if (this.worker === worker) this.listener.events(batch);
      },
      dying: (reason) => {
        if (this.worker === worker) this.lose(reason);
      },
    };
    await this.api.init({ interruptBuffer: buffer }, Comlink.proxy(sink));
    if (this.worker === worker) this.setStatus('idle');
  }

  async execute(cell: CompiledCell): Promise<ExecuteOutcome> {
    const api = this.api;
    if (!api || this.status === 'dead') return { lost: 'The kernel is not running.' };
    this.setStatus('busy');
    const lost = new Promise<ExecuteOutcome>((resolve) => (this.pending = { resolve }));
    const outcome = await Promise.race([api.execute(cell), lost]);
    this.pending = null;
    if (this.api === api && this.status === 'busy') this.setStatus('idle');
    return outcome;
  }

  async interrupt(): Promise<'interrupted' | 'restarted'> {
    if (this.status !== 'busy') return 'interrupted';
    if (this.flag && this.api) {
      Atomics.store(this.flag, 0, 1);
      void this.api.interruptAwait();
      const stopped = await new Promise<boolean>((resolve) => {
        const t0 = performance.now();
        const poll = () => {
          if (this.status !== 'busy') resolve(true);
          else if (performance.now() - t0 > INTERRUPT_GRACE_MS) resolve(false);
          else setTimeout(poll, 20);
        };
        poll();
      });
      if (stopped) return 'interrupted';
    }
    await this.restart('The cell could not be stopped in place, so the kernel was restarted: its variables are gone.');
    return 'restarted';
  }

  async restart(reason = 'The kernel was restarted: all variables are cleared.'): Promise<void> {
    this.terminate(reason);
    this.setStatus('restarting');
    await this.start();
  }

  dispose(): void {
    this.terminate('The kernel was shut down.');
    this.setStatus('dead');
  }

  private terminate(reason: string): void {
    this.api?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.pending?.resolve({ lost: reason });
    this.pending = null;
  }

  private lose(reason: string): void {
    this.terminate(reason);
    this.setStatus('dead', reason);
  }

  private setStatus(status: KernelStatus, message?: string): void {
    this.status = status;
    this.listener.status(status, message);
  }
}
