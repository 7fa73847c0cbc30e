// Test helper: reads the numpy fixtures written by scripts/fixtures/ops.py and compares results
// with them: exact shapes and dtypes, values within 1e-12 relative (float64), 1e-6 (float32),
// exact for int32 and bool. Read with readFileSync rather than `import fx from '...json'`: tsc
// accepts the import, but inferring a type for ~800 KB of JSON adds a second to every typecheck.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allocate } from './dtype';
import type { DType } from './dtype';
import { NDArray, contiguousData } from './ndarray';

export interface EncodedArray {
  dtype: DType;
  shape: number[];
  data: (number | boolean | string)[];
  /** The operand is the transpose of the stored array (a strided view). */
  T?: boolean;
}
export interface EncodedScalar {
  scalar: number | boolean | string;
  dtype?: DType;
}
export interface EncodedError {
  error: string;
}
export type Encoded = EncodedArray | EncodedScalar | EncodedError;

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'src/tensor/fixtures', name), 'utf8')) as T;
}

function value(v: number | boolean | string): number {
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v);
}

/** An operand as the test passes it: an NDArray (maybe a transposed view) or a JS scalar. */
export function decode(e: Encoded): NDArray | number | boolean {
  if ('error' in e) throw new Error('cannot decode an expected error');
  if ('scalar' in e) return typeof e.scalar === 'boolean' ? e.scalar : value(e.scalar);
  const data = allocate(e.dtype, e.data.length);
  e.data.forEach((v, i) => (data[i] = value(v)));
  const a = new NDArray(data, e.shape);
  return e.T ? a.T : a;
}

export function describeOperand(e: Encoded | null): string {
  if (e === null) return 'null';
  if ('error' in e) return 'error';
  if ('scalar' in e) return JSON.stringify(e.scalar);
  return `${e.dtype}(${e.shape.join(',')})${e.T ? '.T' : ''}`;
}

function close(actual: number, expected: number, rtol: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (actual === expected) return true;
  if (!Number.isFinite(expected)) return false;
  return Math.abs(actual - expected) <= rtol * Math.max(Math.abs(actual), Math.abs(expected));
}

/** Runs `run` and checks its result (or its error) against the numpy expectation. */
export function expectNumpy(run: () => unknown, expected: Encoded): void {
  if ('error' in expected) {
    expect(run).to.throw();
    try {
      run();
    } catch (err) {
      expect((err as Error).message).to.equal(expected.error);
    }
    return;
  }
  const actual = run();
  if ('scalar' in expected) {
    if (expected.dtype === 'bool') {
      // all/any give booleans; max/min of a bool array give the number 0 or 1.
      expect(typeof actual === 'number' ? actual === 1 : actual).to.equal(expected.scalar);
      return;
    }
    expect(typeof actual, 'a full reduction gives a JS number').to.equal('number');
    const e = value(expected.scalar);
    const rtol = expected.dtype === 'float32' ? 1e-6 : expected.dtype === 'float64' ? 1e-12 : 0;
    expect(close(actual as number, e, rtol), `${actual} vs numpy ${e}`).to.equal(true);
    return;
  }
  expect(actual).to.be.instanceOf(NDArray);
  const a = actual as NDArray;
  expect(a.shape).to.deep.equal(expected.shape);
  expect(a.dtype).to.equal(expected.dtype);
  const got = contiguousData(a);
  const rtol = expected.dtype === 'float32' ? 1e-6 : expected.dtype === 'float64' ? 1e-12 : 0;
  const bad: string[] = [];
  expected.data.forEach((v, i) => {
    if (!close(got[i]!, value(v), rtol)) bad.push(`[${i}] ${got[i]} vs numpy ${value(v)}`);
  });
  expect(bad.slice(0, 5), `${bad.length} of ${expected.data.length} elements differ`).to.deep.equal([]);
}
