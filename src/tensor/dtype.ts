// Data types and their storage, with numpy's promotion rules for the cases lessons meet.

export type DType = 'float64' | 'float32' | 'int32' | 'bool';
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

export function allocate(dtype: DType, size: number): TypedArray {
  switch (dtype) {
    case 'float64': return new Float64Array(size);
    case 'float32': return new Float32Array(size);
    case 'int32': return new Int32Array(size);
    case 'bool': return new Uint8Array(size);
  }
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
