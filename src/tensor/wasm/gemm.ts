// The JS side of the SIMD matrix products (matmul-f32.wat, matmul-f64.wat, and for small float64
// products matmul-small-f64.wat): instantiates an embedded module synchronously on first use,
// copies the operands into its memory, runs it and copies C back. WebAssembly cannot read JS
// typed arrays, so the copies are the price of a kernel 2-8x faster than the JS one; they are
// O(n²) against O(n³) work, and linalg/core.ts sends only products above a measured size here.
import { MATMUL_F32_WASM } from './matmul-f32.wasm';
import { MATMUL_F64_WASM } from './matmul-f64.wasm';
import { MATMUL_SMALL_F64_WASM } from './matmul-small-f64.wasm';

/** What every module exports: its memory and where the caller may place operands. */
interface ModuleExports {
  readonly memory: WebAssembly.Memory;
  /** Byte offset where the caller may place operands (the module's scratch lies below). */
  readonly DATA: WebAssembly.Global;
}

/** matmul-f32.wat, matmul-f64.wat: C += A·B, operands packed inside. */
interface PackedExports extends ModuleExports {
  gemm(
    m: number, n: number, k: number,
    a: number, ars: number, acs: number,
    b: number, brs: number, bcs: number,
    c: number, ldc: number,
  ): void;
}

/** matmul-small-f64.wat: C = A·B (acc 0) or C += A·B (acc 1), operands read in place. */
interface SmallExports extends ModuleExports {
  gemm(
    m: number, n: number, k: number,
    a: number, ars: number, acs: number,
    b: number, brs: number, bcs: number,
    c: number, ldc: number, acc: number,
  ): void;
}

type Floats = Float32Array | Float64Array;

/** The signature shared by gemmF64, gemmF32 and the wasm versions: C += A·B over strided views. */
export type Gemm<T> = (
  M: number, N: number, K: number,
  A: T, ao: number, ars: number, acs: number,
  B: T, bo: number, brs: number, bcs: number,
  C: T, co: number, crs: number, ccs: number,
) => void;

/**
 * float64 products of at least 4 rows and up to this many multiply-adds run on the unpacked
 * kernel. Measured (Node 20, x86-64): it beats the packed one from the course's thin shapes
 * (1500-15000 multiply-adds, where packing and copying C in cost more than the products; the
 * course's training step went from 28 to 16 µs of products) up to 256³ (1.2 vs 1.5 ms), once
 * the operands outgrow L2; 128³ leaves a margin for smaller caches. With 2-3 rows the packed
 * kernel's padded 4-row tiles beat the unpacked kernel's single rows (3.2 vs 5.8 µs, 3×300×20).
 */
const SMALL_WORK = 1 << 21;
/** k block of the packed kernels and of the JS one; the unpacked one runs per block to sum alike. */
const KC = 256;

/** One embedded module and its memory, seen as floats of its element type. */
class WasmModule<T extends Floats, E extends ModuleExports> {
  /** undefined: not tried yet; null: unavailable (no WebAssembly or no SIMD). */
  private exports: E | null | undefined;
  private heap: T;
  /** Element index of DATA. */
  base = 0;

  constructor(
    private readonly wasm: string,
    private readonly view: (buffer: ArrayBuffer) => T,
    readonly bytesPer: number,
  ) {
    this.heap = view(new ArrayBuffer(0));
  }

  /** The module's exports, instantiated on first use; null where it cannot run. */
  get(): E | null {
    if (this.exports === undefined) this.exports = this.load();
    return this.exports;
  }

  /** For tests: behave as if WebAssembly SIMD were missing (true), or detect again (false). */
  disable(disabled: boolean): void {
    this.exports = disabled ? null : undefined;
  }

