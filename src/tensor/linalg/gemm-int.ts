// The int32 matrix product. numpy multiplies int32 arrays in int32 and wraps on overflow; doing
// the same (Math.imul and `| 0` keep every step a 32-bit two's-complement operation) gives
// numpy's exact results, where float arithmetic would round sums beyond 2^53.

/**
 * C += A·B in wrapping int32 arithmetic, over strided views as in gemmF64.
 * @example gemmI32(2, 2, 3, A, 0, 3, 1, B, 0, 2, 1, C, 0, 2, 1); // row-major 2×3 · 3×2
 */
export function gemmI32(
  M: number, N: number, K: number,
  A: Int32Array, ao: number, ars: number, acs: number,
  B: Int32Array, bo: number, brs: number, bcs: number,
  C: Int32Array, co: number, crs: number, ccs: number,
): void {
  for (let i = 0; i < M; i++) {
    const ai = ao + i * ars;
    const ci = co + i * crs;
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0, pa = ai, pb = bo + j * bcs; k < K; k++, pa += acs, pb += brs) s = (s + Math.imul(A[pa]!, B[pb]!)) | 0;
      const c = ci + j * ccs;
      C[c] = (C[c]! + s) | 0;
    }
  }
}
