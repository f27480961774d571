import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { AXIS_FONT_SIZE, countTicks, percentTicks } from './axis.js';
import { formatNumber, formatPercent } from './format.js';
import { colourFor } from './palette.js';
import { measureText, truncateText } from './text.js';
import { cellValue, isWithheld, type ChartCategory, type Locale, type Tick } from './types.js';

export interface BarChartInput {
  rows: ChartCategory[];
  width: number;
  locale: Locale;
  rowHeight?: number;
  /** Values are shares in 0..1. */
  percent?: boolean;
  /** Colour every bar the same (a single measure) rather than by category. */
  colour?: string;
  /** Widest label column allowed, as a share of the width (labels beyond are truncated with …). */
  maxLabelShare?: number;
}

export interface BarGeometry {
  key: string;
  label: string;
  /** Label as drawn (possibly truncated); `label` stays whole for the title/tooltip/table. */
  shownLabel: string;
  value: number | null;
  withheld: boolean;
  valueLabel: string;
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
  labelX: number;
  valueX: number;
  textY: number;
}

export interface BarChartGeometry {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  xTicks: Tick[];
  bars: BarGeometry[];
}

const TOP = 8;
const AXIS_SPACE = 24;
const VALUE_SPACE_MIN = 44;

export function horizontalBars(input: BarChartInput): BarChartGeometry {
  const { rows, width, locale, rowHeight = 28, percent = false, maxLabelShare = 0.45 } = input;
  const fmt = (v: number) => (percent ? formatPercent(v, locale) : formatNumber(v, locale));
  const labelMax = width * maxLabelShare;
  const labelWidth = Math.min(labelMax, Math.max(40, ...rows.map((r) => measureText(r.label, AXIS_FONT_SIZE))));
  const values = rows.map((r) => cellValue(r.cell)).filter((v): v is number => v !== null);
  const valueSpace = Math.max(VALUE_SPACE_MIN, ...values.map((v) => measureText(fmt(v), AXIS_FONT_SIZE) + 8));
  const plot = {
    x: Math.ceil(labelWidth) + 8,
    y: TOP,
    width: Math.max(20, width - Math.ceil(labelWidth) - 8 - valueSpace),
    height: rows.length * rowHeight,
  };
  const x = scaleLinear()
    .domain([0, percent ? Math.max(0.1, max(values) ?? 0) : Math.max(1, max(values) ?? 0)])
    .range([plot.x, plot.x + plot.width])
    .nice();
  const barHeight = Math.round(rowHeight * 0.68);
  const bars: BarGeometry[] = rows.map((r, i) => {
    const value = cellValue(r.cell);
    const withheld = isWithheld(r.cell);
    const y = plot.y + i * rowHeight + (rowHeight - barHeight) / 2;
    // A withheld bar spans the whole plot width, hatched: it says "unknown", never "zero".
    const w = value === null ? (withheld ? plot.width : 0) : Math.max(0, x(value) - plot.x);
    return {
      key: r.key,
      label: r.label,
      shownLabel: truncateText(r.label, labelWidth, AXIS_FONT_SIZE),
      value,
      withheld,
      valueLabel: value === null ? '' : fmt(value),
      x: plot.x,
      y,
      width: w,
      height: barHeight,
      colour: input.colour ?? colourFor(i, r.key),
      labelX: plot.x - 6,
      valueX: value === null ? plot.x + 6 : plot.x + w + 4,
      textY: y + barHeight / 2,
    };
  });
  const xTicks = (percent ? percentTicks(x, locale, 4) : countTicks(x, locale, 4)).filter(
    (t, i, all) => i === 0 || t.position - all[i - 1].position >= measureText(t.label, AXIS_FONT_SIZE) + 8,
  );
  return { width, height: plot.y + plot.height + AXIS_SPACE, plot, xTicks, bars };
}
