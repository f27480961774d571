import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { AXIS_FONT_SIZE, TICK_COUNT, countTicks, leftMarginFor, percentTicks } from './axis.js';
import { formatNumber, formatPercent } from './format.js';
import { placeLabels, stackHeight } from './labels.js';
import { seriesStyle, type SeriesStyle } from './palette.js';
import { timeFrame, timeScales } from './time-frame.js';
import { widestLine, wrapText } from './text.js';
import {
  marginForWithheldRow,
  withheldMarks,
  withheldRowMetrics,
  withheldWord,
  type WithheldMark,
  type WithheldRow,
  type WithheldRowMetrics,
} from './withheld.js';
import {
  cellValue,
  isWithheld,
  type ChartSeries,
  type Locale,
  type Margin,
  type PlotArea,
  type TimeChartFrame,
} from './types.js';

export interface LineChartInput {
  series: ChartSeries[];
  width: number;
  /**
   * Height asked for; the chart grows below it for the rows of withheld markers, and taller when its direct
   * labels need more room.
   */
  height: number;
  locale: Locale;
  margin?: Partial<Margin>;
  /** Values are shares in 0..1 (axis and labels in %). */
  percent?: boolean;
  /** Direct labels at the end of each line (off on narrow screens: the legend does the job). */
  endLabels?: boolean;
  /** Size of every text of the chart (axis, labels); the PDF draws smaller than the screen. */
  fontSize?: number;
  /** Word labelling the row of withheld markers under the axis ("non publié" / "not published" by default). */
  withheldLabel?: string;
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

/** A direct label beside the end of a line, wrapped (never cut) and moved apart from the others. */
export interface EndLabel {
  /** Left edge of the label block: the series marker is drawn at `markerX`, the text from `textX`. */
  x: number;
  markerX: number;
  textX: number;
  /** Vertical centre of the block and of each of its lines. */
  y: number;
  lines: string[];
  lineYs: number[];
  width: number;
  height: number;
  /** From the last published point to the label, in the series colour. */
  leader: { x1: number; y1: number; x2: number; y2: number };
}

export interface LineGeometry {
  key: string;
  label: string;
  style: SeriesStyle;
  colour: string;
  /** SVG stroke-dasharray, null for a solid line. */
  dash: string | null;
  d: string;
  points: LinePoint[];
  endLabel: EndLabel | null;
}

export interface LineChartGeometry extends TimeChartFrame {
  lines: LineGeometry[];
  withheld: WithheldMark[];
  /** The rows of withheld markers under the year labels; their label sits in the y-axis column. */
  withheldRow: WithheldRow | null;
  markerSize: number;
  /** Size of the hatched markers of withheld cells. */
  withheldSize: number;
}

const DEFAULT_MARGIN: Margin = { top: 12, right: 16, bottom: 28, left: 40 };
const LABEL_GAP = 3;
/** Horizontal run of a leader line: longer when labels are crowded, so each slope can be followed to its line. */
const LEADER = 12;
const LEADER_CROWDED = 30;

export function yearsOf(series: ChartSeries[]): number[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
}

/** Widest column direct labels may take: a quarter of the chart, within bounds that keep the plot readable. */
function endLabelColumn(width: number, fontSize: number): number {
  return Math.max(fontSize * 7, Math.min(fontSize * 15, width * 0.24));
}

/** What the chart's text and data ask of the layout, before any position is known. */
interface LineLayout {
  fontSize: number;
  lineHeight: number;
  markerSize: number;
  withheldWord: string;
  years: number[];
  yMax: number;
  labelOf: (v: number) => string;
  /** The rows of withheld markers: how many deep, each marker's size, a row's step and their whole height. */
  row: WithheldRowMetrics;
  /** Direct labels wrapped to their column, whether each series has one, and each one's height. */
  wrapped: string[][];
  labelled: boolean[];
  labelHeights: number[];
}

function layoutOf(input: LineChartInput): LineLayout {
  const { series, width, locale, percent = false, endLabels = false } = input;
  const fontSize = input.fontSize ?? AXIS_FONT_SIZE;
  const lineHeight = Math.round(fontSize * 1.2);
  const markerSize = Math.max(5, Math.round(fontSize * 0.6));
  const values = series.flatMap((s) => s.points.map((p) => cellValue(p.cell)).filter((v): v is number => v !== null));
  // Direct labels: wrapped to their column, never cut; the plot grows taller when they need the room.
  const wrapped = series.map((s) =>
    endLabels ? wrapText(s.label, endLabelColumn(width, fontSize) - markerSize - 6, fontSize) : [],
  );
  const labelled = series.map((s) => s.points.some((p) => cellValue(p.cell) !== null));
  return {
    fontSize,
    lineHeight,
    markerSize,
    withheldWord: input.withheldLabel ?? withheldWord(locale),
    years: yearsOf(series),
    yMax: percent ? Math.min(1, Math.max(0.1, max(values) ?? 0)) : Math.max(1, max(values) ?? 0),
    labelOf: (v: number) => (percent ? formatPercent(v, locale) : formatNumber(v, locale)),
    row: withheldRowMetrics(series, markerSize),
    wrapped,
    labelled,
    labelHeights: wrapped.map((l, i) => (endLabels && labelled[i] ? l.length * lineHeight : 0)),
  };
}

/** Margins (room for the axis labels, the withheld row's word, the direct labels), the plot and the leader's run. */
function frameOf(input: LineChartInput, layout: LineLayout) {
  const { locale, percent = false, endLabels = false } = input;
  const { fontSize, markerSize, row, wrapped, labelled, labelHeights } = layout;
  let margin: Margin = { ...DEFAULT_MARGIN, ...input.margin };
  // Room under the axis for the rows of withheld markers, and left of them for their word.
  margin = marginForWithheldRow(margin, row, layout.withheldWord, fontSize);
  const yProbe = scaleLinear()
    .domain([0, layout.yMax])
    .range([input.height - margin.bottom, margin.top])
    .nice(TICK_COUNT);
  const probeTicks = percent ? percentTicks(yProbe, locale) : countTicks(yProbe, locale);
  margin = leftMarginFor(probeTicks, margin, fontSize);
  const neededPlot = stackHeight(
    labelHeights.filter((h) => h > 0),
    LABEL_GAP,
  );
  // The rows of withheld markers are added below the axis: they never take height from the plot.
  const plotHeight = Math.max(10, input.height - margin.top - margin.bottom + row.height, neededPlot);
  const leader = neededPlot > plotHeight * 0.5 ? LEADER_CROWDED : LEADER;
  if (endLabels) {
    const textWidth = Math.max(0, ...wrapped.map((l, i) => (labelled[i] ? widestLine(l, fontSize) : 0)));
    margin = { ...margin, right: Math.max(margin.right, Math.ceil(leader + markerSize + 6 + textWidth) + 4) };
  }
  const plot = {
    x: margin.left,
    y: margin.top,
    width: Math.max(10, input.width - margin.left - margin.right),
    height: plotHeight,
  };
  return { margin, plot, height: margin.top + plotHeight + margin.bottom, leader };
}

/** One series as a path that breaks at withheld cells (never drops to zero), with its points. */
function seriesLine(
  s: ChartSeries,
  style: SeriesStyle,
  x: (year: number) => number,
  y: (value: number) => number,
  labelOf: (v: number) => string,
): LineGeometry {
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
  const gen = line<LinePoint>()
    .defined((p) => p.y !== null)
    .x((p) => p.x)
    .y((p) => p.y as number);
  return {
    key: s.key,
    label: s.label,
    style,
    colour: style.colour,
    dash: style.dash,
    d: gen(points) ?? '',
    points,
    endLabel: null,
  };
}

/** Direct labels beside the last published point of each line, moved apart, with a leader back to the line. */
function attachEndLabels(lines: LineGeometry[], layout: LineLayout, plot: PlotArea, leader: number): void {
  const { markerSize, lineHeight, fontSize, wrapped, labelled, labelHeights } = layout;
  const labelX = plot.x + plot.width + leader;
  const withLabel = lines
    .map((l, i) => ({ l, i, last: [...l.points].reverse().find((p) => p.y !== null) }))
    .filter((e) => e.last && labelled[e.i]);
  const centres = placeLabels(
    withLabel.map((e) => ({ anchor: e.last!.y as number, height: labelHeights[e.i] })),
    LABEL_GAP,
    plot.y,
    plot.y + plot.height,
  );
  withLabel.forEach((e, k) => {
    const lns = wrapped[e.i];
    const centre = centres[k];
    const h = labelHeights[e.i];
    const last = e.last!;
    e.l.endLabel = {
      x: labelX,
      markerX: labelX + markerSize / 2,
      textX: labelX + markerSize + 5,
      y: centre,
      lines: lns,
      lineYs: lns.map((_, j) => centre - h / 2 + lineHeight * (j + 0.5)),
      width: markerSize + 5 + widestLine(lns, fontSize),
      height: h,
      leader: { x1: last.x + markerSize / 2 + 2, y1: last.y as number, x2: labelX - 2, y2: centre },
    };
  });
}

/**
 * A line chart's geometry, in named stages: what the text and data ask (layoutOf), the frame (frameOf), the scales,
 * one path per series, the withheld markers under the axis, then the direct labels.
 */
export function lineChart(input: LineChartInput): LineChartGeometry {
  const { series, width, locale, percent = false, endLabels = false } = input;
  const layout = layoutOf(input);
  const { fontSize, markerSize, years, row } = layout;
  const { margin, plot, height, leader } = frameOf(input, layout);
  const { x, y } = timeScales(years, layout.yMax, plot);
  const frame = timeFrame({ width, height, margin, plot, fontSize, years, x, y, percent, locale });
  const lines = series.map((s, i) => seriesLine(s, seriesStyle(i, s.key), x, y, layout.labelOf));
  if (endLabels) attachEndLabels(lines, layout, plot, leader);
  const at = { xTickY: frame.xTickY, fontSize, plotX: plot.x, row, word: layout.withheldWord };
  return {
    ...frame,
    lines,
    ...withheldMarks(
      series,
      lines.map((l) => l.style),
      x,
      at,
    ),
    markerSize,
    withheldSize: row.size,
  };
}
