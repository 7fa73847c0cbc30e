// The only module shared by the page and the kernel worker: the shape of their conversation.
import type { KernelEvent } from '../document/events';

export type { KernelEvent };

/** A cell after compilation, ready to run in the kernel. */
export interface CompiledCell {
  readonly cellId: string;
  /** Run version: events carry it back so that results of a superseded run can be dropped. */
  readonly run: number;
  /** `(async function (__nb) {...})`: see compiler/rewrite.ts. */
  readonly code: string;
  /** Whether the function returns the value of the cell's last expression (Out[n]). */
  readonly hasResult: boolean;
  /** lineMap[k] is the cell line (1-based) that produced line k+1 of `code`; 0 when unknown. */
  readonly lineMap: readonly number[];
  /** The cell's TypeScript source, to quote the failing line in a traceback. */
  readonly source: string;
}

/** Callbacks the page gives the kernel (passed through comlink as a proxy). */
export interface KernelSink {
  /** Batched, in order; the kernel sends at most about 30 batches a second while a cell runs. */
  events(batch: KernelEvent[]): void;
  /** The worker is about to end by itself (a cell called close()). */
  dying(reason: string): void;
}

export interface KernelInit {
  /** Int32Array(1) flag the page sets to interrupt; null when the page is not cross-origin isolated. */
  readonly interruptBuffer: SharedArrayBuffer | null;
}

/** What the worker exposes over comlink. */
export interface KernelApi {
  init(init: KernelInit, sink: KernelSink): Promise<void>;
  /** Runs one cell; resolves after its 'done' event has been sent. */
  execute(cell: CompiledCell): Promise<{ ok: boolean }>;
  /** Ends a cell stuck in an `await` that never settles (loop guards cannot see it). */
  interruptAwait(): void;
}

/** The error name a guard throws when the user interrupts. */
export const INTERRUPT_NAME = 'KeyboardInterrupt';

/**
 * The mime type of a check()'s record ({ claim, passed }) inside its display bundle: the page
 * counts a lesson's passed checks from saved outputs by it.
 */
export const CHECK_MIME = 'application/vnd.nabla.check+json';
