// Loops for elementwise ops, generated once per (op, loop shape, dtypes) from an expression
// string and cached. Why generate rather than share one loop that calls `f(x, y)` per element:
// such a shared call site turns megamorphic after a few ops and V8 stops inlining, costing a
// call per element; hand-writing every op × loop shape × dtype would be ~60 copies. A separate
// compiled function per dtype combination also keeps each loop's typed-array loads monomorphic,
// so the float64 loops the training code runs stay as fast as hand-written ones.
// The sources are fixed strings from this module and its callers, never user input (the kernel
// already evaluates code, so `new Function` is allowed wherever this runs).
import type { DType, TypedArray } from './dtype';

/** The arithmetic a kernel does is chosen by the result's kind: float, int (wrapping) or bool. */
export const FLOAT = 0;
export const INT = 1;
export const BOOL = 2;

export function category(d: DType): number {
  return d === 'int32' ? INT : d === 'bool' ? BOOL : FLOAT;
}

/** Index of a dtype in kernel cache keys. */
export function dtIndex(d: DType): number {
  return d === 'float64' ? 0 : d === 'float32' ? 1 : d === 'int32' ? 2 : 3;
}

/** Kernel cache key: computation category, then the storage types of the operands and output. */
export function kernelKey(cat: number, a: DType, b: DType, o: DType): number {
  return ((cat * 4 + dtIndex(a)) * 4 + dtIndex(b)) * 4 + dtIndex(o);
}

export type SameKernel = (a: TypedArray, ao: number, b: TypedArray, bo: number, o: TypedArray, oo: number, n: number) => void;
export type ScalarRKernel = (a: TypedArray, ao: number, y: number, o: TypedArray, oo: number, n: number) => void;
export type ScalarLKernel = (x: number, b: TypedArray, bo: number, o: TypedArray, oo: number, n: number) => void;
/** n rows of m elements; each operand has a row stride and an element stride (0 = broadcast). */
export type Kernel2D = (
  a: TypedArray, ao: number, sa0: number, sa1: number,
  b: TypedArray, bo: number, sb0: number, sb1: number,
  o: TypedArray, oo: number, so0: number, so1: number,
  n: number, m: number,
) => void;
export type UnarySameKernel = (a: TypedArray, ao: number, o: TypedArray, oo: number, n: number) => void;
export type Unary2DKernel = (a: TypedArray, ao: number, sa0: number, sa1: number, o: TypedArray, oo: number, so0: number, so1: number, n: number, m: number) => void;

/** numpy's floor division of floats (npy_divmod): Python's sign rules, x/0 gives ±inf or nan. */
export function floorDiv(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) div -= 1;
  }
  if (div !== 0) {
    const f = Math.floor(div);
    return div - f > 0.5 ? f + 1 : f;
  }
  const q = a / b; // a zero quotient takes the sign of a/b, as in numpy
  return q < 0 || Object.is(q, -0) ? -0 : 0;
}

/** numpy's float remainder: the sign of the divisor, as Python's %; x % 0 is nan. */
export function pyMod(a: number, b: number): number {
  const mod = a % b;
  if (b === 0) return mod;
  if (mod !== 0) return b < 0 !== mod < 0 ? mod + b : mod;
  return b < 0 ? -0 : 0;
}

/** Integer power with int32 wrap-around, as numpy's int32 loop (exponent >= 0, checked before). */
export function intPow(x: number, y: number): number {
  let r = 1;
  let base = x | 0;
  let e = y;
  while (e > 0) {
    if (e & 1) r = Math.imul(r, base);
    base = Math.imul(base, base);
    e >>>= 1;
  }
  return r;
}

/** C's pow, which numpy uses: unlike Math.pow, 1 ** nan and (-1) ** ±inf are 1. */
export function cpow(x: number, y: number): number {
  if (x === 1 || ((y === Infinity || y === -Infinity) && x === -1)) return 1;
  return Math.pow(x, y);
}

/** Round half to even, as numpy's round/rint (Math.round rounds halves up). */
export function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Scratch for branch-free selection, `(SEL[0] = y, SEL[1] = x, SEL[+(x > y)])`: a data-dependent
 * `?:` or Math.max compiles to a branch, which on varied data (ReLU of a new mini-batch)
 * mispredicts about half the time: 4 ns per element against 0.8. Kernels never nest.
 */
const SEL = new Float64Array(2);
const HELPERS = { floorDiv, pyMod, intPow, cpow, rint, SEL };
const PRELUDE = `"use strict"; const { floorDiv, pyMod, intPow, cpow, rint, SEL } = H;`;

function compile<F>(name: string, body: string): F {
  // The function's name shows in profiles and stack traces.
  const safe = name.replace(/\W/g, '_');
  return new Function('H', `${PRELUDE} return function ${safe}${body};`)(HELPERS) as F;
}

/**
 * A loop over i in [0, n) unrolled 8 times: V8 keeps per-iteration overhead (bounds checks,
 * loop control) high for typed-array loops, and unrolling measured ~1.9x faster on float64 add.
 */
function unrolled(n: string, body: (i: string) => string): string {
  let s = `let i = 0; for (; i + 7 < ${n}; i += 8) {`;
  for (let k = 0; k < 8; k++) s += body(k === 0 ? 'i' : `i + ${k}`);
  return `${s}} for (; i < ${n}; i++) ${body('i')}`;
}

