// Line charts: one cost curve, or several (one color per series) on shared axes.
import { finite, isValues, skeleton, toNumbers } from './spec';
import type { ChartOptions, Row, SpecPart, Values, VegaLiteSpec } from './spec';

/**
 * Named series, plotted one color each: `{ gd: costsGd, adam: costsAdam }`; a series may bring its
 * own x: `{ float64: { x: eps, y: diff64 }, float32: { x: eps, y: diff32 } }`.
 */
export type SeriesRecord = Readonly<Record<string, Values | { readonly x?: Values; readonly y: Values }>>;

/** y alone (x is the index), explicit `{ x, y }`, rows `[{ x, y }, ...]`, or named series. */
export type LineInput = Values | { readonly x?: Values; readonly y: Values } | readonly { readonly x?: number; readonly y: number }[] | SeriesRecord;

export interface LineOptions extends ChartOptions {
  /** Title of the x axis (the field is always `x`). */
  x?: string;
  /** Title of the y axis (the field is always `y`). */
  y?: string;
  /** Without explicit x values, point i is at x = i * xStep (e.g. 100 when costs were kept every 100 iterations). */
  xStep?: number;
  /** Logarithmic x axis (x must then be positive). */
  logX?: boolean;
  /** Logarithmic y axis, the usual view of a cost that falls by orders of magnitude. */
  logY?: boolean;
  /** Title of the color legend when there are several series (default 'series'). */
  legend?: string;
  /** Draws a dot on every point as well. */
  points?: boolean;
}

interface Series {
  readonly name: string;
  readonly x: number[] | undefined;
  readonly y: number[];
}

function isXY(v: object): v is { readonly x?: Values; readonly y: Values } {
  const keys = Object.keys(v);
  return keys.includes('y') && keys.every((k) => k === 'x' || k === 'y') && isValues((v as { y: unknown }).y);
}

/** `[{ x, y }, ...]`, the rows a live chart's `append` takes: read as one series. */
function isRows(v: unknown): v is readonly { readonly x?: unknown; readonly y: unknown }[] {
  return Array.isArray(v) && v.length > 0 && v.every((r) => typeof r === 'object' && r !== null && 'y' in r);
}

function seriesOf(input: LineInput): Series[] {
  if (isRows(input)) {
    const x = input.every((r) => r.x !== undefined) ? toNumbers(input.map((r) => Number(r.x)), 'x') : undefined;
    return [{ name: 'y', x, y: toNumbers(input.map((r) => (typeof r.y === 'object' && r.y !== null ? NaN : Number(r.y))), 'y') }];
  }
  if (isValues(input)) return [{ name: 'y', x: undefined, y: toNumbers(input, 'y') }];
  if (input === null || typeof input !== 'object') throw new TypeError('plot.line: expected numbers, an NDArray, { x, y } or { name: values, ... }');
  if (isXY(input)) {
    const y = toNumbers(input.y, 'y');
    const x = input.x === undefined ? undefined : toNumbers(input.x, 'x');
    if (x && x.length !== y.length) throw new Error(`plot.line: x has ${x.length} values but y has ${y.length}`);
    return [{ name: 'y', x, y }];
  }
  return namedSeries(input as SeriesRecord, 'plot.line');
}

function namedSeries(record: SeriesRecord, who: string): Series[] {
  const entries = Object.entries(record);
  if (entries.length === 0) throw new Error(`${who}: no series to plot`);
  return entries.map(([name, values]) => {
    if (typeof values === 'object' && values !== null && !isValues(values) && isXY(values)) {
      const y = toNumbers(values.y, `series '${name}' y`);
      const x = values.x === undefined ? undefined : toNumbers(values.x, `series '${name}' x`);
      if (x && x.length !== y.length) throw new Error(`${who}: series '${name}' has ${x.length} x values but ${y.length} y values`);
      return { name, x, y };
    }
    if (!isValues(values)) throw new TypeError(`${who}: series '${name}' must be numbers, an NDArray or { x, y }`);
    return { name, x: undefined, y: toNumbers(values, `series '${name}'`) };
  });
}

/**
 * A line chart of one or several series, as an ordinary Vega-Lite spec. Rows are `{ x, y }`, plus
 * `series` (the series name) when there are several; they sit in the dataset named 'table'.
 * @example
 * display(plot.line([0.7, 0.5, 0.4]));
 * display(plot.line({ gd: costsGd, adam: costsAdam }, { x: 'epoch', y: 'cost', logY: true, title: 'GD vs Adam' }));
 * display(plot.line({ x: np.linspace(0, 1, 50), y: ys }));
 */
export function line(input: LineInput, opts: LineOptions = {}): VegaLiteSpec {
  const single = isValues(input) || (typeof input === 'object' && input !== null && isXY(input));
  return chart(seriesOf(input), !single, opts);
}

function chart(series: readonly Series[], many: boolean, opts: LineOptions): VegaLiteSpec {
  const step = opts.xStep ?? 1;
  const values: Row[] = [];
  for (const s of series) {
    for (let i = 0; i < s.y.length; i++) {
      const row: Row = { x: finite(s.x ? s.x[i]! : i * step), y: finite(s.y[i]!) };
      if (many) row['series'] = s.name;
      values.push(row);
    }
  }
  const hasX = series.some((s) => s.x !== undefined);
  const encoding: SpecPart = {
    x: axis('x', opts.x ?? (hasX ? 'x' : opts.xStep === undefined ? 'index' : 'iteration'), opts.logX),
    y: axis('y', opts.y ?? 'y', opts.logY),
  };
  if (many) encoding['color'] = { field: 'series', type: 'nominal', title: opts.legend ?? 'series', sort: series.map((s) => s.name) };
  const spec = skeleton(opts, 560, 300);
  spec.data = { name: 'table', values };
  spec['mark'] = { type: 'line', point: opts.points ?? false, tooltip: true };
  spec['encoding'] = encoding;
  return spec;
}

function axis(field: string, title: string, log: boolean | undefined): SpecPart {
  const channel: Record<string, unknown> = { field, type: 'quantitative', title };
  if (log) channel['scale'] = { type: 'log' };
  return channel;
}

/**
 * Several training runs on one chart: `line` with one series per run and a legend titled 'run'.
 * @example display(plot.compare({ 'lr=0.1': costsA, 'lr=0.01': costsB }, { y: 'cost', logY: true }));
 */
export function compare(runs: Readonly<Record<string, Values>>, opts: LineOptions = {}): VegaLiteSpec {
  if (isValues(runs) || typeof runs !== 'object' || runs === null) throw new TypeError('plot.compare: expected { runName: costs, ... }');
  return chart(namedSeries(runs, 'plot.compare'), true, { legend: 'run', y: 'cost', ...opts });
}
