import {
  annotationLayer,
  cellValue,
  formatNumber,
  formatPercent,
  isWithheld,
  lineChart,
  seriesStyle,
  shareSeries,
  stackedAreaChart,
  type AnnotationLayer,
  type Cell,
  type ChartAnnotation,
  type ChartSeries,
  type LegendEntry,
  type LineChartGeometry,
  type Margin,
  type StackedAreaGeometry,
} from '@observatoire/charts';
import { t, type Lang } from '$lib/i18n/index.js';
import { withheldText } from '../withheld.js';

export type TimeView = 'lines' | 'area' | 'share';

/**
 * Counts as lines, counts stacked, or shares of the year's persons ("% du total") as lines: a share's base is the
 * published persons total of its year, so a withheld cell leaves a gap in its own line only, never blanks a year,
 * and a multi-valued dimension's shares are not forced to add up to 100 %.
 */
export type TimeGeometry = (
  { view: 'lines' | 'share'; geometry: LineChartGeometry } | { view: 'area'; geometry: StackedAreaGeometry }
) & {
  /** The release's annotations above the chart: the body is drawn `annotations.offset` lower. */
  annotations: AnnotationLayer;
  /** The whole drawing's height (the chart's and the annotations' band). */
  height: number;
};

/** The persons counted each year (the release's `cases` series): the base of every share. */
export type PersonsBase = { year: number; cell: Cell }[];

/**
 * Height that keeps a readable aspect on phones and desktops; a chart of many series gets taller (up to 520 px)
 * so its lines, and the direct labels beside them, have room to part.
 */
export function timeChartHeight(width: number, seriesCount = 0): number {
  const base = Math.max(240, Math.min(380, width * 0.6));
  return Math.round(Math.max(base, Math.min(520, width * 0.75, seriesCount * 24)));
}

/** Direct labels need a plot at least this wide beside them; narrower charts rely on the legend above. */
export const END_LABELS_MIN_WIDTH = 560;

export function timeGeometry(
  series: ChartSeries[],
  view: TimeView,
  width: number,
  lang: Lang,
  opts: {
    height?: number;
    margin?: Partial<Margin>;
    endLabels?: boolean;
    base?: PersonsBase;
    /** The release's annotations in the chart's language (drawn above the plot). */
    annotations?: readonly ChartAnnotation[];
  } = {},
): TimeGeometry {
  const { height = timeChartHeight(width, series.length), margin, endLabels = width >= END_LABELS_MIN_WIDTH } = opts;
  const withheldLabel = t(lang, 'chart.withheld');
  const notes = opts.annotations ?? [];
  if (view === 'area') {
    const geometry = stackedAreaChart({ series, width, height, locale: lang, margin, withheldLabel });
    const layer = annotationLayer(geometry, notes);
    return { view, geometry, annotations: layer, height: geometry.height + layer.offset };
  }
  const percent = view === 'share';
  const drawn = percent ? shareSeries(series, opts.base ?? []) : series;
  const geometry = lineChart({ series: drawn, width, height, locale: lang, endLabels, margin, withheldLabel, percent });
  const layer = annotationLayer(geometry, notes);
  return { view, geometry, annotations: layer, height: geometry.height + layer.offset };
}

/** A release's annotations in the chart's language. */
export function chartAnnotations(
  annotations: readonly { year: number; text: { fr: string; en: string } }[] | undefined,
  lang: Lang,
): ChartAnnotation[] {
  return (annotations ?? []).map((a) => ({ year: a.year, label: a.text[lang] }));
}

/** Value at a year for one series, formatted, or the "withheld" word: used by tooltips and tables. */
export function cellText(cell: ChartSeries['points'][number]['cell'] | undefined, lang: Lang, share?: number): string {
  if (!cell) return '–';
  if (isWithheld(cell)) return withheldText(cell, lang);
  const text = formatNumber(cell.value, lang);
  return share === undefined ? text : `${text} (${formatPercent(share, lang)})`;
}

