// numpy's repr and str of arrays, character for character: a port of numpy's arrayprint
// (array2string with the default print options: precision 8, floatmode 'maxprec', linewidth 75,
// threshold 1000, edgeitems 3). Widths come from the elements actually shown, exactly as numpy
// computes them, so wrapping and alignment match. One deliberate difference: our int32 arrays
// print as numpy prints its default int64 (no dtype suffix), since they play that role here.
import type { NDArray } from './ndarray';
import { exponentText, floatScalarStr, positionalParts, scientificParts } from './print-float';

const LINEWIDTH = 75;
const THRESHOLD = 1000;
const EDGEITEMS = 3;
const PRECISION = 8;

interface ElementFormat {
  format(v: number): string;
}

/** numpy's FloatingFormat (fillFormat + __call__) for the default options. */
class FloatFormat implements ElementFormat {
  private exp = false;
  private padLeft = 0;
  private padRight = 0;
  private precision = PRECISION;
  private minDigits = 0;
  private expSize = -1;

  constructor(vals: readonly number[], private readonly f32: boolean) {
    let max = -Infinity;
    let min = Infinity;
    let finite = 0;
    let negInf = false;
    for (const v of vals) {
      if (!Number.isFinite(v)) {
        if (v === -Infinity) negInf = true;
        continue;
      }
      finite++;
      const av = Math.abs(v);
      if (av === 0) continue;
      if (av > max) max = av;
      if (av < min) min = av;
    }
    if (max > 0) {
      // numpy compares in the array's dtype: float32 uses a 1e6 cutoff (10**finfo.precision)
      // and float32 arithmetic for 1e-4 and the ratio.
      const ratio = f32 ? Math.fround(max / min) : max / min;
      this.exp = max >= (f32 ? 1e6 : 1e8) || min < (f32 ? Math.fround(1e-4) : 1e-4) || ratio > 1000;
    }
    if (finite > 0 && this.exp) {
      let lead = 0;
      let frac = 0;
      let expLen = 0;
      for (const v of vals) {
        if (!Number.isFinite(v)) continue;
        const [l, f, e] = scientificParts(v, f32, PRECISION);
        lead = Math.max(lead, l.length);
        frac = Math.max(frac, f.length);
        expLen = Math.max(expLen, exponentText(e, 2).length - 1);
      }
      this.expSize = expLen - 1;
      this.precision = this.minDigits = frac;
      this.padLeft = lead;
      this.padRight = this.expSize + 2 + frac;
    } else if (finite > 0) {
      for (const v of vals) {
        if (!Number.isFinite(v)) continue;
        const [int, frac] = positionalParts(v, f32, PRECISION);
        this.padLeft = Math.max(this.padLeft, int.length);
        this.padRight = Math.max(this.padRight, frac.length);
      }
    }
    if (finite < vals.length) {
      const offset = this.padRight + 1;
      this.padLeft = Math.max(this.padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
    }
  }

  format(v: number): string {
    if (!Number.isFinite(v)) {
      const text = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
      return text.padStart(this.padLeft + this.padRight + 1);
    }
    if (this.exp) {
      const [lead, frac, e] = scientificParts(v, this.f32, this.precision, this.minDigits);
      return `${lead.padStart(this.padLeft)}.${frac.padEnd(this.minDigits, '0')}${exponentText(e, this.expSize)}`;
    }
    const [int, frac] = positionalParts(v, this.f32, this.precision);
    return `${int.padStart(this.padLeft)}.${frac.padEnd(this.padRight)}`;
  }
}

/** numpy's IntegerFormat: right-aligned to the widest of max and min. */
class IntFormat implements ElementFormat {
  private readonly width: number;
  constructor(vals: readonly number[]) {
    let max = -Infinity;
    let min = Infinity;
    for (const v of vals) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    this.width = Math.max(String(max).length, String(min).length);
  }
  format(v: number): string {
    return String(v).padStart(this.width);
  }
}

/** numpy's BoolFormat: ' True' lines up with 'False', except in a 0-d array. */
class BoolFormat implements ElementFormat {
  private readonly trueText: string;
  constructor(zeroD: boolean) {
    this.trueText = zeroD ? 'True' : ' True';
  }
  format(v: number): string {
    return v !== 0 ? this.trueText : 'False';
  }
}

/** The elements that will be shown (all, or the edges of each long axis when summarizing). */
function shownValues(a: NDArray, summarize: boolean): number[] {
  const out: number[] = [];
  const walk = (axis: number, offset: number): void => {
    if (axis === a.ndim) {
      out.push(a.data[offset]!);
      return;
    }
    const n = a.shape[axis]!;
    const st = a.strides[axis]!;
    const edges = summarize && n > 2 * EDGEITEMS;
    for (let i = 0; i < n; i++) {
      if (edges && i === EDGEITEMS) i = n - EDGEITEMS;
      walk(axis + 1, offset + i * st);
    }
  };
  walk(0, a.offset);
  return out;
}

function formatterFor(a: NDArray, vals: readonly number[]): ElementFormat {
  if (a.dtype === 'bool') return new BoolFormat(a.ndim === 0);
  if (a.dtype === 'int32') return new IntFormat(vals);
  return new FloatFormat(vals, a.dtype === 'float32');
}

/**
 * The element strings numpy's repr prints for `a`, in print order and padded to their common
 * width as in the repr (bools as ' True'/'False'): all elements in C order, or only the edges
 * when the array has over 1000 elements and numpy summarizes it. Lets other views of an array
 * (display's HTML table) show each value exactly as the text repr does.
 * @example formatElements(np.array([1.5, -2])) // [' 1.5', '-2. ']
 */
export function formatElements(a: NDArray): string[] {
  const vals = shownValues(a, a.size > THRESHOLD);
  const fmt = formatterFor(a, vals);
  return vals.map((v) => fmt.format(v));
}

/** Line-filling state of numpy's _formatArray for one row. */
interface Row {
  s: string;
  line: string;
}

/** numpy's _extendLine: wraps before `word` unless the line holds only the indent. */
function extendLine(row: Row, word: string, lineWidth: number, indent: string): void {
  if (row.line.length + word.length > lineWidth && row.line.length > indent.length) {
    row.s += row.line.trimEnd() + '\n';
    row.line = indent;
  }
  row.line += word;
}

/** A port of numpy's _formatArray recursion. */
class Layout {
  constructor(
    private readonly a: NDArray,
    private readonly fmt: ElementFormat,
    private readonly separator: string,
    private readonly summarize: boolean,
  ) {}

