import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { area, stack, stackOffsetNone, stackOrderNone, type Series, type SeriesPoint } from 'd3-shape';
import { AXIS_FONT_SIZE, TICK_COUNT, countTicks, leftMarginFor } from './axis.js';
import { yearsOf } from './line.js';
import { seriesStyle, type SeriesStyle } from './palette.js';
import { timeFrame, timeScales } from './time-frame.js';
import { cellValue, isWithheld, type ChartSeries, type Locale, type Margin, type TimeChartFrame } from './types.js';
import {
  marginForWithheldRow,
  withheldMarks,
  withheldRowMetrics,
  withheldWord,
  type WithheldMark,
  type WithheldRow,
} from './withheld.js';

export interface StackedAreaInput {
  series: ChartSeries[];
  width: number;
  /** Height asked for; the chart grows below it for the rows of withheld markers. */
  height: number;
  locale: Locale;
  margin?: Partial<Margin>;
  fontSize?: number;
  /** Word labelling the row of withheld markers under the axis ("non publié" / "not published" by default). */
  withheldLabel?: string;
}

export interface AreaGeometry {
  key: string;
  label: string;
  /** Colour and, beyond the palette, the stripes or dots filling the band (the same in the legend). */
  style: SeriesStyle;
  colour: string;
  d: string;
  /** Per published year: the band's bottom and top in pixels and the value (for tooltips). */
  bands: { year: number; x: number; y0: number; y1: number; value: number }[];
  /**
   * Where the band stops around its withheld years: the slot between its neighbours, narrowing to nothing at the
   * withheld year itself (hatched, never given a height there), or '' when the series has no withheld cell.
   */
  gap: string;
}

export interface StackedAreaGeometry extends TimeChartFrame {
  areas: AreaGeometry[];
  /**
   * Every withheld cell, as its series' hatched marker in the rows under the axis (as in the line chart). A
   * withheld layer takes no height in its year: the published layers above it rest on the published ones below,
   * so every published band keeps its own thickness and no year is hatched because one of its cells is withheld.
   */
  withheld: WithheldMark[];
  withheldRow: WithheldRow | null;
  markerSize: number;
  withheldSize: number;
}

const DEFAULT_MARGIN: Margin = { top: 12, right: 16, bottom: 28, left: 40 };

type Row = Record<string, number> & { year: number };

/**
 * Stacked counts over the years. Only published cells are stacked (a withheld one counts for no height, and its
 * band breaks there), so the top of a column is the sum of its published bands: a multi-valued dimension's
 * columns are not the persons total, and the chart never claims they are (shares of persons are the line view).
 */
export function stackedAreaChart(input: StackedAreaInput): StackedAreaGeometry {
  const { series, width, locale } = input;
  const fontSize = input.fontSize ?? AXIS_FONT_SIZE;
  const markerSize = Math.max(5, Math.round(fontSize * 0.6));
  const word = input.withheldLabel ?? withheldWord(locale);
  const row = withheldRowMetrics(series, markerSize);
  const years = yearsOf(series);
  const cellAt = new Map(series.map((s) => [s.key, new Map(s.points.map((p) => [p.year, p.cell]))]));
  const withheldAt = (key: string, year: number) => isWithheld(cellAt.get(key)?.get(year));
  const rows: Row[] = years.map((year) => {
    const r = { year } as Row;
    for (const s of series) r[s.key] = cellValue(cellAt.get(s.key)?.get(year)) ?? 0;
    return r;
  });
  const keys = series.map((s) => s.key);
  const stacked = stack<Row>().keys(keys).order(stackOrderNone).offset(stackOffsetNone)(rows);
  const yMax = Math.max(1, max(rows, (r) => keys.reduce((sum, k) => sum + r[k], 0)) ?? 0);

  let margin: Margin = marginForWithheldRow({ ...DEFAULT_MARGIN, ...input.margin }, row, word, fontSize);
  const probe = scaleLinear()
    .domain([0, yMax])
    .range([input.height - margin.bottom, margin.top])
    .nice(TICK_COUNT);
  margin = leftMarginFor(countTicks(probe, locale), margin, fontSize);
  // The rows of withheld markers are added below the axis: they never take height from the plot.
  const plot = {
    x: margin.left,
    y: margin.top,
    width: Math.max(10, width - margin.left - margin.right),
    height: Math.max(10, input.height - margin.top - margin.bottom + row.height),
  };
  const height = margin.top + plot.height + margin.bottom;
  const { x, y } = timeScales(years, yMax, plot);
  const areas = stacked.map((layer, i) => layerGeometry(layer, series[i].label, i, withheldAt, years, x, y));
  const frame = timeFrame({ width, height, margin, plot, fontSize, years, x, y, percent: false, locale });
  const at = { xTickY: frame.xTickY, fontSize, plotX: plot.x, row, word };
  return {
    ...frame,
    areas,
    ...withheldMarks(
      series,
      areas.map((a) => a.style),
      x,
      at,
    ),
    markerSize,
    withheldSize: row.size,
  };
}

/** One band: drawn over its published years only, with the slot it leaves around each withheld year. */
function layerGeometry(
  layer: Series<Row, string>,
  label: string,
  index: number,
  withheldAt: (key: string, year: number) => boolean,
  years: number[],
  x: (year: number) => number,
  y: (value: number) => number,
): AreaGeometry {
  const key = layer.key;
  const published = (d: SeriesPoint<Row>) => !withheldAt(key, d.data.year);
  // A year in the slot: withheld, or next to a withheld year (the band stops at its last published year).
  const inGap = (d: SeriesPoint<Row>) => {
    const i = years.indexOf(d.data.year);
    return [years[i - 1], d.data.year, years[i + 1]].some((yr) => yr !== undefined && withheldAt(key, yr));
  };
  const shape = (defined: (d: SeriesPoint<Row>) => boolean) =>
    area<SeriesPoint<Row>>()
      .defined(defined)
      .x((d) => x(d.data.year))
      .y0((d) => y(d[0]))
      .y1((d) => y(d[1]))(layer) ?? '';
  const style = seriesStyle(index, key);
  const hasWithheld = layer.some((d) => !published(d));
  return {
    key,
    label,
    style,
    colour: style.colour,
    d: shape(published),
    bands: layer
      .filter(published)
      .map((d) => ({ year: d.data.year, x: x(d.data.year), y0: y(d[0]), y1: y(d[1]), value: d.data[key] })),
    gap: hasWithheld ? shape(inGap) : '',
  };
}
