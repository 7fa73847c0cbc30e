// The float64 matrix-product kernel in plain JS. scripts/build-wasm.mjs derives gemm-f32.ts from
// this file by renaming the types: V8 specialises a function to the typed arrays it sees, and one
// kernel fed both Float64Array and Float32Array ran 10-20% slower than two monomorphic copies.
//
// Every operand is a strided view (base offset, row stride, column stride, in elements), so one
// kernel serves every layout: a transposed operand such as `W.T` is read through its swapped
// strides and never copied. Measured on the machines of this project (n = 64..1024), the 4x4
// register-blocked kernel below runs the NN, NT, TN and TT cases within 10% of each other
// (about 5.5 GFLOP/s), well above the 1.7 of an i-k-j loop. linalg/core.ts sends all but the
// smallest products and those with a single row or column to the WebAssembly SIMD kernels
// (src/tensor/wasm, 2-8x faster); this kernel serves the rest, and everything where WebAssembly
// SIMD is missing. In float64 all of them sum each element over k in the same order (k blocks of
// 256 included), so they agree exactly.

/** Depth of a k block: 256 rows of a 4-column B panel (8 KiB) stay in L1 while 4 rows of A stream past. */
const KC = 256;
/** Width of a j block, so that the KC x NC block of B (up to 1 MiB) is reused from L2 by every row block. */
const NC = 512;

/**
 * C += A·B for an M×K A and a K×N B, all three given as strided views of flat typed arrays. The
 * caller zeroes C first when it wants C = A·B. Blocks over k and j once the operands outgrow the
 * caches; the measured gain is nil on large-L2 machines, but the blocking costs nothing either.
 * @example
 * // C (2×2, row-major) += A (2×3, row-major) · Bᵀ where B is 2×3 row-major: B's strides swapped.
 * gemmF64(2, 2, 3, A, 0, 3, 1, B, 0, 1, 3, C, 0, 2, 1);
 */
export function gemmF64(
  M: number, N: number, K: number,
  A: Float64Array, ao: number, ars: number, acs: number,
  B: Float64Array, bo: number, brs: number, bcs: number,
  C: Float64Array, co: number, crs: number, ccs: number,
): void {
  if (M === 0 || N === 0 || K === 0) return;
  if (K <= KC && N <= NC) {
    kernelF64(M, N, K, A, ao, ars, acs, B, bo, brs, bcs, C, co, crs, ccs);
    return;
  }
  for (let k0 = 0; k0 < K; k0 += KC) {
    const kc = Math.min(KC, K - k0);
    for (let j0 = 0; j0 < N; j0 += NC) {
      const nc = Math.min(NC, N - j0);
      kernelF64(M, nc, kc, A, ao + k0 * acs, ars, acs, B, bo + k0 * brs + j0 * bcs, brs, bcs, C, co + j0 * ccs, crs, ccs);
    }
  }
}

/**
 * The register-blocked micro-kernel: 16 accumulators hold a 4x4 block of C while k runs, so each
 * k step does 4 loads of A and 4 of B for 16 multiply-adds. Edges fall back to 4x1, 1x4 and 1x1.
 */