  run(axis: number, offset: number, hanging: string, width: number): string {
    const a = this.a;
    const axesLeft = a.ndim - axis;
    if (axesLeft === 0) return this.fmt.format(a.data[offset]!);
    const nextHanging = hanging + ' ';
    const nextWidth = width - 1;
    const n = a.shape[axis]!;
    const st = a.strides[axis]!;
    const summary = this.summarize && 2 * EDGEITEMS < n;
    const leading = summary ? EDGEITEMS : 0;
    const trailing = summary ? EDGEITEMS : n;
    const sep = this.separator;
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = width - Math.max(sep.trimEnd().length, 1);
      const row: Row = { s: '', line: hanging };
      for (let i = 0; i < leading; i++) {
        extendLine(row, this.run(axis + 1, offset + i * st, nextHanging, nextWidth), elemWidth, hanging);
        row.line += sep;
      }
      if (summary) {
        extendLine(row, '...', elemWidth, hanging);
        row.line += sep;
      }
      for (let i = trailing; i > 1; i--) {
        extendLine(row, this.run(axis + 1, offset + (n - i) * st, nextHanging, nextWidth), elemWidth, hanging);
        row.line += sep;
      }
      extendLine(row, this.run(axis + 1, offset + (n - 1) * st, nextHanging, nextWidth), elemWidth, hanging);
      s = row.s + row.line;
    } else {
      const lineSep = sep.trimEnd() + '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hanging + this.run(axis + 1, offset + i * st, nextHanging, nextWidth) + lineSep;
      if (summary) s += hanging + '...' + lineSep;
      for (let i = trailing; i > 1; i--) s += hanging + this.run(axis + 1, offset + (n - i) * st, nextHanging, nextWidth) + lineSep;
      s += hanging + this.run(axis + 1, offset + (n - 1) * st, nextHanging, nextWidth);
    }
    return '[' + s.slice(hanging.length) + ']';
  }
}

/** numpy's array2string for a non-empty array; `lineWidth` already has the suffix taken off. */
function array2string(a: NDArray, separator: string, prefix: string, lineWidth: number): string {
  const summarize = a.size > THRESHOLD;
  const fmt = formatterFor(a, shownValues(a, summarize));
  return new Layout(a, fmt, separator, summarize).run(0, a.offset, ' ' + ' '.repeat(prefix.length), lineWidth);
}

/** A shape as Python prints a tuple: `(3,)`, `(0, 3)`, `()`. */
export function tupleText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * numpy's `repr` of an array, exactly as numpy prints it (int32 arrays print as numpy's default
 * int64 would, without a dtype suffix).
 * @example np.formatArray(np.array([[1.5, -2], [3, 4]]))
 * // 'array([[ 1.5, -2. ],\n       [ 3. ,  4. ]])'
 */
export function formatArray(a: NDArray): string {
  const prefix = 'array(';
  const body = a.size === 0 ? '[]' : array2string(a, ', ', prefix, LINEWIDTH - 1);
  const extras: string[] = [];
  if ((a.size === 0 && a.ndim !== 1) || a.size > THRESHOLD) extras.push(`shape=${tupleText(a.shape)}`);
  if (a.dtype === 'float32' || a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return `${prefix}${body})`;
  const head = `${prefix}${body},`;
  const tail = `${extras.join(', ')})`;
  // numpy moves the extras to their own line when they would overflow the last one.
  const lastLine = head.length - (head.lastIndexOf('\n') + 1);
  return head + (lastLine + tail.length + 1 > LINEWIDTH ? '\n' + ' '.repeat(prefix.length) : ' ') + tail;
}

/**
 * numpy's `str` of an array (what `print(a)` shows); a 0-d array prints as its scalar.
 * @example np.arrayStr(np.array([[1.5, -2], [3, 4]]))
 * // '[[ 1.5 -2. ]\n [ 3.   4. ]]'
 */
export function arrayStr(a: NDArray): string {
  if (a.ndim === 0) {
    const v = a.data[a.offset]!;
    if (a.dtype === 'bool') return v !== 0 ? 'True' : 'False';
    if (a.dtype === 'int32') return String(v);
    return floatScalarStr(v, a.dtype === 'float32');
  }
  if (a.size === 0) return '[]';
  return array2string(a, ' ', '', LINEWIDTH);
}
