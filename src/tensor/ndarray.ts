// The n-dimensional array: a typed-array buffer seen through a shape, strides and an offset, so
// that transposes, reshapes of contiguous data and slices are views that copy nothing.
// Operations live in their own modules and are attached as methods in methods.ts.
import { allocateUninit, dtypeOf } from './dtype';
import type { DType, TypedArray } from './dtype';
import { formatShape, sizeOf, stridesOf } from './shape';
import { record } from './tape';
import type { Shape } from './shape';

export type NestedNumbers = number | boolean | readonly NestedNumbers[];

export class NDArray {
  /** Storage; element k of the array (in C order) is not data[k] unless the array is contiguous. */
  readonly data: TypedArray;
  readonly shape: readonly number[];
  /** The strides given, or undefined until `strides` is first read (see there). */
  private stridesOrNot: readonly number[] | undefined;
  readonly offset: number;
  readonly dtype: DType;
  readonly size: number;
  /** C-contiguous: element k is data[offset + k]. Kernels take their fast paths on this. */
  readonly contiguous: boolean;

  constructor(data: TypedArray, shape: Shape, strides?: readonly number[], offset = 0) {
    this.data = data;
    this.shape = shape;
    this.size = sizeOf(shape);
    this.stridesOrNot = strides;
    this.offset = offset;
    this.dtype = dtypeOf(data);
    this.contiguous = strides === undefined || isCContiguous(shape, strides);
  }

  /**
   * In elements, not bytes. A fresh contiguous result computes its strides only when something
   * reads them: most never do (kernels take their contiguous paths), and skipping the array
   * is a quarter of the garbage an op on small arrays leaves.
   */
  get strides(): readonly number[] {
    return (this.stridesOrNot ??= stridesOf(this.shape));
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** The transpose (all axes reversed), as numpy's `a.T`: a view. */
  get T(): NDArray {
    if (this.ndim < 2) return this;
    const shape = this.shape;
    const strides = this.strides;
    const out = this.ndim === 2
      ? new NDArray(this.data, [shape[1]!, shape[0]!], [strides[1]!, strides[0]!], this.offset)
      : new NDArray(this.data, [...shape].reverse(), [...strides].reverse(), this.offset);
    record(out, [this], transposeBackward);
    return out;
  }

  /** Storage offset of the element at a full index. */
  indexOf(index: readonly number[]): number {
    if (index.length !== this.ndim) {
      throw new RangeError(`expected ${this.ndim} indices for an array of shape ${formatShape(this.shape)}, got ${index.length}`);
    }
    let k = this.offset;
    for (let d = 0; d < index.length; d++) {
      let i = index[d]!;
      const n = this.shape[d]!;
      if (i < 0) i += n;
      if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`index ${index[d]} is out of bounds for axis ${d} with size ${n}`);
      k += i * this.strides[d]!;
    }
    return k;
  }

  /** One element, as a number (or boolean for bool arrays): `W.get(0, 1)`. */
  get(...index: number[]): number | boolean {
    const v = this.data[this.indexOf(index)]!;
    return this.dtype === 'bool' ? v !== 0 : v;
  }

  /** Writes one element in place: `W.set([0, 1], 2.5)`. */
  set(index: readonly number[], value: number | boolean): void {
    this.data[this.indexOf(index)] = Number(value);
  }

  /** The single element of a size-1 array, as numpy's `a.item()`. */
  item(): number | boolean {
    if (this.size !== 1) throw new Error(`can only convert an array of size 1 to a scalar, not of shape ${formatShape(this.shape)}`);
    const v = this.data[this.offset]!;
    return this.dtype === 'bool' ? v !== 0 : v;
  }

  /** Nested JS arrays, as numpy's `a.tolist()`. */
  tolist(): NestedNumbers {
    const flat = contiguousData(this);
    const asValue = this.dtype === 'bool' ? (v: number) => v !== 0 : (v: number) => v;
    if (this.ndim === 0) return asValue(flat[0]!);
    let pos = 0;
    const build = (d: number): NestedNumbers[] => {
      const n = this.shape[d]!;
      const out = new Array<NestedNumbers>(n);
      if (d === this.ndim - 1) for (let i = 0; i < n; i++) out[i] = asValue(flat[pos++]!);
      else for (let i = 0; i < n; i++) out[i] = build(d + 1);
      return out;
    };
    return build(0);
  }

