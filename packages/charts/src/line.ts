import { extent, max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { AXIS_FONT_SIZE, countTicks, leftMarginFor, percentTicks, yearTicks } from './axis.js';
import { formatNumber, formatPercent } from './format.js';
import { colourFor, dashFor } from './palette.js';
import { measureText, truncateText } from './text.js';
import { cellValue, isWithheld, type ChartSeries, type Locale, type Margin, type Tick } from './types.js';

export interface LineChartInput {
  series: ChartSeries[];
  width: number;
  height: number;
  locale: Locale;
  margin?: Partial<Margin>;
  /** Values are shares in 0..1 (axis and labels in %). */
  percent?: boolean;
  /** Direct labels at the end of each line (off on narrow screens: the legend does the job). */
  endLabels?: boolean;
}

export interface LinePoint {
  year: number;
  x: number;
  /** null when the cell is withheld: the line breaks there, it never drops to zero. */
  y: number | null;
  value: number | null;
  withheld: boolean;
  valueLabel: string;
}

export interface LineGeometry {
  key: string;
  label: string;
  colour: string;
  /** SVG stroke-dasharray for series beyond the palette, null for a solid line. */
  dash: string | null;
  d: string;
  points: LinePoint[];
  endLabel: { x: number; y: number; text: string } | null;
}

export interface LineChartGeometry {
  width: number;
  height: number;
  margin: Margin;
  plot: { x: number; y: number; width: number; height: number };
  xTicks: Tick[];
  yTicks: Tick[];
  lines: LineGeometry[];
  /** Withheld cells, drawn as hatched markers on the baseline with an explanation. */
  withheld: { key: string; label: string; year: number; x: number; y: number; colour: string }[];
  years: number[];
}

const GROUP_KEYS = new Set(['online', 'offline', 'unknown']);
const DEFAULT_MARGIN: Margin = { top: 12, right: 16, bottom: 28, left: 40 };
const END_LABEL_MAX = 150;

export function yearsOf(series: ChartSeries[]): number[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
}

/** Pushes labels apart vertically so they do not overlap (positions sorted, minimum gap). */
export function dodge(positions: number[], gap: number, min: number, max: number): number[] {
  const order = positions.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = new Array<number>(positions.length);
  let prev = -Infinity;
  for (const { p, i } of order) {
    const y = Math.max(p, prev + gap, min);
    out[i] = y;
    prev = y;
  }
  // If the stack ran past the bottom, shift everything up.
  const overflow = Math.max(0, ...out.map((y) => y - max));
  return overflow > 0 ? out.map((y) => y - overflow) : out;
}

export function lineChart(input: LineChartInput): LineChartGeometry {
  const { series, width, height, locale, percent = false, endLabels = false } = input;
  const years = yearsOf(series);
  const values = series.flatMap((s) => s.points.map((p) => cellValue(p.cell)).filter((v): v is number => v !== null));
  const yMax = percent ? Math.min(1, Math.max(0.1, max(values) ?? 0)) : Math.max(1, max(values) ?? 0);
  let margin: Margin = { ...DEFAULT_MARGIN, ...input.margin };
  const labelOf = (v: number) => (percent ? formatPercent(v, locale) : formatNumber(v, locale));

  const yProbe = scaleLinear()
    .domain([0, yMax])
    .range([height - margin.bottom, margin.top])
    .nice();
  const probeTicks = percent ? percentTicks(yProbe, locale) : countTicks(yProbe, locale);
  margin = leftMarginFor(probeTicks, margin);
  if (endLabels) {
    const widest = Math.max(0, ...series.map((s) => measureText(s.label, AXIS_FONT_SIZE)));
    margin = { ...margin, right: Math.max(margin.right, Math.min(END_LABEL_MAX, Math.ceil(widest)) + 12) };
  }
  const plot = {
    x: margin.left,
    y: margin.top,
    width: Math.max(10, width - margin.left - margin.right),
    height: Math.max(10, height - margin.top - margin.bottom),
  };
  const [y0, y1] = extent(years) as [number, number];
  const x = scaleLinear()
    .domain(years.length > 1 ? [y0, y1] : [(y0 ?? 0) - 1, (y0 ?? 0) + 1])
    .range([plot.x, plot.x + plot.width]);
  const y = scaleLinear()
    .domain([0, yMax])
    .range([plot.y + plot.height, plot.y])
    .nice();
  const yTicks = percent ? percentTicks(y, locale) : countTicks(y, locale);
  const xTicks = yearTicks(years, x, plot.width);

  const withheld: LineChartGeometry['withheld'] = [];
  const lines: LineGeometry[] = series.map((s, i) => {
    const colour = colourFor(i, s.key);
    const points: LinePoint[] = [...s.points]
      .sort((a, b) => a.year - b.year)
      .map((p) => {
        const value = cellValue(p.cell);
        return {
          year: p.year,
          x: x(p.year),
          y: value === null ? null : y(value),
          value,
          withheld: isWithheld(p.cell),
          valueLabel: value === null ? '' : labelOf(value),
        };
      });
    for (const p of points)
      if (p.withheld)
        withheld.push({ key: s.key, label: s.label, year: p.year, x: p.x, y: plot.y + plot.height, colour });
    const gen = line<LinePoint>()
      .defined((p) => p.y !== null)
      .x((p) => p.x)
      .y((p) => p.y as number);
    const last = [...points].reverse().find((p) => p.y !== null);
    return {
      key: s.key,
      label: s.label,
      colour,
      dash: GROUP_KEYS.has(s.key) ? null : dashFor(i),
      d: gen(points) ?? '',
      points,
      endLabel:
        endLabels && last
          ? { x: last.x + 6, y: last.y as number, text: truncateText(s.label, END_LABEL_MAX, AXIS_FONT_SIZE) }
          : null,
    };
  });
  if (endLabels) {
    const withLabels = lines.filter((l) => l.endLabel);
    const dodged = dodge(
      withLabels.map((l) => l.endLabel!.y),
      AXIS_FONT_SIZE + 2,
      plot.y + 4,
      plot.y + plot.height,
    );
    withLabels.forEach((l, i) => (l.endLabel!.y = dodged[i]));
  }
  return { width, height, margin, plot, xTicks, yTicks, lines, withheld, years };
}