/** Legend entries in series order, with the style the plot draws each series in (and its group, if any). */
export function legendItems(series: ChartSeries[]): LegendEntry[] {
  return series.map((s, i) => ({ key: s.key, label: s.label, style: seriesStyle(i, s.key), group: s.group }));
}

/** How a view draws its legend keys: lines show the line and its marker, areas their band's fill. */
export function keyMode(view: TimeView): 'line' | 'area' {
  return view === 'lines' ? 'line' : 'area';
}

/** Id of the pattern filling the `index`-th band, unique within a page (`prefix` = the chart's id). */
export function fillId(prefix: string, index: number): string {
  return `${prefix}-fill-${index}`;
}

/** Share of the year's persons a published cell stands for (undefined when either is not published). */
function shareOf(cell: Cell | undefined, year: number, base: PersonsBase | undefined): number | undefined {
  const value = cellValue(cell);
  const total = cellValue(base?.find((p) => p.year === year)?.cell);
  return value === null || total === null || total <= 0 ? undefined : value / total;
}

/**
 * Rows of the table view: one per year, one column per series, then the persons counted that year (the base of
 * the shares); in the share view each count is followed by its share of those persons.
 */
export function timeTable(
  series: ChartSeries[],
  lang: Lang,
  base?: PersonsBase,
  view: TimeView = 'lines',
): { header: string[]; rows: string[][] } {
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const withBase = base !== undefined && base.length > 0;
  const header = [
    t(lang, 'chart.year'),
    ...series.map((s) => s.label),
    ...(withBase ? [t(lang, 'chart.persons')] : []),
  ];
  const rows = years.map((year) => [
    String(year),
    ...series.map((s) => {
      const cell = s.points.find((p) => p.year === year)?.cell;
      return cellText(cell, lang, view === 'share' ? shareOf(cell, year, base) : undefined);
    }),
    ...(withBase ? [cellText(base.find((p) => p.year === year)?.cell, lang)] : []),
  ]);
  return { header, rows };
}

/** Tooltip lines for one year, largest first, withheld last (with why); in the share view, count and share. */
export function tooltipRows(series: ChartSeries[], year: number, lang: Lang, base?: PersonsBase, view?: TimeView) {
  return series
    .map((s, index) => {
      const cell = s.points.find((p) => p.year === year)?.cell;
      const share = view === 'share' ? shareOf(cell, year, base) : undefined;
      return { key: s.key, label: s.label, index, value: cellValue(cell), text: cellText(cell, lang, share) };
    })
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
}

/**
 * The written description a screen reader announces instead of axis labels: for each series its first and
 * last published value, and how many values are withheld.
 */
export function describeTimeSeries(title: string, series: ChartSeries[], lang: Lang): string {
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  if (years.length === 0) return title;
  const items = series.map((s) => {
    const published = s.points.filter((p) => cellValue(p.cell) !== null).sort((a, b) => a.year - b.year);
    const withheld = s.points.filter((p) => isWithheld(p.cell)).length;
    const first = published[0];
    const last = published[published.length - 1];
    let text = first
      ? t(lang, 'describe.seriesItem', {
          label: s.label,
          first: formatNumber(cellValue(first.cell)!, lang),
          from: first.year,
          last: formatNumber(cellValue(last.cell)!, lang),
          to: last.year,
        })
      : `${s.label}: –`;
    if (withheld > 0) text += ` (${t(lang, 'describe.seriesWithheld', { count: withheld })})`;
    return text;
  });
  return t(lang, 'describe.series', {
    title,
    count: series.length,
    from: years[0],
    to: years[years.length - 1],
    details: `${items.join(' ; ')}.`,
  });
}

/** Nearest year to an x position (pointer and touch tooltips). */
export function nearestYear(years: number[], xs: number[], px: number): number | null {
  let best: number | null = null;
  let dist = Infinity;
  years.forEach((y, i) => {
    const d = Math.abs(xs[i] - px);
    if (d < dist) {
      dist = d;
      best = y;
    }
  });
  return best;
}
