// The fast paths taken for the course's training step must give exactly what the plain
// definitions give: maximum/minimum as branch-free selects, nansum summing in place, astype
// converting with TypedArray.set, matmul choosing between its kernels, and results written
// into uninitialised memory.
import { expect } from 'chai';
import * as binary from './binary';
import { greater } from './compare';
import { poisonSlabs } from './dtype';
import { asArray } from './convert';
import { matmul } from './linalg';
import { NDArray } from './ndarray';
import { nansum, sum } from './reduce';
import { exp, negative } from './unary';
import { disableWasm } from './wasm/gemm';

const SPECIAL = [0, -0, 1, -1, 0.5, -2.5, NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e308];

/** numpy's loops: the first operand when it is larger or NaN, else the second (ties give it). */
const npMax = (x: number, y: number) => (x > y || x !== x ? x : y);
const npMin = (x: number, y: number) => (x < y || x !== x ? x : y);

function expectSame(got: ArrayLike<number>, want: ArrayLike<number>): void {
  expect(got.length).to.equal(want.length);
  for (let i = 0; i < want.length; i++) expect(Object.is(got[i], want[i]), `element ${i}: ${got[i]} vs ${want[i]}`).to.equal(true);
}

describe('fast paths give the plain definitions', () => {
  describe('maximum and minimum keep numpy ties and NaN', () => {
    const ys = asArray([SPECIAL]);
    const xsCol = new NDArray(Float64Array.from(SPECIAL), [SPECIAL.length, 1]);
    for (const [name, fn, ref] of [['maximum', binary.maximum, npMax], ['minimum', binary.minimum, npMin]] as const) {
      it(`${name}: scalar with array, both sides`, () => {
        for (const x of SPECIAL) {
          expectSame(fn(x, ys).data, SPECIAL.map((y) => ref(x, y)));
          expectSame(fn(ys, x).data, SPECIAL.map((y) => ref(y, x)));
        }
      });
      it(`${name}: arrays, same shape and broadcast`, () => {
        const want: number[] = [];
        for (const x of SPECIAL) for (const y of SPECIAL) want.push(ref(x, y));
        expectSame(fn(xsCol, ys).data, want);
        const xs = asArray(SPECIAL.flatMap((x) => SPECIAL.map(() => x)));
        const yy = asArray(SPECIAL.flatMap(() => SPECIAL));
        expectSame(fn(xs, yy).data, want);
      });
    }
  });

  describe('nansum of a contiguous array sums it in place, as over a NaN-free copy', () => {
    for (const n of [1, 7, 8, 100, 128, 129, 300, 1000]) {
      it(`${n} elements, all axes and each axis`, () => {
        const data = new Float64Array(3 * n);
        for (let i = 0; i < data.length; i++) data[i] = i % 11 === 3 ? NaN : Math.sin(i * 1.7) * 10 ** ((i % 7) - 3);
        data[1] = -0;
        const x = new NDArray(data, [3, n]);
        const clean = new NDArray(data.map((v) => (v === v ? v : 0)), [3, n]);
        expect(Object.is(nansum(x), sum(clean))).to.equal(true);
        expectSame(nansum(x, { axis: 1, keepdims: true }).data, sum(clean, { axis: 1, keepdims: true }).data);
        expectSame(nansum(x, 0).data, sum(clean, 0).data);
        const x32 = new NDArray(Float32Array.from(data), [3, n]);
        expectSame(nansum(x32, 1).data, sum(new NDArray(Float32Array.from(clean.data), [3, n]), 1).data);
      });
    }
  });

  it('astype to int32 truncates toward 0 and wraps as a store does', () => {
    const vals = [0, -0, 1.9, -1.9, 2.5, -2.5, NaN, Infinity, -Infinity, 2 ** 31 + 5.5, -(2 ** 31) - 7.25, 2 ** 40 + 3];
    const want = Int32Array.from(vals, (v) => Math.trunc(v) | 0);
    expectSame(asArray(vals).astype('int32').data, want);
    expectSame(new NDArray(Float32Array.from([1.5, -1.5, 3e9]), [3]).astype('int32').data, Int32Array.from([1, -1, Math.fround(3e9) | 0]));
    expectSame(new NDArray(Uint8Array.from([0, 1, 1]), [3]).astype('int32').data, [0, 1, 1]);
  });

  describe('matmul in float64 does not depend on which kernel runs', () => {
    // The course's shapes, with W.T / A.T operands as in its backward pass.
    const shapes: [number, number, number, boolean, boolean][] = [
      [10, 2, 300, false, false], [5, 10, 300, false, false], [1, 5, 300, false, false], [1, 300, 5, false, true],
      [5, 1, 300, true, false], [5, 300, 10, false, true], [10, 5, 300, true, false], [10, 300, 2, false, true], [7, 20, 64, true, false],
    ];
    for (const [m, k, n, ta, tb] of shapes) {
      it(`(${m},${k})${ta ? 'ᵀ' : ''}·(${k},${n})${tb ? 'ᵀ' : ''}`, () => {
        const fill = (r: number, c: number, seed: number) => new NDArray(Float64Array.from({ length: r * c }, (_, i) => Math.sin(i * 0.37 + seed)), [r, c]);
        const A = ta ? fill(k, m, 1).T : fill(m, k, 1);
        const B = tb ? fill(n, k, 2).T : fill(k, n, 2);
        const simd = matmul(A, B);
        disableWasm(true);
        try {
          expectSame(simd.data, matmul(A, B).data);
        } finally {
          disableWasm(false);
        }
      });
    }
  });

  it('results from uninitialised memory are written in full (slabs filled with garbage)', () => {
    const seq = (shape: number[], seed: number) => new NDArray(Float64Array.from({ length: shape.reduce((p, d) => p * d, 1) }, (_, i) => Math.sin(i * 0.77 + seed) * 3), shape);
    const Z = seq([10, 300], 1);
    const b = seq([10, 1], 2);
    const W = seq([5, 10], 3);
    const cube = seq([2, 3, 4], 4);
    const cases: [string, () => NDArray][] = [
      ['add same shape', () => binary.add(Z, Z)],
      ['add column broadcast', () => binary.add(Z, b)],
      ['subtract scalar left, transposed', () => binary.subtract(1, Z.T)],
      ['multiply by int32', () => binary.multiply(Z, greater(Z, 0).astype('int32'))],
      ['maximum 3-D broadcast', () => binary.maximum(cube, seq([3, 1], 5))],
      ['exp of a transposed view', () => exp(W.T)],
      ['negative', () => negative(Z)],
      ['astype int32, float32, bool', () => asArray([Z.astype('int32').astype('float64').data[7]!, Z.astype('float32').data[9]!, Z.astype('bool').data[3]!])],
      ['copy of a transposed view', () => W.T.copy()],
      ['matmul (10,2)(2,300)', () => matmul(seq([10, 2], 6), seq([2, 300], 7))],
      ['matmul (1,5)(5,300)', () => matmul(seq([1, 5], 6), seq([5, 300], 7))],
      ['matmul (5,300)(300,10)ᵀ', () => matmul(seq([5, 300], 6), seq([10, 300], 7).T)],
      ['matmul (10,5)ᵀ(5,300)', () => matmul(W.T, seq([5, 300], 8))],
      ['matmul batched', () => matmul(seq([3, 4, 5], 1), seq([3, 5, 6], 2))],
      ['matmul float32', () => matmul(seq([6, 7], 1).astype('float32'), seq([7, 9], 2).astype('float32'))],
      ['matmul int32', () => matmul(seq([6, 7], 1).astype('int32'), seq([7, 9], 2).astype('int32'))],
      ['matmul with k = 0', () => matmul(seq([6, 0], 1), seq([0, 9], 2))],
      ['sum over an axis', () => sum(Z, { axis: 0, keepdims: true })],
    ];
    const clean = cases.map(([, f]) => f().tolist());
    poisonSlabs(0xa5);
    try {
      cases.forEach(([name, f], i) => expect(f().tolist(), name).to.deep.equal(clean[i]));
      disableWasm(true);
      try {
        cases.forEach(([name, f], i) => expect(f().tolist(), `${name} (JS kernels)`).to.deep.equal(clean[i]));
      } finally {
        disableWasm(false);
      }
    } finally {
      poisonSlabs(null);
    }
  });
});
