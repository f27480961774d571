import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { TICK_COUNT, countTicks, percentTicks, yearTicks } from './axis.js';
import type { Locale, Margin, PlotArea, TimeChartFrame } from './types.js';

/** The scales of a chart over the years: the years across the plot (a single year centred), values from 0, rounded. */
export function timeScales(
  years: number[],
  yMax: number,
  plot: PlotArea,
): { x: ScaleLinear<number, number>; y: ScaleLinear<number, number> } {
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? 0;
  const x = scaleLinear()
    .domain(years.length > 1 ? [first, last] : [first - 1, first + 1])
    .range([plot.x, plot.x + plot.width]);
  const y = scaleLinear()
    .domain([0, yMax])
    .range([plot.y + plot.height, plot.y])
    .nice(TICK_COUNT);
  return { x, y };
}

/** What a chart over the years shares with the others (TimeChartFrame): its box, the year axis and the value axis. */
export function timeFrame(f: {
  width: number;
  height: number;
  margin: Margin;
  plot: PlotArea;
  fontSize: number;
  years: number[];
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  percent: boolean;
  locale: Locale;
}): TimeChartFrame {
  const { width, height, margin, plot, fontSize, years, x, y, percent, locale } = f;
  return {
    width,
    height,
    margin,
    plot,
    fontSize,
    xTicks: yearTicks(years, x, plot.width, fontSize),
    // Vertical centre of the year labels, under the plot.
    xTickY: plot.y + plot.height + Math.round(fontSize * 1.1),
    yTicks: percent ? percentTicks(y, locale) : countTicks(y, locale),
    years,
  };
}
