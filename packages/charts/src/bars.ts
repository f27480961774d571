import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { AXIS_FONT_SIZE, countTicks, percentTicks } from './axis.js';
import { formatNumber, formatPercent } from './format.js';
import { colourFor } from './palette.js';
import { measureText, widestLine, wrapText } from './text.js';
import { withheldWord } from './withheld.js';
import { cellValue, isWithheld, type ChartCategory, type Locale, type PlotArea, type Tick } from './types.js';

export interface BarChartInput {
  rows: ChartCategory[];
  width: number;
  locale: Locale;
  /** Height of a row whose label fits on one line; rows with wrapped labels grow. */
  rowHeight?: number;
  /** Values are shares in 0..1. */
  percent?: boolean;
  /** Colour every bar the same (a single measure) rather than by category. */
  colour?: string;
  /** Widest label column allowed, as a share of the width (longer labels wrap onto more lines). */
  maxLabelShare?: number;
  fontSize?: number;
  /** Word written beside a withheld category ("non publié" / "not published" by default). */
  withheldLabel?: string;
  /**
   * The text written after a withheld category's placeholder, from its cell (the word and why it is withheld,
   * e.g. "non publié : moins de 10 personnes"); the word alone by default.
   */
  withheldText?: (cell: { suppressed: true; reason?: string }) => string;
  /**
   * Categories shown apart, below the bars and off their scale (e.g. "inconnue" or "sans objet" beside the
   * platforms): their counts are written, not drawn, so a large "unknown" neither flattens the real categories
   * nor reads as one of them. `label` heads the group.
   */
  aside?: { label: string; rows: ChartCategory[] };
}

export interface BarGeometry {
  key: string;
  label: string;
  /** The label wrapped to the label column (never cut) and the vertical centre of each of its lines. */
  labelLines: string[];
  labelYs: number[];
  value: number | null;
  withheld: boolean;
  valueLabel: string;
  /** For a withheld category, what is written after its placeholder (the word and the reason); '' otherwise. */
  withheldText: string;
  /** That text wrapped to the room right of the placeholder, and the vertical centre of each line. */
  withheldLines: string[];
  withheldYs: number[];
  /** The bar (width 0 for a withheld category or one shown apart). */
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
  /**
   * A withheld category: a hatched square placed clear of the axis, with the withheld word after it, the same
   * size for every withheld category, so its length never reads as a value.
   */
  placeholder: { x: number; y: number; size: number } | null;
  labelX: number;
  valueX: number;
  textY: number;
  /** Top and height of the row (band of the chart this category takes). */
  rowY: number;
  rowHeight: number;
}

export interface BarChartGeometry {
  width: number;
  height: number;
  fontSize: number;
  plot: PlotArea;
  xTicks: Tick[];
  /** Vertical centre of the tick labels (drawn with dy = 0.32em, like every chart text). */
  xTickY: number;
  bars: BarGeometry[];
  /** The categories shown apart: a rule, the wrapped heading, then one row each (value written, no bar). */
  aside: { ruleY: number; headingLines: string[]; headingYs: number[]; headingX: number; bars: BarGeometry[] } | null;
}

const TOP = 8;
const PLACEHOLDER_GAP = 4;

