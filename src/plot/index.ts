// Chart helpers for notebook cells: each returns an ordinary Vega-Lite v5 spec (plain JSON) that a
// cell may edit before `display(spec)`. Pure data, no DOM: the page renders specs with vega-embed.
export { line, compare } from './line';
export type { LineInput, LineOptions, SeriesRecord } from './line';
export { scatter } from './scatter';
export type { ScatterOptions } from './scatter';
export { decisionBoundary, MAX_STEPS } from './boundary';
export type { DecisionBoundaryOptions } from './boundary';
export { histogram } from './histogram';
export { row } from './row';
export type { RowOptions } from './row';
export type { HistogramOptions } from './histogram';
export { VEGA_LITE_SCHEMA } from './spec';
export type { ChartOptions, Row, SpecPart, Values, VegaLiteSpec } from './spec';
