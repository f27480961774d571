import { placeLabels, stackHeight } from './labels.js';
import { measureText, widestLine, wrapText } from './text.js';
import type { TimeChartFrame } from './types.js';

/** A note at one reference year of a chart over the years ("2020 : confinement"), in the chart's language. */
export interface ChartAnnotation {
  year: number;
  label: string;
}

/** A box of text above the plot: wrapped (never cut), its lines' vertical centres, and its bounds. */
export interface AnnotationLabel {
  year: number;
  /** Horizontal centre of the text (drawn with text-anchor="middle"). */
  x: number;
  lines: string[];
  lineYs: number[];
  box: { x: number; y: number; width: number; height: number };
  /** From the label's foot to the rule's top (straight down when the label sits over its year). */
  leader: { x1: number; y1: number; x2: number; y2: number };
  /** In numbered mode, the number drawn in the label's place (the text goes to the key). */
  number: string | null;
}

export interface AnnotationLayer {
  /**
   * Height added above the chart for the labels: the renderer shifts the chart down by it (translate) and the
   * drawing is this much taller. Every coordinate below is in the chart's own (unshifted) coordinates.
   */
  offset: number;
  /** Dashed vertical rule across the plot at each annotated year. */
  rules: { year: number; x: number; y1: number; y2: number }[];
  labels: AnnotationLabel[];
  /**
   * When the labels cannot sit side by side over their years (too many, too long, too narrow a chart), each year
   * gets a number and the texts are listed here, numbered, wrapped to the chart's width, above the numbers.
   */
  key: { lines: string[]; lineYs: number[]; x: number } | null;
  fontSize: number;
}

const GAP = 6;
const LEADER_ROOM = 8;
const EDGE = 2;

/** x of a year on the frame's axis (same scale as `timeScales`: a single year is centred). */
export function yearX(frame: TimeChartFrame, year: number): number {
  const { years, plot } = frame;
  if (years.length < 2) return plot.x + plot.width / 2;
  const first = years[0];
  const last = years[years.length - 1];
  return plot.x + ((year - first) / (last - first)) * plot.width;
}

interface Placed {
  year: number;
  anchor: number;
  lines: string[];
  width: number;
}

/** Labels over their years, moved apart along one row; null when they do not fit in the chart's width. */
function directLabels(frame: TimeChartFrame, notes: ChartAnnotation[], fontSize: number): Placed[] | null {
  const room = frame.width - 2 * EDGE;
  const column = Math.max(fontSize * 6, Math.min(fontSize * 12, room / notes.length - GAP));
  const placed = notes.map((n) => {
    const lines = wrapText(n.label, column, fontSize);
    return { year: n.year, anchor: yearX(frame, n.year), lines, width: Math.ceil(widestLine(lines, fontSize)) + 2 };
  });
  if (placed.some((p) => p.lines.length > 3)) return null;
  if (
    stackHeight(
      placed.map((p) => p.width),
      GAP,
    ) > room
  )
    return null;
  return placed;
}

function numbered(frame: TimeChartFrame, notes: ChartAnnotation[], fontSize: number): Placed[] {
  return notes.map((n, i) => {
    const number = String(i + 1);
    return {
      year: n.year,
      anchor: yearX(frame, n.year),
      lines: [number],
      width: Math.ceil(measureText(number, fontSize)) + 4,
    };
  });
}

/**
 * The annotation layer of a chart over the years: a dashed rule across the plot at each annotated year and its
 * label in a band above the plot. Labels are wrapped (never cut) and moved apart so that none overlaps another
 * and none leaves the chart; each is joined to its rule by a leader, and leaders never cross (labels keep the
 * years' order). When they cannot fit side by side, the years are numbered and the texts listed above, numbered.
 * Annotations on years the chart does not show are left out.
 */
export function annotationLayer(
  frame: TimeChartFrame,
  annotations: readonly ChartAnnotation[],
  fontSize = frame.fontSize,
): AnnotationLayer {
  const shown = new Set(frame.years);
  const notes = annotations.filter((a) => shown.has(a.year) && a.label.trim()).sort((a, b) => a.year - b.year);
  if (!notes.length) return { offset: 0, rules: [], labels: [], key: null, fontSize };
  const lineHeight = Math.round(fontSize * 1.2);
  const direct = directLabels(frame, notes, fontSize);
  const placed = direct ?? numbered(frame, notes, fontSize);
  const keyLines = direct
    ? []
    : notes.flatMap((n, i) => wrapText(`${i + 1}. ${n.year} : ${n.label}`, frame.width - 2 * EDGE, fontSize));
  const centres = placeLabels(
    placed.map((p) => ({ anchor: p.anchor, height: p.width })),
    GAP,
    EDGE,
    frame.width - EDGE,
  );
  const rowHeight = Math.max(...placed.map((p) => p.lines.length)) * lineHeight;
  const rowBottom = frame.plot.y - LEADER_ROOM;
  const rowTop = rowBottom - rowHeight;
  const keyTop = rowTop - keyLines.length * lineHeight - (keyLines.length ? GAP : 0);
  const labels: AnnotationLabel[] = placed.map((p, i) => {
    const height = p.lines.length * lineHeight;
    const top = rowBottom - height;
    return {
      year: p.year,
      x: centres[i],
      lines: p.lines,
      lineYs: p.lines.map((_, j) => top + lineHeight * (j + 0.5)),
      box: { x: centres[i] - p.width / 2, y: top, width: p.width, height },
      leader: { x1: centres[i], y1: rowBottom + 1, x2: p.anchor, y2: frame.plot.y },
      number: direct ? null : p.lines[0],
    };
  });
  return {
    offset: Math.max(0, Math.ceil(EDGE - keyTop)),
    rules: placed.map((p) => ({ year: p.year, x: p.anchor, y1: frame.plot.y, y2: frame.plot.y + frame.plot.height })),
    labels,
    key: keyLines.length
      ? { lines: keyLines, lineYs: keyLines.map((_, j) => keyTop + lineHeight * (j + 0.5)), x: EDGE }
      : null,
    fontSize,
  };
}
