// Live execution state per cell. Kept out of the Notebook because it must never be saved,
// exported or undone.

export type CellStatus = 'idle' | 'queued' | 'running';

export interface CellRuntime {
  readonly status: CellStatus;
  /** Run version of the latest queueing; kernel events carrying another version are stale. */
  readonly run: number;
  /** null until a run of this cell has finished. */
  readonly lastRunOk: boolean | null;
  readonly startedAt: number | null;
  readonly elapsedMs: number | null;
}

/** cellId -> runtime. Cells never run have no entry. */
export type RuntimeState = ReadonlyMap<string, CellRuntime>;

export const IDLE_RUNTIME: CellRuntime = {
  status: 'idle',
  run: 0,
  lastRunOk: null,
  startedAt: null,
  elapsedMs: null,
};

export function emptyRuntime(): RuntimeState {
  return new Map();
}

/** The runtime of a cell, IDLE_RUNTIME for a cell never run. */
export function cellRuntime(rt: RuntimeState, cellId: string): CellRuntime {
  return rt.get(cellId) ?? IDLE_RUNTIME;
}
