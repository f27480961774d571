import {
  AXIS_FONT_SIZE,
  CHART_FONT_FAMILY,
  PALETTE,
  legendLayout,
  wrapText,
  type BarChartGeometry,
  type LegendLayout,
} from '@observatoire/charts';
import { formatDate, t } from '$lib/i18n/index.js';
import { asideOf, barGeometry } from '../bars/bars.helpers.js';
import { releasePageUrl } from '../links.js';
import { noticeText } from '../notices.js';
import { SPECS, type ChartData } from '../specs.js';
import { keyMode, legendItems, timeGeometry, type TimeGeometry } from '../time-series/time-series.helpers.js';

export const EXPORT_WIDTH = 800;
/** Open Graph / Twitter preview: laid out at 800 × 420 and rasterised at 1.5× = 1200 × 630. */
export const OG_SIZE = { width: 800, height: 420, zoom: 1.5 };

const PAD = 24;
const TITLE_SIZE = 20;
const SUBTITLE_SIZE = 14;
const NOTE_SIZE = 11;

export interface ExportLayout {
  width: number;
  height: number;
  /**
   * A fixed-size image (Open Graph) whose content needs more height than it has is scaled down as a whole
   * (and centred), never cut: `scale` < 1 and `offsetX` > 0 then.
   */
  scale: number;
  offsetX: number;
  fontFamily: string;
  title: { lines: string[]; y: number; size: number };
  subtitle: { lines: string[]; y: number; size: number };
  demo: { lines: string[]; y: number; size: number } | null;
  /** The legend, laid out by @observatoire/charts like the PDF's, with how its keys are drawn. */
  legend: LegendLayout;
  legendMode: 'line' | 'area';
  chart: { kind: 'time'; y: number; layout: TimeGeometry } | { kind: 'bars'; y: number; geometry: BarChartGeometry };
  /** Errata and retractions of the release, above the notes. */
  notices: { lines: string[]; y: number; size: number };
  notes: { lines: string[]; y: number; size: number };
  source: { lines: string[]; y: number; size: number };
  withheldLabel: string;
  description: string;
}

function lineBlock(lines: string[], y: number, size: number) {
  return { lines, y, size, bottom: y + lines.length * size * 1.3 };
}

/**
 * The downloadable image: title, subtitle, legend, chart, notes and the source line with the release, all
 * inside the SVG so the image carries its provenance wherever it is reused. Every text block is wrapped
 * with the DejaVu metrics, so nothing overflows whatever font the viewer substitutes.
 * `fixedHeight` (Open Graph) squeezes the chart into the space left, and scales everything down when even that
 * is not enough (many series, withheld markers); otherwise the image grows to fit.
 */
export function exportLayout(
  data: ChartData,
  opts: { width?: number; fixedHeight?: number; url: string },
): ExportLayout {
  const width = opts.width ?? EXPORT_WIDTH;
  const lang = data.lang;
  const inner = width - 2 * PAD;
  const compact = opts.fixedHeight !== undefined;
  const title = lineBlock(wrapText(data.title, inner, TITLE_SIZE, true), PAD + TITLE_SIZE, TITLE_SIZE);
  const subtitle = lineBlock(wrapText(data.subtitle, inner, SUBTITLE_SIZE), title.bottom + 2, SUBTITLE_SIZE);
  let cursor = subtitle.bottom;
  const demo = data.release.demo
    ? lineBlock(wrapText(t(lang, 'demo.banner'), inner, NOTE_SIZE, true), cursor + 6 + NOTE_SIZE, NOTE_SIZE)
    : null;
  if (demo) cursor = demo.bottom;
  const sourceText = t(lang, 'chart.source', {
    collective: t(lang, 'site.collective'),
    release: data.release.slug,
    date: formatDate(data.release.publishedAt, lang),
  });
  const releaseUrl = releasePageUrl(URL.canParse(opts.url) ? new URL(opts.url).origin : '', lang, data.release.slug);
  const sourceLines = [
    ...wrapText(`${sourceText} ${opts.url}`, inner, NOTE_SIZE),
    ...wrapText(t(lang, 'chart.releaseLink', { url: releaseUrl }), inner, NOTE_SIZE),
  ];
  // Errata and retractions travel with the image, even the compact one (a retracted figure must say so).
  const noticeLines = data.notices.flatMap((n) => wrapText(noticeText(n, lang), inner, NOTE_SIZE));
  const noteLines = compact ? [] : data.notes.flatMap((n) => wrapText(n, inner, NOTE_SIZE));
  const footerHeight =
    (noticeLines.length + noteLines.length + sourceLines.length) * NOTE_SIZE * 1.3 +
    (noteLines.length ? 10 : 0) +
    (noticeLines.length ? 10 : 0) +
    PAD;

  let legend: LegendLayout = { items: [], headings: [], height: 0 };
  let chart: ExportLayout['chart'];
  if (data.kind === 'time') {
    legend = legendLayout(legendItems(data.series), { x: PAD, y: cursor + 8, width: inner, fontSize: AXIS_FONT_SIZE });
    cursor += 8 + legend.height + 4;
    const height = compact
      ? Math.max(200, (opts.fixedHeight as number) - cursor - footerHeight)
      : Math.round(Math.min(420, width * 0.5));
    // End labels would repeat the legend: the export always has the legend.
    const margin = { right: PAD + 8, left: PAD };
    const layout = timeGeometry(data.series, data.filters.view, width, lang, {
      height,
      margin,
      endLabels: false,
      base: data.base,
      annotations: data.annotations,
    });
    chart = { kind: 'time', y: cursor, layout };
    cursor += layout.height;
  } else {
    const aside = asideOf(SPECS[data.id], lang);
    // Room the categories shown apart take beyond their rows (rule and heading).
    const asideExtra = aside && data.rows.some((r) => aside.keys.includes(r.key)) ? 48 : 0;
    const rowHeight = compact
      ? Math.max(
          16,
          Math.min(
            28,
            ((opts.fixedHeight as number) - cursor - footerHeight - 40 - asideExtra) / Math.max(1, data.rows.length),
          ),
        )
      : 28;
    const geometry = barGeometry(data.rows, width - PAD - 12, lang, { colour: PALETTE[0], rowHeight, aside });
    chart = { kind: 'bars', y: cursor + 8, geometry };
    cursor += geometry.height + 8;
  }
  const notices = lineBlock(noticeLines, cursor + 12, NOTE_SIZE);
  if (noticeLines.length) cursor = notices.bottom;
  const notes = lineBlock(noteLines, cursor + 12, NOTE_SIZE);
  const source = lineBlock(sourceLines, (noteLines.length ? notes.bottom : cursor) + 12, NOTE_SIZE);
  const natural = Math.ceil(source.bottom + PAD / 2);
  const height = compact ? (opts.fixedHeight as number) : natural;
  const scale = Math.min(1, height / natural);
  return {
    width,
    height,
    scale,
    offsetX: (width * (1 - scale)) / 2,
    fontFamily: CHART_FONT_FAMILY,
    title,
    subtitle,
    demo: demo && { lines: demo.lines, y: demo.y, size: demo.size },
    legend,
    legendMode: keyMode(data.filters.view),
    chart,
    notices: { lines: notices.lines, y: notices.y, size: notices.size },
    notes,
    source,
    withheldLabel: t(lang, data.kind === 'time' ? 'chart.withheldLong' : 'chart.withheld'),
    description: '',
  };
}
