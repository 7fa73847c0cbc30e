// Turning what a learner passes (numbers, booleans, nested arrays, NDArrays) into NDArrays.
import { allocate } from './dtype';
import type { DType } from './dtype';
import { NDArray } from './ndarray';
import type { NestedNumbers } from './ndarray';
import { formatShape } from './shape';

/** Anything an np function accepts where numpy accepts an "array_like". */
export type ArrayLike = NDArray | NestedNumbers;

/** The NDArray itself, or a new one made from nested arrays / a scalar (dtype inferred as numpy does). */
export function asArray(x: ArrayLike, dtype?: DType): NDArray {
  if (x instanceof NDArray) return dtype === undefined || dtype === x.dtype ? x : x.astype(dtype);
  const shape: number[] = [];
  let probe: NestedNumbers = x;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0]!;
  }
  const flat: (number | boolean)[] = [];
  let allBool = true;
  let allInt = true;
  const walk = (v: NestedNumbers, d: number): void => {
    if (d === shape.length) {
      if (Array.isArray(v)) throw new Error(`setting an array element with a sequence: the nested lists are ragged (expected shape ${formatShape(shape)})`);
      const s = v as number | boolean;
      if (typeof s === 'number') {
        allBool = false;
        if (!Number.isInteger(s) || s > 2147483647 || s < -2147483648) allInt = false;
      } else if (typeof s !== 'boolean') throw new TypeError(`cannot make an array from ${typeof s}`);
      flat.push(s);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[d]) {
      throw new Error(`setting an array element with a sequence: the nested lists are ragged (expected shape ${formatShape(shape)})`);
    }
    for (const e of v as readonly NestedNumbers[]) walk(e, d + 1);
  };
  walk(x, 0);
  // As numpy: all booleans give bool, all integers an integer array (int32 here, numpy's int64
  // where it fits), anything else float64. An empty list is float64.
  const inferred: DType = dtype ?? (flat.length === 0 ? 'float64' : allBool ? 'bool' : allInt ? 'int32' : 'float64');
  const data = allocate(inferred, flat.length);
  for (let i = 0; i < flat.length; i++) data[i] = Number(flat[i]);
  return new NDArray(data, shape);
}