  private load(): E | null {
    try {
      if (typeof WebAssembly !== 'object') return null;
      const bytes = decodeBase64(this.wasm);
      // validate() is false where the engine lacks 128-bit SIMD: then fall back, never throw.
      if (!WebAssembly.validate(bytes)) return null;
      // A 1-2 KB module compiles synchronously in well under a millisecond, even on a main thread.
      const k = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as E;
      this.base = (k.DATA.value as number) / this.bytesPer;
      this.heap = this.view(k.memory.buffer); // a new instance (after disable) has a new memory
      return k;
    } catch {
      return null;
    }
  }

  /**
   * The memory as elements, at least `n` long (growing the memory detaches the old view), or
   * null when it cannot grow that far (past 4 GiB, or the engine refuses): the JS kernel runs.
   */
  heapOf(k: ModuleExports, n: number): T | null {
    // Only this method grows the memory, so a view long enough is still the current one (the
    // `buffer` getters cost more than the small products they would guard).
    if (n <= this.heap.length) return this.heap;
    const bytes = n * this.bytesPer;
    const have = k.memory.buffer.byteLength;
    if (bytes > have) {
      try {
        k.memory.grow(Math.ceil((bytes - have) / 65536));
      } catch {
        return null;
      }
    }
    this.heap = this.view(k.memory.buffer);
    return this.heap;
  }
}

/**
 * C += A·B (C = A·B with `overwrite`, whatever C holds) on a module, as gemmF64 does; false
 * (having done nothing) when the module cannot run here. Copies A and B into its memory, in
 * their own layout when they are dense blocks; C goes in (unless overwritten) and comes back.
 */
