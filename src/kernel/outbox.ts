// Batches kernel events so that a chatty cell costs the page at most ~30 messages a second.
import type { KernelEvent } from './protocol';

export class Outbox {
  private queue: KernelEvent[] = [];
  private lastFlush = -Infinity; // the very first event goes out at once
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (batch: KernelEvent[]) => void,
    private readonly intervalMs = 33,
  ) {}

  /** Queues an event; consecutive chunks of one stream are merged into one event. */
  push(ev: KernelEvent): void {
    const last = this.queue[this.queue.length - 1];
    if (
      ev.type === 'stream' &&
      last?.type === 'stream' &&
      last.cellId === ev.cellId &&
      last.run === ev.run &&
      last.name === ev.name
    ) {
      this.queue[this.queue.length - 1] = { ...last, text: last.text + ev.text };
    } else {
      this.queue.push(ev);
    }
    this.maybeFlush();
  }

  /** Sends now if the last batch left long enough ago, else makes sure a timer will. */
  maybeFlush(): void {
    if (this.queue.length === 0) return;
    const wait = this.intervalMs - (performance.now() - this.lastFlush);
    if (wait <= 0) this.flush();
    // Timers fire only when the cell yields; synchronous loops rely on maybeFlush() being
    // called again from console calls and loop guards.
    else if (this.timer === null) this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.lastFlush = performance.now();
    this.send(batch);
  }
}
