// Pure state machine for cell execution, in marimo's style: the session feeds kernel events in
// and applies the returned steps to the document through the one write path.
import type { KernelEvent } from './events';
import { cellRuntime } from './runtime';
import type { CellRuntime, CellStatus, RuntimeState } from './runtime';
import type { Step } from './steps';
import type { Output } from './types';

export interface Transition {
  readonly runtime: RuntimeState;
  readonly steps: Step[];
}

/**
 * Marks a cell queued under a new run version. The previous run's outcome and timing stay
 * visible until the new run starts, like its outputs do.
 */
export function queueCell(rt: RuntimeState, cellId: string, run: number): RuntimeState {
  return withCell(rt, cellId, { ...cellRuntime(rt, cellId), status: 'queued', run });
}

/** Interrupt/restart: queued cells will never start, so they go back to idle. */
export function cancelQueued(rt: RuntimeState): RuntimeState {
  return mapWhere(rt, (c) => c.status === 'queued', (c) => ({ ...c, status: 'idle' }));
}

/** The worker died: nothing queued or running will ever finish, and none of it succeeded. */
export function markKernelLost(rt: RuntimeState): RuntimeState {
  return mapWhere(rt, (c) => c.status !== 'idle', (c) => ({ ...c, status: 'idle', lastRunOk: false }));
}

/**
 * Folds one kernel event into the runtime and says what to write to the document. Events of
 * any other run than the cell's current one are dropped, so a superseded or interrupted run
 * cannot write into the new run's outputs. After `done`, stream and error events of the same
 * run are still accepted: a setTimeout log or an unhandled rejection belongs to that run even
 * though its body has returned.
 */
export function transitionCell(rt: RuntimeState, ev: KernelEvent, now: number): Transition {
  const cur = rt.get(ev.cellId);
  if (!cur || cur.run !== ev.run || !accepts(cur.status, ev.type)) return { runtime: rt, steps: [] };
  const { cellId } = ev;
  const append = (output: Output): Transition => ({
    runtime: rt,
    steps: [{ type: 'appendOutput', cellId, output }],
  });
  switch (ev.type) {
    case 'start':
      return {
        runtime: withCell(rt, cellId, {
          status: 'running',
          run: ev.run,
          lastRunOk: null,
          startedAt: now,
          elapsedMs: null,
        }),
        steps: [
          { type: 'clearOutputs', cellId },
          { type: 'setExecutionCount', cellId, count: ev.executionCount },
        ],
      };
    case 'stream':
      return append({ output_type: 'stream', name: ev.name, text: ev.text });
    case 'display':
      return append({
        output_type: 'display_data',
        data: ev.data,
        metadata: ev.metadata,
        ...(ev.displayId === undefined ? {} : { display_id: ev.displayId }),
      });
    case 'result':
      return append({
        output_type: 'execute_result',
        execution_count: ev.executionCount,
        data: ev.data,
        metadata: ev.metadata,
      });
    case 'error':
      return append({ output_type: 'error', ename: ev.ename, evalue: ev.evalue, traceback: [...ev.traceback] });
    case 'update_display':
      return {
        runtime: rt,
        steps: [{ type: 'updateDisplay', displayId: ev.displayId, data: ev.data, metadata: ev.metadata }],
      };
    case 'append_display':
      return {
        runtime: rt,
        steps: [{ type: 'appendDisplayRows', displayId: ev.displayId, dataset: ev.dataset, rows: ev.rows }],
      };
    case 'done':
      return {
        runtime: withCell(rt, cellId, { ...cur, status: 'idle', lastRunOk: ev.ok, elapsedMs: ev.elapsedMs }),
        steps: [],
      };
  }
}

// A queued cell can only start, or be reported done without starting (e.g. skipped). A second
// `start` for a running cell would wipe outputs it already produced, so it is ignored.
function accepts(status: CellStatus, type: KernelEvent['type']): boolean {
  switch (status) {
    case 'queued':
      return type === 'start' || type === 'done';
    case 'running':
      return type !== 'start';
    case 'idle':
      return type === 'stream' || type === 'error';
  }
}

function withCell(rt: RuntimeState, cellId: string, cell: CellRuntime): RuntimeState {
  const next = new Map(rt);
  next.set(cellId, cell);
  return next;
}

function mapWhere(
  rt: RuntimeState,
  match: (c: CellRuntime) => boolean,
  f: (c: CellRuntime) => CellRuntime,
): RuntimeState {
  if (![...rt.values()].some(match)) return rt;
  const next = new Map<string, CellRuntime>();
  for (const [id, c] of rt) next.set(id, match(c) ? f(c) : c);
  return next;
}