/** Both forms of a contiguous loop: without offsets (fresh arrays; ~25% faster) and with. */
function offsetsOrNot(test: string, body: (off: (name: string) => string, i: string) => string): string {
  const zero = unrolled('n', (i) => body(() => '', i));
  const some = unrolled('n', (i) => body((name) => `${name} + `, i));
  return `if (${test}) { ${zero} } else { ${some} }`;
}

function binarySource(variant: number, expr: string): string {
  const both = (i: string) => `{ const x = a[ao + ${i}], y = b[bo + ${i}]; o[oo + ${i}] = ${expr}; }`;
  switch (variant) {
    case 0:
      return `(a, ao, b, bo, o, oo, n) { ${offsetsOrNot('(ao | bo | oo) === 0', (off, i) => `{ const x = a[${off('ao')}${i}], y = b[${off('bo')}${i}]; o[${off('oo')}${i}] = ${expr}; }`)} }`;
    case 1:
      return `(a, ao, y, o, oo, n) { ${offsetsOrNot('(ao | oo) === 0', (off, i) => `{ const x = a[${off('ao')}${i}]; o[${off('oo')}${i}] = ${expr}; }`)} }`;
    case 2:
      return `(x, b, bo, o, oo, n) { ${offsetsOrNot('(bo | oo) === 0', (off, i) => `{ const y = b[${off('bo')}${i}]; o[${off('oo')}${i}] = ${expr}; }`)} }`;
    default:
      // The inner loop is picked per call from the element strides, so a row or column
      // broadcast ((n,m) + (n,1), (n,m) + (1,m)) runs as plain contiguous loops.
      return `(a, ao, sa0, sa1, b, bo, sb0, sb1, o, oo, so0, so1, n, m) {
        for (let r = 0; r < n; r++, ao += sa0, bo += sb0, oo += so0) {
          if (so1 === 1 && sa1 === 1 && sb1 === 0) { const y = b[bo]; ${unrolled('m', (i) => `{ const x = a[ao + ${i}]; o[oo + ${i}] = ${expr}; }`)} }
          else if (so1 === 1 && sa1 === 1 && sb1 === 1) { ${unrolled('m', both)} }
          else if (so1 === 1 && sa1 === 0 && sb1 === 1) { const x = a[ao]; ${unrolled('m', (i) => `{ const y = b[bo + ${i}]; o[oo + ${i}] = ${expr}; }`)} }
          else { for (let c = 0, ia = ao, ib = bo, io = oo; c < m; c++, ia += sa1, ib += sb1, io += so1) { const x = a[ia], y = b[ib]; o[io] = ${expr}; } }
        }
      }`;
  }
}

function unarySource(variant: number, expr: string): string {
  const one = (i: string) => `{ const x = a[ao + ${i}]; o[oo + ${i}] = ${expr}; }`;
  if (variant === 0) return `(a, ao, o, oo, n) { ${offsetsOrNot('(ao | oo) === 0', (off, i) => `{ const x = a[${off('ao')}${i}]; o[${off('oo')}${i}] = ${expr}; }`)} }`;
  return `(a, ao, sa0, sa1, o, oo, so0, so1, n, m) {
    for (let r = 0; r < n; r++, ao += sa0, oo += so0) {
      if (sa1 === 1 && so1 === 1) { ${unrolled('m', one)} }
      else { for (let c = 0, ia = ao, io = oo; c < m; c++, ia += sa1, io += so1) { const x = a[ia]; o[io] = ${expr}; } }
    }
  }`;
}

const KEYS = 3 * 4 * 4 * 4;

/**
 * The kernels of one binary op. `exprs` are JS expressions over `x` and `y` for the float, int
 * and bool categories; the result is stored into the output's typed array (which rounds to
 * float32 or wraps to int32 as numpy's loops do).
 */
export class BinaryKernels {
  private readonly cache: unknown[] = new Array(4 * KEYS);

  constructor(readonly name: string, private readonly exprs: readonly [string, string, string]) {}

  private get<F>(variant: number, key: number): F {
    const slot = variant * KEYS + key;
    const hit = this.cache[slot];
    if (hit !== undefined) return hit as F;
    const made = compile<F>(`${this.name}_${variant}_${key}`, binarySource(variant, this.exprs[(key / 64) | 0]!));
    this.cache[slot] = made;
    return made;
  }

  same(key: number): SameKernel {
    return this.get<SameKernel>(0, key);
  }
  scalarR(key: number): ScalarRKernel {
    return this.get<ScalarRKernel>(1, key);
  }
  scalarL(key: number): ScalarLKernel {
    return this.get<ScalarLKernel>(2, key);
  }
  strided(key: number): Kernel2D {
    return this.get<Kernel2D>(3, key);
  }
}

/** The kernels of one unary op; `exprs` are over `x`. Keys use the same layout (b unused). */
export class UnaryKernels {
  private readonly cache: unknown[] = new Array(2 * KEYS);

  constructor(readonly name: string, private readonly exprs: readonly [string, string, string]) {}

  private get<F>(variant: number, key: number): F {
    const slot = variant * KEYS + key;
    const hit = this.cache[slot];
    if (hit !== undefined) return hit as F;
    const made = compile<F>(`${this.name}_${variant}_${key}`, unarySource(variant, this.exprs[(key / 64) | 0]!));
    this.cache[slot] = made;
    return made;
  }

  same(key: number): UnarySameKernel {
    return this.get<UnarySameKernel>(0, key);
  }
  strided(key: number): Unary2DKernel {
    return this.get<Unary2DKernel>(1, key);
  }
}
