import { expect } from 'chai';
import { gemmF32 } from '../linalg/gemm-f32';
import { gemmF64 } from '../linalg/gemm-f64';
import { disableWasm, gemmF32Wasm, gemmF64Wasm, wasmAvailable } from './gemm';
import type { Gemm } from './gemm';

/** A seeded generator (mulberry32) in [-0.5, 0.5). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

type Layout = 'N' | 'T' | 'S';

interface Operand<T> {
  data: T;
  off: number;
  rs: number;
  cs: number;
}

/**
 * A rows×cols operand laid out as asked: N row-major, T column-major (a transposed view), S a
 * sliced view (every other row and column of a bigger array, at an offset).
 */
function operand<T extends Float32Array | Float64Array>(make: (n: number) => T, rows: number, cols: number, layout: Layout, rand: () => number): Operand<T> {
  if (layout === 'S') {
    const data = make(3 + 2 * rows * 2 * cols);
    for (let i = 0; i < data.length; i++) data[i] = rand();
    return { data, off: 3, rs: 4 * cols, cs: 2 };
  }
  const data = make(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = rand();
  return layout === 'N' ? { data, off: 0, rs: cols, cs: 1 } : { data, off: 0, rs: 1, cs: rows };
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1], [1, 37, 1], [1, 9, 33], [33, 9, 1], [2, 2, 2], [3, 5, 7], [4, 8, 8], [5, 9, 9], [7, 1, 13],
  [13, 17, 11], [10, 300, 2], [10, 2, 300], [5, 10, 300], [31, 64, 33], [129, 20, 17], [6, 257, 5],
  [9, 30, 513], [130, 260, 70], [64, 600, 40],
];

function compare<T extends Float32Array | Float64Array>(name: string, make: (n: number) => T, js: Gemm<T>, wasm: (...a: Parameters<Gemm<T>>) => boolean, tol: number): void {
  describe(name, () => {
    const rand = rng(99);
    for (const [M, K, N] of SHAPES) {
      for (const layout of ['NN', 'NT', 'TN', 'TT', 'SS'] as const) {
        it(`${layout} ${M}x${K}x${N}`, () => {
          const a = operand(make, M, K, layout[0] as Layout, rand);
          const b = operand(make, K, N, layout[1] as Layout, rand);
          // C starts non-zero: both kernels add to it.
          const c0 = make(M * N);
          for (let i = 0; i < c0.length; i++) c0[i] = rand();
          const expected = c0.slice() as T;
          const got = c0.slice() as T;
          js(M, N, K, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, expected, 0, N, 1);
          expect(wasm(M, N, K, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, got, 0, N, 1)).to.equal(true);
          for (let i = 0; i < got.length; i++) {
            expect(Math.abs(got[i]! - expected[i]!), `element ${i}: ${got[i]} vs ${expected[i]}`).to.be.at.most(tol * Math.sqrt(K) * (1 + Math.abs(expected[i]!)));
          }
        });
      }
    }

    it('writes into a strided C (a transposed output) at an offset', () => {
      const [M, K, N] = [6, 19, 10];
      const a = operand(make, M, K, 'N', rand);
      const b = operand(make, K, N, 'T', rand);
      const expected = make(5 + M * N);
      const got = make(5 + M * N);
      // C is N×M storage seen as M×N through strides (1, M), from element 5.
      js(M, N, K, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, expected, 5, 1, M);
      wasm(M, N, K, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, got, 5, 1, M);
      expect(got[0]).to.equal(0);
      for (let i = 0; i < got.length; i++) expect(Math.abs(got[i]! - expected[i]!)).to.be.at.most(tol * 10);
    });
  });
}

describe('WebAssembly SIMD kernels', () => {
  it('run in this engine', () => {
    expect(wasmAvailable()).to.equal(true);
  });

  compare('float32 against the JS kernel', (n) => new Float32Array(n), gemmF32, gemmF32Wasm, 2e-7);
  compare('float64 against the JS kernel', (n) => new Float64Array(n), gemmF64, gemmF64Wasm, 1e-15);

  // linalg/core.ts picks between the kernels by size: float64 results must not depend on that
  // choice, so every float64 path sums each element over k in the JS kernel's order.
  describe('float64 agrees with the JS kernel bit for bit', () => {
    const rand = rng(7);
    const shapes: [number, number, number][] = [
      [4, 1, 4], [5, 10, 300], [10, 2, 300], [10, 300, 2], [5, 300, 10], [10, 5, 300], [6, 257, 5], [7, 3, 9], [8, 513, 6],
      // Fewer than 4 rows: the JS kernel's 1x8 and 1x4 blocks (against the packed kernel).
      [1, 300, 5], [1, 5, 300], [2, 7, 9], [3, 20, 13], [1, 3, 12], [2, 260, 7],
      // Past 2M multiply-adds: the packed kernel.
      [130, 260, 70], [2, 3000, 400], [201, 530, 21],
      // Row panels of 5 and 4, moved-back last panels and tiles, single rows: 6 = 4+2, 9 = 5+4, 11 = 4+4+3, 13 = 5+4+4, 14 = 5+5+4.
      [6, 7, 9], [9, 5, 13], [11, 3, 17], [13, 20, 6], [14, 2, 5], [20, 2, 64], [7, 20, 64], [5, 7, 3],
    ];
    for (const [M, K, N] of shapes) {
      for (const layout of ['NN', 'NT', 'TN', 'SS'] as const) {
        for (const overwrite of [true, false]) {
          it(`${layout} ${M}x${K}x${N}${overwrite ? ' overwriting' : ' adding'}`, () => {
            const a = operand((n) => new Float64Array(n), M, K, layout[0] as Layout, rand);
            const b = operand((n) => new Float64Array(n), K, N, layout[1] as Layout, rand);
            const c0 = new Float64Array(M * N);
            for (let i = 0; i < c0.length; i++) c0[i] = rand();
            // The JS kernel adds to C: from zeros when the SIMD one overwrites (C holds garbage).
            const expected = overwrite ? new Float64Array(M * N) : c0.slice();
            const got = c0.slice();
            gemmF64(M, N, K, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, expected, 0, N, 1);
            expect(gemmF64Wasm(M, N, K, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, got, 0, N, 1, overwrite)).to.equal(true);
            for (let i = 0; i < got.length; i++) expect(Object.is(got[i], expected[i]), `element ${i}: ${got[i]} vs ${expected[i]}`).to.equal(true);
          });
        }
      }
    }
  });

  it('report unavailability instead of running when disabled, and recover', () => {
    disableWasm(true);
    try {
      expect(wasmAvailable()).to.equal(false);
      expect(gemmF64Wasm(1, 1, 1, Float64Array.of(2), 0, 1, 1, Float64Array.of(3), 0, 1, 1, new Float64Array(1), 0, 1, 1)).to.equal(false);
    } finally {
      disableWasm(false);
    }
    expect(wasmAvailable()).to.equal(true);
  });
});