export function horizontalBars(input: BarChartInput): BarChartGeometry {
  const { rows, width, locale, rowHeight = 28, percent = false, maxLabelShare = 0.45 } = input;
  const fontSize = input.fontSize ?? AXIS_FONT_SIZE;
  const lineHeight = Math.round(fontSize * 1.2);
  const word = input.withheldLabel ?? withheldWord(locale);
  const textOf = (r: ChartCategory) =>
    isWithheld(r.cell) ? (input.withheldText ? input.withheldText(r.cell) : word) : '';
  const asideRows = input.aside?.rows ?? [];
  const all = [...rows, ...asideRows];
  const fmt = (v: number) => (percent ? formatPercent(v, locale) : formatNumber(v, locale));

  const labelMax = Math.max(fontSize * 4, width * maxLabelShare);
  const labelWidth = Math.min(labelMax, Math.max(fontSize * 3, ...all.map((r) => measureText(r.label, fontSize))));
  const wrapped = new Map(all.map((r) => [r, wrapText(r.label, labelWidth, fontSize)]));
  const columnWidth = Math.ceil(Math.max(...[...wrapped.values()].map((l) => widestLine(l, fontSize)), fontSize));
  const values = rows.map((r) => cellValue(r.cell)).filter((v): v is number => v !== null);
  const barHeight = Math.round(rowHeight * 0.68);
  const placeholderSize = Math.min(barHeight, Math.round(fontSize * 1.2));
  const valueSpace = Math.max(fontSize * 3.5, ...values.map((v) => measureText(fmt(v), fontSize) + fontSize * 0.7));
  const plotX = columnWidth + 8;
  // A withheld category's word and reason, wrapped to the room right of its placeholder (never cut): a withheld
  // row has no value label, so its text may run over the values' column, up to the chart's edge.
  const textX = plotX + PLACEHOLDER_GAP + placeholderSize + 4;
  const textRoom = Math.max(fontSize * 6, width - textX - 2);
  const withheldLines = new Map(all.map((r) => [r, isWithheld(r.cell) ? wrapText(textOf(r), textRoom, fontSize) : []]));
  const plotWidth = Math.max(PLACEHOLDER_GAP + placeholderSize + 8, width - plotX - valueSpace);
  const rowHeightOf = (r: ChartCategory) =>
    Math.max(rowHeight, Math.max(wrapped.get(r)!.length, withheldLines.get(r)!.length) * lineHeight + 6);
  const linesAround = (n: number, centre: number) =>
    Array.from({ length: n }, (_, j) => centre - (n * lineHeight) / 2 + lineHeight * (j + 0.5));
  const plotHeight = rows.reduce((s, r) => s + rowHeightOf(r), 0);
  const plot = { x: plotX, y: TOP, width: plotWidth, height: plotHeight };
  const x = scaleLinear()
    .domain([0, percent ? Math.max(0.1, max(values) ?? 0) : Math.max(1, max(values) ?? 0)])
    .range([plot.x, plot.x + plot.width])
    .nice(4);

  const layoutRow = (r: ChartCategory, i: number, top: number, scaled: boolean): BarGeometry => {
    const value = cellValue(r.cell);
    const withheld = isWithheld(r.cell);
    const h = rowHeightOf(r);
    const centre = top + h / 2;
    const lines = wrapped.get(r)!;
    const w = scaled && value !== null ? Math.max(0, x(value) - plot.x) : 0;
    const placeholder = withheld
      ? { x: plot.x + PLACEHOLDER_GAP, y: centre - placeholderSize / 2, size: placeholderSize }
      : null;
    return {
      key: r.key,
      label: r.label,
      labelLines: lines,
      labelYs: linesAround(lines.length, centre),
      value,
      withheld,
      valueLabel: value === null ? '' : fmt(value),
      withheldText: textOf(r),
      withheldLines: withheldLines.get(r)!,
      withheldYs: linesAround(withheldLines.get(r)!.length, centre),
      x: plot.x,
      y: centre - barHeight / 2,
      width: w,
      height: barHeight,
      colour: input.colour ?? colourFor(i, r.key),
      placeholder,
      labelX: plot.x - 6,
      valueX: placeholder ? placeholder.x + placeholder.size + 4 : plot.x + w + 4,
      textY: centre,
      rowY: top,
      rowHeight: h,
    };
  };

  let top = plot.y;
  const bars = rows.map((r, i) => {
    const b = layoutRow(r, i, top, true);
    top += b.rowHeight;
    return b;
  });
  const xTicks = (percent ? percentTicks(x, locale, 4) : countTicks(x, locale, 4)).filter(
    (t, i, all) => i === 0 || t.position - all[i - 1].position >= measureText(t.label, fontSize) + 8,
  );
  const xTickY = plot.y + plot.height + Math.round(fontSize * 1.1);
  let bottom = xTickY + Math.round(fontSize * 0.6);

  let aside: BarChartGeometry['aside'] = null;
  if (input.aside && asideRows.length > 0) {
    const ruleY = bottom + 10;
    const headingLines = wrapText(input.aside.label, width - 8, fontSize);
    const headingYs = headingLines.map((_, j) => ruleY + 6 + lineHeight * (j + 0.5));
    let asideTop = ruleY + 8 + headingLines.length * lineHeight;
    const asideBars = asideRows.map((r, i) => {
      const b = layoutRow(r, rows.length + i, asideTop, false);
      asideTop += b.rowHeight;
      return b;
    });
    aside = { ruleY, headingLines, headingYs, headingX: 0, bars: asideBars };
    bottom = asideTop;
  }
  return { width, height: Math.ceil(bottom + 4), fontSize, plot, xTicks, xTickY, bars, aside };
}