function run<T extends Floats>(
  mod: WasmModule<T, PackedExports | SmallExports>, small: boolean,
  M: number, N: number, K: number,
  A: T, ao: number, ars: number, acs: number,
  B: T, bo: number, brs: number, bcs: number,
  C: T, co: number, crs: number, ccs: number,
  overwrite: boolean,
): boolean {
  const k = mod.get();
  if (k === null) return false;
  const pa = mod.base;
  const pb = pa + M * K;
  const pc = pb + K * N;
  const mem = mod.heapOf(k, pc + M * N);
  if (mem === null) return false;
  // stage() says how it laid each operand out: row-major, or column-major (a transposed view).
  const aCols = stage(A, ao, ars, acs, M, K, mem, pa);
  const bCols = stage(B, bo, brs, bcs, K, N, mem, pb);
  const sar = aCols ? 1 : K;
  const sac = aCols ? M : 1;
  const sbr = bCols ? 1 : N;
  const sbc = bCols ? K : 1;
  const dense = ccs === 1 && (M === 1 || crs === N);
  if (overwrite) {
    if (!small) mem.fill(0, pc, pc + M * N); // the packed kernel adds to C
  } else if (dense) mem.set(C.subarray(co, co + M * N), pc);
  else for (let i = 0, q = pc; i < M; i++) for (let j = 0, p = co + i * crs; j < N; j++, p += ccs) mem[q++] = C[p]!;
  const s = mod.bytesPer;
  if (small) {
    for (let k0 = 0; k0 < K; k0 += KC) {
      const acc = overwrite && k0 === 0 ? 0 : 1;
      (k as SmallExports).gemm(M, N, Math.min(KC, K - k0), (pa + k0 * sac) * s, sar * s, sac * s, (pb + k0 * sbr) * s, sbr * s, sbc * s, pc * s, N * s, acc);
    }
  } else (k as PackedExports).gemm(M, N, K, pa * s, sar * s, sac * s, pb * s, sbr * s, sbc * s, pc * s, N * s);
  if (dense) C.set(mem.subarray(pc, pc + M * N), co);
  else for (let i = 0, q = pc; i < M; i++) for (let j = 0, p = co + i * crs; j < N; j++, p += ccs) C[p] = mem[q++]!;
  return true;
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Copies the rows×cols strided view at src[off] into dst[at...]: in the view's own layout when it
 * covers a dense block (row-major, or column-major as a transposed operand is: one memcpy either
 * way), else row-major. Returns whether the copy is column-major.
 */
function stage(src: Floats, off: number, rs: number, cs: number, rows: number, cols: number, dst: Floats, at: number): boolean {
  const n = rows * cols;
  if ((cols === 1 || cs === 1) && (rows === 1 || rs === cols)) {
    copy(src, off, dst, at, n);
    return false;
  }
  if ((rows === 1 || rs === 1) && (cols === 1 || cs === rows)) {
    copy(src, off, dst, at, n);
    return true;
  }
  if (cs === 1) {
    for (let i = 0; i < rows; i++) copy(src, off + i * rs, dst, at + i * cols, cols);
    return false;
  }
  if (rs === 1) {
    for (let j = 0; j < cols; j++) copy(src, off + j * cs, dst, at + j * rows, rows);
    return true;
  }
  for (let i = 0, q = at; i < rows; i++) for (let j = 0, p = off + i * rs; j < cols; j++, p += cs) dst[q++] = src[p]!;
  return false;
}

/** dst[at..at+n) = src[off..off+n): a loop for short runs, where a subarray view costs more. */
function copy(src: Floats, off: number, dst: Floats, at: number, n: number): void {
  if (n > 32) dst.set(src.subarray(off, off + n), at);
  else for (let i = 0; i < n; i++) dst[at + i] = src[off + i]!;
}

const f32 = new WasmModule<Float32Array, PackedExports>(MATMUL_F32_WASM, (b) => new Float32Array(b), 4);
const f64 = new WasmModule<Float64Array, PackedExports>(MATMUL_F64_WASM, (b) => new Float64Array(b), 8);
const f64small = new WasmModule<Float64Array, SmallExports>(MATMUL_SMALL_F64_WASM, (b) => new Float64Array(b), 8);

/**
 * C += A·B on the float32 SIMD kernel; false when WebAssembly SIMD is unavailable.
 * @example if (!gemmF32Wasm(...args)) gemmF32(...args);
 */
export function gemmF32Wasm(
  M: number, N: number, K: number,
  A: Float32Array, ao: number, ars: number, acs: number,
  B: Float32Array, bo: number, brs: number, bcs: number,
  C: Float32Array, co: number, crs: number, ccs: number,
): boolean {
  return run(f32, false, M, N, K, A, ao, ars, acs, B, bo, brs, bcs, C, co, crs, ccs, false);
}

/**
 * C += A·B on a float64 SIMD kernel (unpacked for small products, packed for big ones); false
 * when WebAssembly SIMD is unavailable. `overwrite`: C = A·B instead, whatever C holds (a fresh
 * result), which spares copying C in.
 * @example if (!gemmF64Wasm(...args)) gemmF64(...args);
 */
export function gemmF64Wasm(
  M: number, N: number, K: number,
  A: Float64Array, ao: number, ars: number, acs: number,
  B: Float64Array, bo: number, brs: number, bcs: number,
  C: Float64Array, co: number, crs: number, ccs: number,
  overwrite = false,
): boolean {
  if (M >= 4 && K > 0 && M * N * K <= SMALL_WORK) return run(f64small, true, M, N, K, A, ao, ars, acs, B, bo, brs, bcs, C, co, crs, ccs, overwrite);
  return run(f64, false, M, N, K, A, ao, ars, acs, B, bo, brs, bcs, C, co, crs, ccs, overwrite);
}

/**
 * Whether the SIMD kernels can run here (instantiating them on the first call).
 * @example wasmAvailable(); // false in an engine without WebAssembly SIMD
 */
export function wasmAvailable(): boolean {
  return f32.get() !== null && f64.get() !== null && f64small.get() !== null;
}

/**
 * For tests and benchmarks: run without the SIMD kernels (true) or with them again (false).
 * @example disableWasm(true); try { ... } finally { disableWasm(false); }
 */
export function disableWasm(disabled: boolean): void {
  f32.disable(disabled);
  f64.disable(disabled);
  f64small.disable(disabled);
}
