// Data types and their storage, with numpy's promotion rules for the cases lessons meet.

export type DType = 'float64' | 'float32' | 'int32' | 'bool';
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

// Creating an ArrayBuffer costs about 1 µs whatever its size (its memory lives outside the JS
// heap), more than the loop that fills a 300-element result. Small arrays are therefore views
// carved from a shared 256 KB slab: ~0.1-0.4 µs each. Slab memory is never reused, so it is zero
// like a fresh buffer, and a slab is freed once every array carved from it is garbage.
const SLAB_BYTES = 1 << 18;
const SMALL_BYTES = 1 << 15;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

function carve(bytes: number): number {
  if (slabUsed + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed += (bytes + 7) & ~7; // keep every view 8-byte aligned
  return at;
}

/** A zero-filled typed array of `size` elements (small ones from the slab). */
export function allocate(dtype: DType, size: number): TypedArray {
  const bytes = size * (dtype === 'bool' ? 1 : dtype === 'float64' ? 8 : 4);
  if (size === 0 || bytes > SMALL_BYTES) return fresh(dtype, size);
  // carve() may start a new slab: call it before reading `slab`.
  const at = carve(bytes);
  switch (dtype) {
    case 'float64': return new Float64Array(slab, at, size);
    case 'float32': return new Float32Array(slab, at, size);
    case 'int32': return new Int32Array(slab, at, size);
    case 'bool': return new Uint8Array(slab, at, size);
  }
}

function fresh(dtype: DType, size: number): TypedArray {
  switch (dtype) {
    case 'float64': return new Float64Array(size);
    case 'float32': return new Float32Array(size);
    case 'int32': return new Int32Array(size);
    case 'bool': return new Uint8Array(size);
  }
}

/** Whether two typed arrays overlap in memory (slab views share a buffer without overlapping). */
export function sharesMemory(x: TypedArray, y: TypedArray): boolean {
  if (x.buffer !== y.buffer) return false;
  return x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

export function dtypeOf(data: TypedArray): DType {
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Int32Array) return 'int32';
  return 'bool';
}

const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };

/**
 * numpy's result type for two arrays. One exception as numpy has it: int32 with float32 gives
 * float64, because float32 cannot hold every int32.
 */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  if ((a === 'int32' && b === 'float32') || (a === 'float32' && b === 'int32')) return 'float64';
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * The dtype a Python-like scalar takes next to an array (numpy's value-based rule for scalars):
 * a float scalar keeps a float32 array float32 but makes an int or bool array float64.
 */
export function promoteScalar(arr: DType, scalar: number | boolean): DType {
  if (typeof scalar === 'boolean') return arr;
  if (Number.isInteger(scalar)) return arr === 'bool' ? 'int32' : arr;
  return arr === 'float32' || arr === 'float64' ? arr : 'float64';
}

/** Result dtype of true division and of float functions (exp, log, sqrt...): never an integer. */
export function floatType(d: DType): DType {
  return d === 'float32' ? 'float32' : 'float64';
}

export function isFloat(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}
