// Data types and their storage, with numpy's promotion rules for the cases lessons meet.

export type DType = 'float64' | 'float32' | 'int32' | 'bool';
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

// Creating an ArrayBuffer costs about 1 µs whatever its size (its memory lives outside the JS
// heap), more than the loop that fills a 300-element result. Small arrays are therefore views
// carved from a shared 256 KB slab: ~0.1-0.4 µs each. A slab is freed once every array carved
// from it is garbage, and slab memory is never reused.
//
// allocateUninit() marks callers that write every element before anything reads it (results
// of elementwise ops, casts, products). Slabs are zeroed ArrayBuffers everywhere today, so it
// returns zeros as allocate() does; the contract, checked by fast-paths.test.ts with poisoned
// slabs, lets an allocator that recycles memory skip the clearing later. (Node's
// Buffer.allocUnsafeSlow would skip it now, but only in Node: the benchmark must measure what
// the browser runs, so it is not used.)
const SLAB_BYTES = 1 << 18;
const SMALL_BYTES = 1 << 15;

/** For tests: a byte that fills every new slab, standing for garbage (null: none). */
let poison: number | null = null;
/** Whether slab memory may hold garbage, so that allocate() must clear what it hands out. */
let dirty = false;

function newSlab(): ArrayBuffer {
  const b = new ArrayBuffer(SLAB_BYTES);
  if (poison !== null) new Uint8Array(b).fill(poison);
  return b;
}

let slab = newSlab();
let slabUsed = 0;

function carve(bytes: number): number {
  if (slabUsed + bytes > SLAB_BYTES) {
    slab = newSlab();
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed += (bytes + 7) & ~7; // keep every view 8-byte aligned
  return at;
}

/**
 * For tests: fill every slab started from now on with `byte` (null: stop), so that a result
 * from allocateUninit that is not fully written shows garbage even where the memory is zero.
 * @example poisonSlabs(0xa5); try { ... } finally { poisonSlabs(null); }
 */
export function poisonSlabs(byte: number | null): void {
  poison = byte;
  dirty = byte !== null;
  slabUsed = SLAB_BYTES; // start a new slab, poisoned or not, at the next allocation
}

/** A zero-filled typed array of `size` elements (small ones from the slab). */
export function allocate(dtype: DType, size: number): TypedArray {
  return make(dtype, size, dirty);
}

/**
 * A typed array of `size` elements whose values are unspecified (zeros today, see above): only
 * for callers that write every element before anything reads it.
 */
export function allocateUninit(dtype: DType, size: number): TypedArray {
  return make(dtype, size, false);
}

function make(dtype: DType, size: number, clear: boolean): TypedArray {
  const bytes = size * (dtype === 'bool' ? 1 : dtype === 'float64' ? 8 : 4);
  if (size === 0 || bytes > SMALL_BYTES) return fresh(dtype, size);
  // carve() may start a new slab: call it before reading `slab`.
  const at = carve(bytes);
  let out: TypedArray;
  switch (dtype) {
    case 'float64': out = new Float64Array(slab, at, size); break;
    case 'float32': out = new Float32Array(slab, at, size); break;
    case 'int32': out = new Int32Array(slab, at, size); break;
    case 'bool': out = new Uint8Array(slab, at, size); break;
  }
  if (clear) out.fill(0);
  return out;
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