function kernelF64(
  M: number, N: number, K: number,
  A: Float64Array, ao: number, ars: number, acs: number,
  B: Float64Array, bo: number, brs: number, bcs: number,
  C: Float64Array, co: number, crs: number, ccs: number,
): void {
  const b1 = bcs, b2 = 2 * bcs, b3 = 3 * bcs;
  const c1 = ccs, c2 = 2 * ccs, c3 = 3 * ccs;
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const a0 = ao + i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
    const ci = co + i * crs;
    let j = 0;
    for (; j + 4 <= N; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let k = 0, pa = 0, pb = bo + j * bcs; k < K; k++, pa += acs, pb += brs) {
        const y0 = B[pb]!, y1 = B[pb + b1]!, y2 = B[pb + b2]!, y3 = B[pb + b3]!;
        let x = A[a0 + pa]!;
        s00 += x * y0; s01 += x * y1; s02 += x * y2; s03 += x * y3;
        x = A[a1 + pa]!;
        s10 += x * y0; s11 += x * y1; s12 += x * y2; s13 += x * y3;
        x = A[a2 + pa]!;
        s20 += x * y0; s21 += x * y1; s22 += x * y2; s23 += x * y3;
        x = A[a3 + pa]!;
        s30 += x * y0; s31 += x * y1; s32 += x * y2; s33 += x * y3;
      }
      let c = ci + j * ccs;
      C[c] += s00; C[c + c1] += s01; C[c + c2] += s02; C[c + c3] += s03; c += crs;
      C[c] += s10; C[c + c1] += s11; C[c + c2] += s12; C[c + c3] += s13; c += crs;
      C[c] += s20; C[c + c1] += s21; C[c + c2] += s22; C[c + c3] += s23; c += crs;
      C[c] += s30; C[c + c1] += s31; C[c + c2] += s32; C[c + c3] += s33;
    }
    for (; j < N; j++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0, pa = 0, pb = bo + j * bcs; k < K; k++, pa += acs, pb += brs) {
        const y = B[pb]!;
        s0 += A[a0 + pa]! * y; s1 += A[a1 + pa]! * y; s2 += A[a2 + pa]! * y; s3 += A[a3 + pa]! * y;
      }
      const c = ci + j * ccs;
      C[c] += s0; C[c + crs] += s1; C[c + 2 * crs] += s2; C[c + 3 * crs] += s3;
    }
  }
  // Leftover rows (all of them when M < 4, as in the course's (1,5)x(5,300)): 1x8 blocks, whose 8
  // running sums hide the latency of the adds, then one last 1x8 or 1x4 block for the remaining
  // columns, with missing ones reading the last column again (computed, not stored).
  for (; i < M; i++) {
    const a0 = ao + i * ars;
    const ci = co + i * crs;
    for (let j = 0; j < N; j += 8) {
      const r = N - j;
      if (r > 4) {
        const q1 = Math.min(1, r - 1) * bcs, q2 = Math.min(2, r - 1) * bcs, q3 = Math.min(3, r - 1) * bcs, q4 = 4 * bcs;
        const q5 = Math.min(5, r - 1) * bcs, q6 = Math.min(6, r - 1) * bcs, q7 = Math.min(7, r - 1) * bcs;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (let k = 0, pa = a0, pb = bo + j * bcs; k < K; k++, pa += acs, pb += brs) {
          const x = A[pa]!;
          s0 += x * B[pb]!; s1 += x * B[pb + q1]!; s2 += x * B[pb + q2]!; s3 += x * B[pb + q3]!;
          s4 += x * B[pb + q4]!; s5 += x * B[pb + q5]!; s6 += x * B[pb + q6]!; s7 += x * B[pb + q7]!;
        }
        const c = ci + j * ccs;
        C[c] += s0; C[c + c1] += s1; C[c + c2] += s2; C[c + c3] += s3; C[c + 4 * ccs] += s4;
        if (r > 5) C[c + 5 * ccs] += s5;
        if (r > 6) C[c + 6 * ccs] += s6;
        if (r > 7) C[c + 7 * ccs] += s7;
      } else {
        const q1 = Math.min(1, r - 1) * bcs, q2 = Math.min(2, r - 1) * bcs, q3 = Math.min(3, r - 1) * bcs;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (let k = 0, pa = a0, pb = bo + j * bcs; k < K; k++, pa += acs, pb += brs) {
          const x = A[pa]!;
          s0 += x * B[pb]!; s1 += x * B[pb + q1]!; s2 += x * B[pb + q2]!; s3 += x * B[pb + q3]!;
        }
        const c = ci + j * ccs;
        C[c] += s0;
        if (r > 1) C[c + c1] += s1;
        if (r > 2) C[c + c2] += s2;
        if (r > 3) C[c + c3] += s3;
      }
    }
  }
}
