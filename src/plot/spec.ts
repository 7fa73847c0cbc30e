// What every chart helper shares: the Vega-Lite spec type, reading numbers out of arrays or
// NDArrays, and the top-level skeleton ($schema, title, size). Specs are plain JSON objects: a
// cell may change any property before `display(spec)`, and the page renders them with vega-embed.
import { NDArray } from '../tensor';
import { contiguousData } from '../tensor/ndarray';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Numbers to plot: a JS array or an NDArray (1-D, or with every other axis of length 1). */
export type Values = readonly number[] | NDArray;

/** One data row. Non-finite numbers become null, which Vega-Lite leaves out of the chart. */
export type Row = Record<string, number | string | null>;

/** Part of a spec (a layer, an encoding) as plain JSON, as loose as VegaLiteSpec. */
export interface SpecPart {
  [key: string]: any; // any: a learner-editable JSON tree, see VegaLiteSpec
}

/**
 * A Vega-Lite v5 spec as plain JSON. Deliberately loose, so a cell can edit nested properties
 * without casts: `spec.encoding.y.scale = { type: 'log' }`.
 * @example const spec = plot.line([0.7, 0.5, 0.4]); spec.width = 800; display(spec);
 */
export interface VegaLiteSpec extends SpecPart {
  $schema: string;
  title?: string;
  width?: number;
  height?: number;
  data?: { name: string; values: Row[] };
}

/** Size and title, common to every helper. */
export interface ChartOptions {
  title?: string;
  /** In pixels. */
  width?: number;
  /** In pixels. */
  height?: number;
}

/** A finite number, or null (JSON has no NaN or Infinity, and Vega-Lite drops nulls). */
export function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** The elements of `v` as JS numbers, read in one contiguous pass for an NDArray. */
export function toNumbers(v: Values, what: string): number[] {
  if (v instanceof NDArray) {
    if (v.shape.filter((d) => d !== 1).length > 1) {
      throw new Error(`plot: ${what} must be 1-D, got an array of shape (${v.shape.join(', ')})`);
    }
    return numbersOf(v);
  }
  if (!Array.isArray(v)) throw new TypeError(`plot: ${what} must be an array of numbers or an NDArray`);
  return v.map((n: unknown, i) => {
    // Numbers (and numeric strings, bigints, booleans) convert; an object would become NaN silently.
    if (typeof n === 'object' && n !== null) throw new TypeError(`plot: ${what}[${i}] is an object; expected a number`);
    return Number(n);
  });
}

/** Every element of an NDArray, in C order, as JS numbers. */
export function numbersOf(a: NDArray): number[] {
  const data = contiguousData(a);
  const out = new Array<number>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Number(data[i]);
  return out;
}

/** True for the inputs `toNumbers` reads. */
export function isValues(v: unknown): v is Values {
  return v instanceof NDArray || Array.isArray(v);
}

/** `$schema`, title (when given), width and height: the start of every spec. */
export function skeleton(opts: ChartOptions, width: number, height: number): VegaLiteSpec {
  const spec: VegaLiteSpec = { $schema: VEGA_LITE_SCHEMA };
  if (opts.title !== undefined) spec.title = opts.title;
  spec.width = opts.width ?? width;
  spec.height = opts.height ?? height;
  return spec;
}
