// where (choose by a condition, broadcasting all three) and clip, with their gradients.
import { maximum, minimum } from './binary';
import { asArray } from './convert';
import type { ArrayLike } from './convert';
import { allocate, promote, promoteScalar } from './dtype';
import type { DType } from './dtype';
import { checkOut, collapse, copyInto, forBlocks } from './elementwise';
import type { OutOptions } from './elementwise';
import { NDArray, contiguousData } from './ndarray';
import { sumTo } from './reduce-core';
import { broadcastShapes, formatShape, sameShape, sizeOf } from './shape';
import { isRecording, record } from './tape';
import type { BackwardRule } from './tape';

const isScalar = (v: ArrayLike): v is number | boolean => typeof v === 'number' || typeof v === 'boolean';
const arr = (x: ArrayLike) => (x instanceof NDArray ? x : asArray(x));

function broadcast3(a: NDArray, b: NDArray, c: NDArray): number[] {
  try {
    return broadcastShapes(broadcastShapes(a.shape, b.shape), c.shape);
  } catch {
    throw new Error(`operands could not be broadcast together with shapes ${formatShape(a.shape)} ${formatShape(b.shape)} ${formatShape(c.shape)}`);
  }
}

/** o = c ? x : y, all broadcast to o's shape. */
function whereInto(c: NDArray, x: NDArray, y: NDArray, o: NDArray): NDArray {
  if (o.size === 0) return o;
  const C = c.data;
  const X = x.data;
  const Y = y.data;
  const O = o.data;
  if (c.contiguous && x.contiguous && y.contiguous && o.contiguous && sameShape(c.shape, o.shape) && sameShape(x.shape, o.shape) && sameShape(y.shape, o.shape)) {
    const n = o.size;
    const oc = c.offset;
    const ox = x.offset;
    const oy = y.offset;
    const oo = o.offset;
    for (let i = 0; i < n; i++) O[oo + i] = C[oc + i] !== 0 ? X[ox + i]! : Y[oy + i]!;
    return o;
  }
  const k = collapse(o.shape, [c, x, y, o]);
  const [sc, sx, sy, so] = k.strides as [number[], number[], number[], number[]];
  const L = k.shape.length;
  const n = k.shape[L - 2]!;
  const m = k.shape[L - 1]!;
  forBlocks(k, [c.offset, x.offset, y.offset, o.offset], (p) => {
    let [pc, px, py, po] = p as [number, number, number, number];
    for (let r = 0; r < n; r++, pc += sc[L - 2]!, px += sx[L - 2]!, py += sy[L - 2]!, po += so[L - 2]!) {
      for (let j = 0, ic = pc, ix = px, iy = py, io = po; j < m; j++, ic += sc[L - 1]!, ix += sx[L - 1]!, iy += sy[L - 1]!, io += so[L - 1]!) {
        O[io] = C[ic] !== 0 ? X[ix]! : Y[iy]!;
      }
    }
  });
  return o;
}

interface WhereSaved {
  readonly cond: NDArray;
  readonly x: NDArray | null;
  readonly y: NDArray | null;
}

const ZERO = new NDArray(new Float64Array(1), []);

const whereBackward: BackwardRule = (g, _i, _o, saved) => {
  const s = saved as WhereSaved;
  const shape = g.shape;
  const r: NDArray[] = [];
  if (s.x) r.push(sumTo(whereInto(s.cond, g, ZERO, new NDArray(new Float64Array(g.size), shape)), s.x.shape));
  if (s.y) r.push(sumTo(whereInto(s.cond, ZERO, g, new NDArray(new Float64Array(g.size), shape)), s.y.shape));
  return r;
};

/**
 * x where cond is truthy, else y; all three broadcast together. The dtype follows x and y
 * (a JS number is weak, as numpy's Python scalars). Gradient flows to x where cond holds and
 * to y elsewhere; cond gets none.
 * @example np.where(np.greater(Z, 0), dA, 0)
 */
