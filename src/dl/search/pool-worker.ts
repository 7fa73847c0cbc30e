// Entry of a parallelSearch pool worker (built as dist/search-worker.js): rebuilds the objective
// from its source and the data from their wire form once, then runs the trials it is sent, one
// at a time, replying after each. A trial that throws is reported as that trial's error and the
// worker carries on; only the pool decides when the worker ends.
import { NDArray, np } from '../../tensor';
import * as dl from '../index';
import type { FromWorker, ToWorker } from './protocol';
import type { Objective } from './trials';
import { compileObjective, decode, encode } from './wire';
import { errorText, scoreOf } from './trials';

// The lib is DOM's (tsconfig), where postMessage needs a target origin; a worker's takes none.
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

let worker = -1;
let objective: Objective<unknown, unknown> | null = null;
let data: unknown = {};

// What the objective prints goes back with its trial: a worker's console is not the cell's.
let logs: string[] = [];
const show = (x: unknown): string => {
  if (typeof x === 'string') return x;
  if (x instanceof NDArray || x instanceof Error || typeof x !== 'object' || x === null) return String(x);
  try {
    return JSON.stringify(x);
  } catch {
    return String(x);
  }
};
const printer = (...args: unknown[]): void => void logs.push(args.map(show).join(' '));
Object.assign(console, { log: printer, info: printer, warn: printer, error: printer, debug: printer });

/** The extra values that can be posted back; the others are dropped with a note in the logs. */
function postable(extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra)) {
    const wire = encode(v);
    try {
      structuredClone(wire);
      out[k] = wire;
    } catch (e) {
      logs.push(`extra.${k} was dropped: it cannot be sent back from a worker (${errorText(e)})`);
    }
  }
  return out;
}

async function run(index: number, config: unknown, seed: number[]): Promise<void> {
  logs = [];
  np.random.seed(seed);
  const t0 = performance.now();
  try {
    if (!objective) throw new Error('the worker got a trial before its objective');
    const { score, extra } = scoreOf(await objective(decode(config), data, np, dl));
    const ms = performance.now() - t0;
    scope.postMessage({ type: 'trial', worker, index, score, extra: postable(extra), ms, logs });
  } catch (e) {
    const ms = performance.now() - t0;
    scope.postMessage({ type: 'trial', worker, index, score: NaN, extra: {}, ms, error: errorText(e), logs });
  }
}

scope.onmessage = (e: MessageEvent<ToWorker>): void => {
  const msg = e.data;
  if (msg.type === 'init') {
    worker = msg.worker;
    try {
      objective = compileObjective(msg.source);
      data = decode(msg.data);
      scope.postMessage({ type: 'ready', worker });
    } catch (err) {
      scope.postMessage({ type: 'init-error', worker, error: errorText(err) });
    }
  } else if (msg.type === 'run') {
    void run(msg.index, msg.config, msg.seed);
  }
};
