// Messages between parallelSearch (pool.ts) and its workers (pool-worker.ts). A worker is told
// once what to run and on which data, then gets one trial at a time, so a fast worker simply
// takes more trials than a slow one.

/** Page/kernel -> worker. Configs and data are encoded (wire.ts). */
export type ToWorker =
  | { readonly type: 'init'; readonly worker: number; readonly source: string; readonly data: unknown }
  | { readonly type: 'run'; readonly index: number; readonly config: unknown; readonly seed: number[] };

/** Worker -> page/kernel. */
export type FromWorker =
  /** The objective compiled and the data were rebuilt; trials may be sent. */
  | { readonly type: 'ready'; readonly worker: number }
  /** The objective could not be rebuilt: no trial can run, the search fails. */
  | { readonly type: 'init-error'; readonly worker: number; readonly error: string }
  /** One trial ended; `error` set when the objective threw (score is then NaN). */
  | {
      readonly type: 'trial';
      readonly worker: number;
      readonly index: number;
      readonly score: number;
      readonly extra: unknown;
      readonly ms: number;
      readonly error?: string;
      /** What the objective printed with console.log/info/warn/error during the trial. */
      readonly logs: readonly string[];
    };