export function where(cond: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray {
  const c = arr(cond);
  const xa = isScalar(x) ? null : arr(x);
  const ya = isScalar(y) ? null : arr(y);
  let dtype: DType;
  if (xa && ya) dtype = promote(xa.dtype, ya.dtype);
  else if (xa) dtype = promoteScalar(xa.dtype, y as number | boolean);
  else if (ya) dtype = promoteScalar(ya.dtype, x as number | boolean);
  else dtype = promote(asArray(x).dtype, asArray(y).dtype);
  const X = xa ?? new NDArray(Float64Array.of(+(x as number)), []);
  const Y = ya ?? new NDArray(Float64Array.of(+(y as number)), []);
  const shape = broadcast3(c, X, Y);
  const o = whereInto(c, X, Y, new NDArray(allocate(dtype, sizeOf(shape)), shape));
  if (isRecording()) record(o, [xa, ya].filter((v): v is NDArray => v !== null), whereBackward, { cond: c, x: xa, y: ya } satisfies WhereSaved);
  return o;
}

interface Bounds {
  readonly lo: number;
  readonly hi: number;
}

const clipBackward: BackwardRule = (g, inputs, _o, saved) => {
  const { lo, hi } = saved as Bounds;
  const G = contiguousData(g);
  const X = contiguousData(inputs[0]!);
  const o = new Float64Array(G.length);
  for (let i = 0; i < o.length; i++) o[i] = X[i]! >= lo && X[i]! <= hi ? G[i]! : 0;
  return [new NDArray(o, g.shape)];
};

/**
 * Limits values to [lo, hi]; either bound may be null (both null: a copy, as numpy 2). Same as np.minimum(np.maximum(a, lo), hi)
 * (nan stays nan). Gradient passes where lo <= a <= hi and is 0 outside.
 * @example np.clip(A, 1e-12, 1 - 1e-12)
 */
export function clip(a: ArrayLike, lo: ArrayLike | null | undefined, hi: ArrayLike | null | undefined, opts?: OutOptions): NDArray {
  const x = arr(a);
  const out = opts?.out;
  const l = lo ?? -Infinity;
  const h = hi ?? Infinity;
  if (typeof l !== 'number' || typeof h !== 'number' || l !== l || h !== h) {
    // Array (or nan) bounds: numpy's definition, with maximum/minimum's gradients.
    let r = x;
    if (lo !== null && lo !== undefined) r = maximum(r, lo, hi === null || hi === undefined ? opts : undefined);
    if (hi !== null && hi !== undefined) r = minimum(r, hi, opts);
    return r;
  }
  let dtype = x.dtype;
  if (lo !== null && lo !== undefined) dtype = promoteScalar(dtype, l);
  if (hi !== null && hi !== undefined) dtype = promoteScalar(dtype, h);
  const f32 = dtype === 'float32';
  const L = f32 ? Math.fround(l) : l;
  const H = f32 ? Math.fround(h) : h;
  const o = out === undefined ? new NDArray(allocate(dtype, x.size), x.shape) : checkOut('clip', out, x.shape, dtype);
  if (out !== undefined && out === x && isRecording()) {
    throw new Error('clip: writing into the operand with { out } cannot be differentiated; leave out `out` inside np.grad');
  }
  // A strided x is copied by contiguousData, so only a contiguous x can be clobbered.
  const direct = o.contiguous && (o.data !== x.data || !x.contiguous || o.offset === x.offset);
  const dst = direct ? o : new NDArray(allocate(o.dtype, o.size), x.shape);
  const src = contiguousData(x);
  const D = dst.data;
  for (let i = 0, k = dst.offset; i < src.length; i++, k++) {
    let v = src[i]!;
    if (v < L) v = L;
    if (v > H) v = H;
    D[k] = v;
  }
  if (!direct) copyInto(o, dst);
  if (isRecording()) record(o, [x], clipBackward, { lo: L, hi: H } satisfies Bounds);
  return o;
}
