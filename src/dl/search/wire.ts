// What crosses the boundary to a pool worker. Structured clone would turn an NDArray into a
// plain object without its methods, and cannot carry a function at all: arrays travel as
// { shape, dtype, data } and are rebuilt on the other side, the objective travels as its text.
import { NDArray } from '../../tensor';
import type { TypedArray } from '../../tensor/dtype';
import type { Objective } from './trials';

const TAG = '__nablaNDArray';

/** An NDArray on the wire: C-order elements in a typed array of its own (no shared slab). */
export interface WireArray {
  readonly [TAG]: true;
  readonly shape: readonly number[];
  readonly dtype: NDArray['dtype'];
  readonly data: TypedArray;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

function isWireArray(x: unknown): x is WireArray {
  return isPlainObject(x) && x[TAG] === true;
}

/**
 * A copy of `value` that structured clone can carry: NDArrays (also inside plain objects and
 * arrays) become WireArrays; anything else is left for structured clone.
 * @example worker.postMessage(encode({ X: np.ones([2, 3]), lr: 0.1 }))
 */
export function encode(value: unknown): unknown {
  if (value instanceof NDArray) {
    // A contiguous copy with its own exact-size buffer: small arrays are views into a shared
    // 256 KB slab, which structured clone would copy whole.
    const flat = value.contiguous ? value : value.flatten();
    return { [TAG]: true, shape: [...value.shape], dtype: value.dtype, data: flat.data.slice(flat.offset, flat.offset + flat.size) };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encode(v);
    return out;
  }
  return value;
}

/**
 * The inverse of encode: WireArrays become NDArrays again.
 * @example const data = decode(event.data.data) as { X: NDArray };
 */
export function decode(value: unknown): unknown {
  if (isWireArray(value)) return new NDArray(value.data, [...value.shape]);
  if (Array.isArray(value)) return value.map(decode);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decode(v);
    return out;
  }
  return value;
}

/**
 * The text that rebuilds `objective` in a worker (its own toString()).
 * @example objectiveSource((config, data, np, dl) => config.lr) // '(config, data, np, dl) => config.lr'
 */
export function objectiveSource(objective: Objective<never, never> | string): string {
  if (typeof objective === 'string') return objective;
  if (typeof objective !== 'function') throw new TypeError('objective must be a function');
  const text = Function.prototype.toString.call(objective);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(text)) throw new TypeError('objective is a bound or built-in function; its source cannot be sent to a worker');
  return text;
}

// Notebook cells are compiled with a loop guard `__nb.g()` at the top of every loop body (see
// compiler/guards.ts); an objective written in a cell carries those calls in its text, so the
// worker supplies a guard of its own. It never throws: a pool is stopped by terminating it.
const WORKER_HELPERS = { g: (): void => undefined };

/**
 * Rebuilds an objective from its source with `new Function`, at global scope: it sees its
 * arguments and the worker's globals, never the variables of the cell that defined it.
 * Accepts function expressions, arrow functions and method shorthand (`objective(c) {...}`).
 * @example const f = compileObjective('(config) => config.lr ** 2'); f({ lr: 3 }, {}, np, dl) // 9
 */
export function compileObjective(source: string): Objective<unknown, unknown> {
  const build = (body: string): unknown => new Function('__nb', `"use strict"; return (${body});`)(WORKER_HELPERS);
  let fn: unknown;
  try {
    fn = build(source);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    // `objective(config) {...}` or `async objective(config) {...}`, from an object literal.
    try {
      fn = Object.values(build(`{${source}}`) as object)[0];
    } catch {
      throw new SyntaxError(`the objective's source does not parse as a function: ${e.message}`);
    }
  }
  if (typeof fn !== 'function') throw new TypeError('the objective source is not a function');
  return fn as Objective<unknown, unknown>;
}
