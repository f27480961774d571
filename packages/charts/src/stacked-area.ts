import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { area, stack, stackOffsetExpand, stackOffsetNone, stackOrderNone, type SeriesPoint } from 'd3-shape';
import { AXIS_FONT_SIZE, TICK_COUNT, countTicks, leftMarginFor, percentTicks } from './axis.js';
import { yearsOf } from './line.js';
import { seriesStyle, type SeriesStyle } from './palette.js';
import { timeFrame, timeScales } from './time-frame.js';
import { cellValue, isWithheld, type ChartSeries, type Locale, type Margin, type TimeChartFrame } from './types.js';

export interface StackedAreaInput {
  series: ChartSeries[];
  width: number;
  height: number;
  locale: Locale;
  margin?: Partial<Margin>;
  /** Stack shares of the yearly total (0..100 %) instead of counts. */
  expand?: boolean;
  fontSize?: number;
}

export interface AreaGeometry {
  key: string;
  label: string;
  /** Colour and, beyond the palette, the stripes or dots filling the band (the same in the legend). */
  style: SeriesStyle;
  colour: string;
  d: string;
  /** Per complete year: the band's bottom and top in pixels and the value (for tooltips). */
  bands: { year: number; x: number; y0: number; y1: number; value: number }[];
}

export interface StackedAreaGeometry extends TimeChartFrame {
  areas: AreaGeometry[];
  /**
   * Years in which at least one stacked cell is withheld. Layers below the first withheld one are drawn;
   * above them the stack is unknown (every higher layer would sit on an unknown baseline): from `yBottom` up.
   * The hatching spans from the previous year to the next (`x0`..`x1`) and is drawn beneath the bands, so every
   * part of the plot the published bands leave empty around that year reads as withheld, never as blank.
   */
  withheldYears: { year: number; x0: number; x1: number; yBottom: number; keys: string[] }[];
}

const DEFAULT_MARGIN: Margin = { top: 12, right: 16, bottom: 28, left: 40 };

type Row = Record<string, number> & { year: number };

export function stackedAreaChart(input: StackedAreaInput): StackedAreaGeometry {
  const { series, width, height, locale, expand = false } = input;
  const fontSize = input.fontSize ?? AXIS_FONT_SIZE;
  const years = yearsOf(series);
  const cellAt = new Map(series.map((s) => [s.key, new Map(s.points.map((p) => [p.year, p.cell]))]));
  // Per year, the index of the first withheld layer. Layers below it sit on published numbers only and are
  // drawn; from it upwards the stack is unknown, so that part of the column is hatched instead. Shares
  // (expand) need the whole total: any withheld layer hatches the whole column.
  const firstWithheld = new Map<number, number>();
  const withheldKeys = new Map<number, string[]>();
  for (const year of years) {
    const idx = series.findIndex((s) => isWithheld(cellAt.get(s.key)?.get(year)));
    if (idx >= 0) {
      firstWithheld.set(year, expand ? 0 : idx);
      withheldKeys.set(
        year,
        series.filter((s) => isWithheld(cellAt.get(s.key)?.get(year))).map((s) => s.key),
      );
    }
  }
  const rows: Row[] = years.map((year) => {
    const row = { year } as Row;
    for (const s of series) row[s.key] = cellValue(cellAt.get(s.key)?.get(year)) ?? 0;
    return row;
  });
  const keys = series.map((s) => s.key);
  const stacked = stack<Row>()
    .keys(keys)
    .order(stackOrderNone)
    .offset(expand ? stackOffsetExpand : stackOffsetNone)(rows);
  const drawn = (layer: number) => (d: SeriesPoint<Row>) => (firstWithheld.get(d.data.year) ?? Infinity) > layer;
  // Height of the known part of each column: the sum of the layers drawn.
  const knownTop = (row: Row) => {
    const k = firstWithheld.get(row.year) ?? keys.length;
    return keys.slice(0, k).reduce((sum, key) => sum + row[key], 0);
  };
  const totals = rows.map(knownTop);
  const yMax = expand ? 1 : Math.max(1, max(totals) ?? 0);

  let margin: Margin = { ...DEFAULT_MARGIN, ...input.margin };
  const probe = scaleLinear()
    .domain([0, yMax])
    .range([height - margin.bottom, margin.top])
    .nice(TICK_COUNT);
  margin = leftMarginFor(expand ? percentTicks(probe, locale) : countTicks(probe, locale), margin, fontSize);
  const plot = {
    x: margin.left,
    y: margin.top,
    width: Math.max(10, width - margin.left - margin.right),
    height: Math.max(10, height - margin.top - margin.bottom),
  };
  const { x, y } = timeScales(years, yMax, plot);
  const areas: AreaGeometry[] = stacked.map((layer, i) => {
    const gen = area<SeriesPoint<Row>>()
      .defined(drawn(i))
      .x((d) => x(d.data.year))
      .y0((d) => y(d[0]))
      .y1((d) => y(d[1]));
    const style = seriesStyle(i, layer.key);
    return {
      key: layer.key,
      label: series[i].label,
      style,
      colour: style.colour,
      d: gen(layer) ?? '',
      bands: layer
        .filter(drawn(i))
        .map((d) => ({ year: d.data.year, x: x(d.data.year), y0: y(d[0]), y1: y(d[1]), value: d.data[layer.key] })),
    };
  });
  const step = years.length > 1 ? plot.width / (years.length - 1) : plot.width;
  const withheldYears = [...withheldKeys.entries()].map(([year, ks]) => {
    const row = rows.find((r) => r.year === year) as Row;
    return {
      year,
      x0: Math.max(plot.x, x(year) - step),
      x1: Math.min(plot.x + plot.width, x(year) + step),
      // The hatched part starts where the published layers end.
      yBottom: expand ? plot.y + plot.height : y(knownTop(row)),
      keys: ks,
    };
  });
  return {
    ...timeFrame({ width, height, margin, plot, fontSize, years, x, y, percent: expand, locale }),
    areas,
    withheldYears,
  };
}