  /** A contiguous copy with its own buffer. */
  copy(): NDArray {
    const out = new NDArray(contiguousCopy(this), [...this.shape]);
    record(out, [this], identityBackward);
    return out;
  }

  /** numpy's `a.astype(dtype)`: always a new array. */
  astype(dtype: DType): NDArray {
    const src = contiguousData(this);
    const out = allocateUninit(dtype, this.size); // every element is written below
    // set() converts as a store does: to int32 by ToInt32, i.e. truncated toward 0 as numpy's
    // cast (one native loop; a JS loop here sees every dtype pair and runs megamorphic).
    if (dtype === 'bool') for (let i = 0; i < out.length; i++) out[i] = src[i] ? 1 : 0;
    else out.set(src);
    // Shapes are never mutated once an array holds them, so the result shares this one.
    const result = new NDArray(out, this.shape);
    if (dtype === 'float64' || dtype === 'float32') record(result, [this], identityBackward);
    return result;
  }

  /**
   * A new shape for the same elements: a view when the array is contiguous, else a copy. One
   * dimension may be -1: `x.reshape(-1, 1)`.
   */
  reshape(...shape: (number | readonly number[])[]): NDArray {
    const dims = shape.length === 1 && Array.isArray(shape[0]) ? [...(shape[0] as readonly number[])] : (shape as number[]);
    const resolved = resolveShape(dims, this.size, this.shape);
    const out = this.contiguous ? new NDArray(this.data, resolved, undefined, this.offset) : new NDArray(contiguousCopy(this), resolved);
    record(out, [this], reshapeBackward);
    return out;
  }

  toString(): string {
    return `NDArray${formatShape(this.shape)}`;
  }
}

const transposeBackward = (g: NDArray) => [g.T];
const reshapeBackward = (g: NDArray, inputs: readonly NDArray[]) => [g.reshape(inputs[0]!.shape)];
const identityBackward = (g: NDArray) => [g];

function isCContiguous(shape: Shape, strides: readonly number[]): boolean {
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const n = shape[i]!;
    if (n !== 1 && strides[i] !== s) return false;
    s *= n;
  }
  return true;
}

function resolveShape(dims: readonly number[], size: number, from: Shape): number[] {
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i]!;
    if (d === -1) {
      if (unknown >= 0) throw new Error('can only specify one unknown dimension');
      unknown = i;
    } else if (!Number.isInteger(d) || d < 0) {
      throw new Error(`invalid dimension ${d} in reshape`);
    } else known *= d;
  }
  const out = [...dims];
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw new Error(`cannot reshape array of size ${size} into shape ${formatShape(dims)}`);
    out[unknown] = size / known;
  } else if (known !== size) {
    throw new Error(`cannot reshape array of size ${size} (shape ${formatShape(from)}) into shape ${formatShape(dims)}`);
  }
  return out;
}

/**
 * The elements in C order as a typed array: the storage itself (a subarray, no copy) when the
 * array is contiguous, else a fresh copy.
 */
export function contiguousData(a: NDArray): TypedArray {
  if (a.contiguous) return a.offset === 0 && a.data.length === a.size ? a.data : a.data.subarray(a.offset, a.offset + a.size);
  return contiguousCopy(a);
}

/** Copies the elements in C order into a new buffer, walking the strides with an odometer. */
export function contiguousCopy(a: NDArray): TypedArray {
  const out = allocateUninit(a.dtype, a.size); // every element is written below
  if (a.size === 0) return out;
  if (a.contiguous) {
    out.set(a.data.subarray(a.offset, a.offset + a.size));
    return out;
  }
  const nd = a.ndim;
  const shape = a.shape;
  const strides = a.strides;
  const src = a.data;
  const last = nd - 1;
  const n = shape[last]!;
  const s = strides[last]!;
  const idx = new Int32Array(nd);
  let base = a.offset;
  let k = 0;
  for (;;) {
    for (let i = 0, p = base; i < n; i++, p += s) out[k++] = src[p]!;
    let d = last - 1;
    while (d >= 0) {
      idx[d]!++;
      base += strides[d]!;
      if (idx[d]! < shape[d]!) break;
      base -= idx[d]! * strides[d]!;
      idx[d] = 0;
      d--;
    }
    if (d < 0) return out;
  }
}
