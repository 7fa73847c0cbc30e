// Messages from the kernel worker about one cell's run. `run` is the run version the session
// handed out when queueing, so events of an interrupted or superseded run can be recognised.
import type { MimeBundle } from './types';

export type KernelEvent =
  // executionCount is null for a cell that failed to compile and never reached the kernel.
  | { type: 'start'; cellId: string; run: number; executionCount: number | null }
  | { type: 'stream'; cellId: string; run: number; name: 'stdout' | 'stderr'; text: string }
  | {
      type: 'display';
      cellId: string;
      run: number;
      data: MimeBundle;
      metadata: Record<string, unknown>;
      displayId?: string;
    }
  /** Rows added to a named dataset of a displayed Vega-Lite chart (a growing loss curve). */
  | { type: 'append_display'; cellId: string; run: number; displayId: string; dataset: string; rows: readonly Record<string, unknown>[] }
  | {
      type: 'update_display';
      cellId: string;
      run: number;
      displayId: string;
      data: MimeBundle;
      metadata: Record<string, unknown>;
    }
  | {
      type: 'result';
      cellId: string;
      run: number;
      executionCount: number;
      data: MimeBundle;
      metadata: Record<string, unknown>;
    }
  | { type: 'error'; cellId: string; run: number; ename: string; evalue: string; traceback: string[] }
  | { type: 'done'; cellId: string; run: number; ok: boolean; elapsedMs: number };
