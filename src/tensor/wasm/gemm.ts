// The JS side of the SIMD matrix products (matmul-f32.wat, matmul-f64.wat): instantiates an
// embedded module synchronously on first use, copies the operands into its memory, runs it and
// copies C back. WebAssembly cannot read JS typed arrays, so the copies are the price of a kernel
// 3-8x faster than the JS one; they are O(n²) against O(n³) work, and linalg/core.ts sends only
// products above a measured size here.
import { MATMUL_F32_WASM } from './matmul-f32.wasm';
import { MATMUL_F64_WASM } from './matmul-f64.wasm';

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  /** Byte offset where the caller may place operands (the module's scratch lies below). */
  readonly DATA: WebAssembly.Global;
  gemm(
    m: number, n: number, k: number,
    a: number, ars: number, acs: number,
    b: number, brs: number, bcs: number,
    c: number, ldc: number,
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

/** One embedded module and its memory, seen as floats of its element type. */
class WasmGemm<T extends Floats> {
  /** undefined: not tried yet; null: unavailable (no WebAssembly or no SIMD). */
  private kernel: KernelExports | null | undefined;
  private heap: T;
  private base = 0;

  constructor(
    private readonly wasm: string,
    private readonly view: (buffer: ArrayBuffer) => T,
    private readonly bytesPer: number,
  ) {
    this.heap = view(new ArrayBuffer(0));
  }

  available(): boolean {
    if (this.kernel === undefined) this.kernel = this.load();
    return this.kernel !== null;
  }

  /** For tests: behave as if WebAssembly SIMD were missing (true), or detect again (false). */
  disable(disabled: boolean): void {
    this.kernel = disabled ? null : undefined;
  }

  private load(): KernelExports | null {
    try {
      if (typeof WebAssembly !== 'object') return null;
      const bytes = decodeBase64(this.wasm);
      // validate() is false where the engine lacks 128-bit SIMD: then fall back, never throw.
      if (!WebAssembly.validate(bytes)) return null;
      // A 1.4 KB module compiles synchronously in well under a millisecond, even on a main thread.
      const k = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as KernelExports;
      this.base = (k.DATA.value as number) / this.bytesPer;
      return k;
    } catch {
      return null;
    }
  }

  /**
   * The memory as elements, at least `n` long (growing the memory detaches the old view), or
   * null when it cannot grow that far (past 4 GiB, or the engine refuses): the JS kernel runs.
   */
  private heapOf(k: KernelExports, n: number): T | null {
    const bytes = n * this.bytesPer;
    const have = k.memory.buffer.byteLength;
    if (bytes > have) {
      try {
        k.memory.grow(Math.ceil((bytes - have) / 65536));
      } catch {
        return null;
      }
    }
    if (this.heap.buffer !== k.memory.buffer) this.heap = this.view(k.memory.buffer);
    return this.heap;
  }

  /** C += A·B as gemmF64 does; false (having done nothing) when the module cannot run here. */
  run(
    M: number, N: number, K: number,
    A: T, ao: number, ars: number, acs: number,
    B: T, bo: number, brs: number, bcs: number,
    C: T, co: number, crs: number, ccs: number,
  ): boolean {
    if (this.kernel === undefined) this.kernel = this.load();
    const k = this.kernel;
    if (k === null) return false;
    const pa = this.base;
    const pb = pa + M * K;
    const pc = pb + K * N;
    const mem = this.heapOf(k, pc + M * N);
    if (mem === null) return false;
    const [sar, sac] = stage(A, ao, ars, acs, M, K, mem, pa);
    const [sbr, sbc] = stage(B, bo, brs, bcs, K, N, mem, pb);
    // C goes in row-major (the kernel adds to its values) and comes back out the same way.
    const dense = ccs === 1 && (M === 1 || crs === N);
    if (dense) mem.set(C.subarray(co, co + M * N), pc);
    else for (let i = 0, q = pc; i < M; i++) for (let j = 0, p = co + i * crs; j < N; j++, p += ccs) mem[q++] = C[p]!;
    const s = this.bytesPer;
    k.gemm(M, N, K, pa * s, sar * s, sac * s, pb * s, sbr * s, sbc * s, pc * s, N * s);
    if (dense) C.set(mem.subarray(pc, pc + M * N), co);
    else for (let i = 0, q = pc; i < M; i++) for (let j = 0, p = co + i * crs; j < N; j++, p += ccs) C[p] = mem[q++]!;
    return true;
  }
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Copies the rows×cols strided view at src[off] into dst[at...] and returns its element strides
 * there: the view's own layout when it covers a dense block (row-major, or column-major as a
 * transposed operand is: one memcpy either way), else row-major.
 */
function stage(src: Floats, off: number, rs: number, cs: number, rows: number, cols: number, dst: Floats, at: number): [number, number] {
  const n = rows * cols;
  if ((cols === 1 || cs === 1) && (rows === 1 || rs === cols)) {
    dst.set(src.subarray(off, off + n), at);
    return [cols, 1];
  }
  if ((rows === 1 || rs === 1) && (cols === 1 || cs === rows)) {
    dst.set(src.subarray(off, off + n), at);
    return [1, rows];
  }
  if (cs === 1) {
    for (let i = 0; i < rows; i++) dst.set(src.subarray(off + i * rs, off + i * rs + cols), at + i * cols);
    return [cols, 1];
  }
  if (rs === 1) {
    for (let j = 0; j < cols; j++) dst.set(src.subarray(off + j * cs, off + j * cs + rows), at + j * rows);
    return [1, rows];
  }
  for (let i = 0, q = at; i < rows; i++) for (let j = 0, p = off + i * rs; j < cols; j++, p += cs) dst[q++] = src[p]!;
  return [cols, 1];
}

const f32 = new WasmGemm<Float32Array>(MATMUL_F32_WASM, (b) => new Float32Array(b), 4);
const f64 = new WasmGemm<Float64Array>(MATMUL_F64_WASM, (b) => new Float64Array(b), 8);

/**
 * C += A·B on the float32 SIMD kernel; false when WebAssembly SIMD is unavailable.
 * @example if (!gemmF32Wasm(...args)) gemmF32(...args);
 */
export function gemmF32Wasm(...args: Parameters<Gemm<Float32Array>>): boolean {
  return f32.run(...args);
}

/**
 * C += A·B on the float64 SIMD kernel; false when WebAssembly SIMD is unavailable.
 * @example if (!gemmF64Wasm(...args)) gemmF64(...args);
 */
export function gemmF64Wasm(...args: Parameters<Gemm<Float64Array>>): boolean {
  return f64.run(...args);
}

/**
 * Whether the SIMD kernels can run here (instantiating them on the first call).
 * @example wasmAvailable(); // false in an engine without WebAssembly SIMD
 */
export function wasmAvailable(): boolean {
  return f32.available() && f64.available();
}

/**
 * For tests and benchmarks: run without the SIMD kernels (true) or with them again (false).
 * @example disableWasm(true); try { ... } finally { disableWasm(false); }
 */
export function disableWasm(disabled: boolean): void {
  f32.disable(disabled);
  f64.disable(disabled);
}
