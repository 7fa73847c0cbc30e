// numpy's item assignment, `a[...] = values`, in place: through a bool mask, through `slice`-style
// index specs (writing through the view's strides), or numpy's flat `np.put` with an int array.
// Values broadcast to the selection and are cast to the target's dtype. Not differentiable.
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { sharesMemory } from './dtype';
import { applyIndex, checkMask, normalizeIndices, parseSpecs } from './indexing';
import type { IndexSpec } from './indexing';
import { COPY, COPY_BOOL, broadcastView, walkStrided } from './manipulation';
import type { WalkMode } from './manipulation';
import { NDArray, contiguousCopy, contiguousData } from './ndarray';
import { sizeOf } from './shape';

/** Values ready to write: a fresh buffer when they share memory with the target (numpy copies on overlap). */
function valuesFor(a: NDArray, values: ArrayLike): NDArray {
  const v = asArray(values);
  return sharesMemory(v.data, a.data) ? new NDArray(contiguousCopy(v), [...v.shape]) : v;
}

/** `v` broadcast to `shape`; as in numpy assignment, extra leading axes of length 1 are dropped first. */
function fitTo(v: NDArray, shape: readonly number[]): NDArray {
  let lead = 0;
  while (v.ndim - lead > shape.length && v.shape[lead] === 1) lead++;
  const x = lead === 0 ? v : new NDArray(v.data, v.shape.slice(lead), v.strides.slice(lead), v.offset);
  return broadcastView(x, shape);
}

/**
 * In-place assignment, numpy's `a[...] = values` (values broadcast to the selection, cast to
 * a's dtype; not differentiable):
 * - a bool array (or nested JS booleans): `a[mask] = values`;
 * - index specs as for `slice`, one or an array of them: `a[:, 0] = v` is `np.put(a, [':', 0], v)`;
 * - an int32 NDArray: numpy's own `np.put(a, ind, v)` on the flattened array (v repeats as needed).
 * Note that a plain JS array is read as index specs, so `np.put(a, [0, 2], v)` means `a[0, 2] = v`.
 * @example np.put(x, np.less(x, 0), 0)   // x[x < 0] = 0
 * @example np.put(X, [':', 0], [1, 2, 3]) // X[:, 0] = [1, 2, 3]
 */
export function put(a: NDArray, where: IndexSpec | readonly IndexSpec[] | ArrayLike, values: ArrayLike): void {
  const mode = a.dtype === 'bool' ? COPY_BOOL : COPY;
  if (where instanceof NDArray || isNestedMask(where)) {
    const w = asArray(where as ArrayLike);
    if (w.dtype === 'bool') putMask(a, w, valuesFor(a, values), mode);
    else putFlat(a, w, valuesFor(a, values));
    return;
  }
  const items = parseSpecs(Array.isArray(where) ? (where as readonly IndexSpec[]) : [where as IndexSpec]);
  const v = applyIndex(a.shape, a.strides, a.offset, items);
  const src = fitTo(valuesFor(a, values), v.shape);
  walkStrided(mode, v.shape, a.data, v.offset, v.strides, src.data, src.offset, src.strides);
}

/** Booleans or nested lists in a JS array can only be a mask (index specs are flat). */
function isNestedMask(where: unknown): boolean {
  return typeof where === 'boolean' || (Array.isArray(where) && where.some((v) => typeof v === 'boolean' || Array.isArray(v)));
}

function putMask(a: NDArray, m: NDArray, values: NDArray, mode: WalkMode): void {
  checkMask(a.shape, m);
  const md = contiguousData(m);
  let count = 0;
  for (let i = 0; i < md.length; i++) if (md[i] !== 0) count++;
  const rest = a.shape.slice(m.ndim);
  const inner = sizeOf(rest);
  const vals = contiguousData(fitTo(values, [count, ...rest]));
  // Storage offsets of one trailing block relative to its first element, in C order.
  const rel = new Int32Array(inner);
  const restStrides = a.strides.slice(m.ndim);
  for (let i = 0; i < inner; i++) {
    let r = i;
    let off = 0;
    for (let d = rest.length - 1; d >= 0; d--) {
      off += (r % rest[d]!) * restStrides[d]!;
      r = Math.floor(r / rest[d]!);
    }
    rel[i] = off;
  }
  // Walk the leading axes with an odometer, keeping the storage offset of each block.
  const lead = m.ndim;
  const idx = new Int32Array(lead);
  const data = a.data;
  let base = a.offset;
  for (let p = 0, k = 0; p < md.length; p++) {
    if (md[p] !== 0) {
      const q = k * inner;
      if (mode === COPY_BOOL) for (let i = 0; i < inner; i++) data[base + rel[i]!] = vals[q + i] !== 0 ? 1 : 0;
      else for (let i = 0; i < inner; i++) data[base + rel[i]!] = vals[q + i]!;
      k++;
    }
    for (let d = lead - 1; d >= 0; d--) {
      idx[d]!++;
      base += a.strides[d]!;
      if (idx[d]! < a.shape[d]!) break;
      base -= idx[d]! * a.strides[d]!;
      idx[d] = 0;
    }
  }
}

function putFlat(a: NDArray, ind: NDArray, values: NDArray): void {
  const pos = normalizeIndices(ind, a.size, 0);
  const vals = contiguousData(values);
  if (vals.length === 0) return;
  const bool = a.dtype === 'bool';
  for (let j = 0; j < pos.length; j++) {
    let f = pos[j]!;
    let off = a.offset;
    for (let d = a.ndim - 1; d >= 0; d--) {
      const n = a.shape[d]!;
      off += (f % n) * a.strides[d]!;
      f = Math.floor(f / n);
    }
    const v = vals[j % vals.length]!;
    a.data[off] = bool ? (v !== 0 ? 1 : 0) : v;
  }
}
