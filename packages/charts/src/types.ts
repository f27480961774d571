/** Locales the charts are labelled in: French first, English under /en/. */
export type Locale = 'fr' | 'en';

/**
 * One published aggregate. Structurally the same as `aggregateCellSchema` in @observatoire/schema, kept
 * local so the geometry does not depend on the wire format's evolution.
 */
export type Cell = { value: number } | { suppressed: true; reason?: string };

export function isWithheld(cell: Cell | null | undefined): cell is { suppressed: true; reason?: string } {
  return !!cell && 'suppressed' in cell && cell.suppressed === true;
}

/** Value of a published cell, null when withheld or missing (never zero: a withheld cell is not a zero). */
export function cellValue(cell: Cell | null | undefined): number | null {
  if (!cell || isWithheld(cell)) return null;
  return cell.value;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The plot area inside the margins, in pixels. */
export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Tick {
  value: number;
  label: string;
  /** Position along the axis in pixels (x for a horizontal axis, y for a vertical one). */
  position: number;
}

/** A set of series read together (e.g. online channels, offline channels): the legend heads each group. */
export interface SeriesGroup {
  key: string;
  label: string;
}

/** One time series as the charts consume it: a key (code), a label, and one cell per year. */
export interface ChartSeries {
  key: string;
  label: string;
  points: { year: number; cell: Cell }[];
  /** Series of one group are listed together, under the group's label, in the legend. */
  group?: SeriesGroup;
}

/** One category of a breakdown (one bar). */
export interface ChartCategory {
  key: string;
  label: string;
  cell: Cell;
}

/** What every chart over the years shares: its size and margins, the plot area, the year axis and the value axis. */
export interface TimeChartFrame {
  width: number;
  height: number;
  margin: Margin;
  plot: PlotArea;
  fontSize: number;
  xTicks: Tick[];
  /** Vertical centre of the year labels (drawn with dy = 0.32em, like every chart text). */
  xTickY: number;
  yTicks: Tick[];
  years: number[];
}
