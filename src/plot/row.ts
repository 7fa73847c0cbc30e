// Charts side by side: plot.row(a, b, c) puts ordinary plot.* specs next to each other in one
// output. Every helper names its data 'table' (and 'grid'); side by side those names would
// collide, so each chart's data gets its position appended ('table_0', 'grid_1', ...), which is
// also the dataset name to pass to a live handle's append().
import { VEGA_LITE_SCHEMA } from './spec';
import type { SpecPart, VegaLiteSpec } from './spec';

export interface RowOptions {
  title?: string;
  /** Gap between the charts, in pixels (default 20). */
  spacing?: number;
  /** Charts that share a color scheme show its legend once, on the last chart. */
  sharedLegend?: boolean;
}

function withoutLegends(part: SpecPart): SpecPart {
  if (part === null || typeof part !== 'object') return part;
  const out: SpecPart = { ...part };
  if (out.encoding?.color) out.encoding = { ...out.encoding, color: { ...out.encoding.color, legend: null } };
  if (Array.isArray(out.layer)) out.layer = out.layer.map(withoutLegends);
  return out;
}

/** Renames named data anywhere in a spec (top level, layers, nested views). */
function renameData(part: SpecPart, suffix: string): SpecPart {
  if (Array.isArray(part)) return part.map((p: SpecPart) => renameData(p, suffix));
  if (part === null || typeof part !== 'object') return part;
  const out: SpecPart = {};
  for (const [key, value] of Object.entries(part)) {
    if (key === 'data' && value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
      out.data = { ...(value as object), name: `${(value as { name: string }).name}${suffix}` };
    } else if (key === 'values' || key === 'datasets') out[key] = value; // data rows are left alone
    else out[key] = renameData(value as SpecPart, suffix);
  }
  return out;
}

/**
 * Several charts in one row, each as it would be alone.
 * @example display(plot.row(plot.decisionBoundary(f1, X, Y, { title: 'zeros' }), plot.decisionBoundary(f2, X, Y, { title: 'He' })));
 */
export function row(...args: (VegaLiteSpec | RowOptions)[]): VegaLiteSpec {
  const last = args[args.length - 1];
  const options: RowOptions = last && !('$schema' in last) ? (args.pop() as RowOptions) : {};
  const charts = args as VegaLiteSpec[];
  if (charts.length === 0) throw new Error('plot.row: no charts to put side by side');
  const hconcat = charts.map((spec, i) => {
    const { $schema: _schema, ...rest } = renameData(spec, `_${i}`) as VegaLiteSpec;
    return options.sharedLegend && i < charts.length - 1 ? withoutLegends(rest) : rest;
  });
  const spec: VegaLiteSpec = { $schema: VEGA_LITE_SCHEMA, hconcat, spacing: options.spacing ?? 20 };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}
