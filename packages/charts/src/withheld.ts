import { measureText } from './text.js';
import type { SeriesStyle } from './palette.js';
import { cellValue, isWithheld, type Cell, type ChartSeries, type Margin } from './types.js';

/**
 * Withheld cells of a chart over the years, drawn the same way in the line and the stacked-area charts: each one
 * as its series' marker, hatched, in rows under the year labels (one row per withheld cell of the year), never on
 * the value scale, so nothing about its size can be read from the drawing.
 */
export interface WithheldMark {
  key: string;
  label: string;
  year: number;
  x: number;
  y: number;
  colour: string;
  style: SeriesStyle;
  /** Why the cell is withheld (the API's reason code), when the data says so. */
  reason?: string;
}

/** The rows of withheld markers: how many deep, each marker's size, a row's step and their whole height. */
export interface WithheldRowMetrics {
  depth: number;
  size: number;
  step: number;
  height: number;
}

export interface WithheldRow {
  top: number;
  height: number;
  label: string;
  labelX: number;
  labelY: number;
}

export function withheldRowMetrics(series: ChartSeries[], markerSize: number): WithheldRowMetrics {
  const perYear = new Map<number, number>();
  for (const s of series)
    for (const p of s.points) if (isWithheld(p.cell)) perYear.set(p.year, (perYear.get(p.year) ?? 0) + 1);
  const depth = Math.max(0, ...perYear.values());
  // Withheld markers are drawn a little larger than the plot's (hatching needs the room), one row per cell.
  const size = markerSize + 3;
  const step = size + 6;
  return { depth, size, step, height: depth > 0 ? depth * step + 6 : 0 };
}

/** Margins grown for the rows (below the axis) and for their word (left of the first year's markers). */
export function marginForWithheldRow(margin: Margin, row: WithheldRowMetrics, word: string, fontSize: number): Margin {
  const bottom = Math.max(margin.bottom, Math.round(fontSize * 1.7) + 6) + row.height;
  if (row.depth === 0) return { ...margin, bottom };
  const left = Math.max(margin.left, Math.ceil(measureText(word, fontSize) + row.size / 2 + 12));
  return { ...margin, bottom, left };
}

/** Each withheld cell as its series' marker in the rows under the axis, stacked per year in the series' order. */
export function placeWithheld(
  series: { key: string; label: string; style: SeriesStyle; points: { year: number; x: number; cell?: Cell }[] }[],
  rowTop: number,
  rowStep: number,
): WithheldMark[] {
  const stacked = new Map<number, number>();
  return series.flatMap((s) =>
    s.points
      .filter((p) => isWithheld(p.cell))
      .map((p) => {
        const depth = stacked.get(p.year) ?? 0;
        stacked.set(p.year, depth + 1);
        const y = rowTop + depth * rowStep + rowStep / 2;
        const reason = isWithheld(p.cell) ? p.cell.reason : undefined;
        return {
          key: s.key,
          label: s.label,
          year: p.year,
          x: p.x,
          y,
          colour: s.style.colour,
          style: s.style,
          ...(reason ? { reason } : {}),
        };
      }),
  );
}

export function withheldRowBox(
  row: WithheldRowMetrics,
  rowTop: number,
  plotX: number,
  label: string,
): WithheldRow | null {
  if (row.depth === 0) return null;
  return {
    top: rowTop,
    height: row.depth * row.step,
    label,
    labelX: plotX - row.size / 2 - 6,
    labelY: rowTop + row.step / 2,
  };
}

/** Top of the withheld rows: just under the year labels. */
export function withheldRowTop(xTickY: number, fontSize: number): number {
  return xTickY + Math.round(fontSize * 0.6) + 4;
}

/**
 * A chart over the years' withheld cells, each in its series' style (`styles`, in the series' order), as markers in
 * the rows under the year labels (`xTickY`), and the box of those rows with their word: what the line and the
 * stacked-area charts both draw.
 */
export function withheldMarks(
  series: readonly ChartSeries[],
  styles: readonly SeriesStyle[],
  x: (year: number) => number,
  at: { xTickY: number; fontSize: number; plotX: number; row: WithheldRowMetrics; word: string },
): { withheld: WithheldMark[]; withheldRow: WithheldRow | null } {
  const rowTop = withheldRowTop(at.xTickY, at.fontSize);
  const cells = series.map((s, i) => ({
    key: s.key,
    label: s.label,
    style: styles[i],
    points: s.points.map((p) => ({ year: p.year, x: x(p.year), cell: p.cell })),
  }));
  return {
    withheld: placeWithheld(cells, rowTop, at.row.step),
    withheldRow: withheldRowBox(at.row, rowTop, at.plotX, at.word),
  };
}

/** Default word for a withheld value, in the chart's locale. */
export function withheldWord(locale: 'fr' | 'en'): string {
  return locale === 'fr' ? 'non publié' : 'not published';
}

/**
 * Each series as a share of a published base, year by year (the persons counted that year): a share is never
 * computed from the sum of the drawn cells (a withheld cell would change it, and a multi-valued dimension adds
 * up to more than the persons). A withheld cell stays withheld with its own reason; where the base itself is
 * withheld or missing, the year's shares are withheld as computed from a withheld figure.
 */
export function shareSeries(series: ChartSeries[], base: { year: number; cell: Cell }[]): ChartSeries[] {
  const totals = new Map(base.map((p) => [p.year, cellValue(p.cell)]));
  return series.map((s) => ({
    ...s,
    points: s.points.map((p) => {
      if (isWithheld(p.cell)) return p;
      const total = totals.get(p.year) ?? null;
      const value = cellValue(p.cell);
      if (value === null || total === null || total <= 0)
        return { year: p.year, cell: { suppressed: true as const, reason: 'derived_from_suppressed' } };
      return { year: p.year, cell: { value: value / total } };
    }),
  }));
}
