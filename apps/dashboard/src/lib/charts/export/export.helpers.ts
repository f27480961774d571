import {
  AXIS_FONT_SIZE,
  CHART_FONT_FAMILY,
  PALETTE,
  measureText,
  truncateText,
  wrapText,
  type BarChartGeometry,
} from '@observatoire/charts';
import { formatDate, t } from '$lib/i18n/index.js';
import { barGeometry } from '../bars/bars.helpers.js';
import type { ChartData } from '../specs.js';
import { legendItems, timeGeometry, type TimeGeometry } from '../time-series/time-series.helpers.js';

export const EXPORT_WIDTH = 800;
/** Open Graph / Twitter preview: laid out at 800 × 420 and rasterised at 1.5× = 1200 × 630. */
export const OG_SIZE = { width: 800, height: 420, zoom: 1.5 };

const PAD = 24;
const TITLE_SIZE = 20;
const SUBTITLE_SIZE = 14;
const NOTE_SIZE = 11;
const LEGEND_SWATCH = 12;

export interface LegendItem {
  key: string;
  label: string;
  colour: string;
  dash: string | null;
  x: number;
  y: number;
}

export interface ExportLayout {
  width: number;
  height: number;
  fontFamily: string;
  title: { lines: string[]; y: number; size: number };
  subtitle: { lines: string[]; y: number; size: number };
  demo: { text: string; y: number } | null;
  legend: LegendItem[];
  chart: { kind: 'time'; y: number; layout: TimeGeometry } | { kind: 'bars'; y: number; geometry: BarChartGeometry };
  notes: { lines: string[]; y: number; size: number };
  source: { lines: string[]; y: number; size: number };
  withheldLabel: string;
  description: string;
}

function lineBlock(lines: string[], y: number, size: number) {
  return { lines, y, size, bottom: y + lines.length * size * 1.3 };
}

/** Lays a legend out in rows, measuring each label so none runs past the right edge. */
export function legendLayout(
  items: { key: string; label: string; colour: string; dash: string | null }[],
  top: number,
  width: number,
): { items: LegendItem[]; bottom: number } {
  const out: LegendItem[] = [];
  let x = PAD;
  let y = top;
  const maxLabel = width - 2 * PAD - LEGEND_SWATCH - 6;
  for (const item of items) {
    const label = truncateText(item.label, maxLabel, AXIS_FONT_SIZE);
    const w = LEGEND_SWATCH + 12 + measureText(label, AXIS_FONT_SIZE) + 16;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      y += 20;
    }
    out.push({ key: item.key, label, colour: item.colour, dash: item.dash, x, y });
    x += w;
  }
  return { items: out, bottom: items.length ? y + 20 : top };
}

/**
 * The downloadable image: title, subtitle, legend, chart, notes and the source line with the release, all
 * inside the SVG so the image carries its provenance wherever it is reused. Every text block is wrapped
 * with the DejaVu metrics, so nothing overflows whatever font the viewer substitutes.
 * `fixedHeight` (Open Graph) squeezes the chart into the space left; otherwise the image grows to fit.
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
  const demo = data.release.demo ? { text: t(lang, 'demo.banner'), y: cursor + 6 } : null;
  if (demo) {
    demo.text = truncateText(demo.text, inner, NOTE_SIZE, true);
    cursor += 22;
  }
  const sourceText = t(lang, 'chart.source', {
    collective: t(lang, 'site.collective'),
    release: data.release.slug,
    date: formatDate(data.release.publishedAt, lang),
  });
  const sourceLines = wrapText(`${sourceText} ${opts.url}`, inner, NOTE_SIZE);
  const noteLines = compact ? [] : data.notes.flatMap((n) => wrapText(n, inner, NOTE_SIZE));
  const footerHeight = (noteLines.length + sourceLines.length) * NOTE_SIZE * 1.3 + (noteLines.length ? 10 : 0) + PAD;

  let legend: LegendItem[] = [];
  let chart: ExportLayout['chart'];
  if (data.kind === 'time') {
    const leg = legendLayout(legendItems(data.series, data.filters.view), cursor + 14, width);
    legend = leg.items;
    cursor = leg.bottom;
    const height = compact
      ? Math.max(120, (opts.fixedHeight as number) - cursor - footerHeight)
      : Math.round(Math.min(420, width * 0.5));
    // End labels would repeat the legend: the export always has the legend.
    const layout = timeGeometry(data.series, data.filters.view, width, lang, height, { right: PAD + 8, left: PAD });
    if (layout.view === 'lines') for (const l of layout.geometry.lines) l.endLabel = null;
    chart = { kind: 'time', y: cursor, layout };
    cursor += layout.geometry.height;
  } else {
    const rowHeight = compact
      ? Math.max(
          12,
          Math.min(28, ((opts.fixedHeight as number) - cursor - footerHeight - 40) / Math.max(1, data.rows.length)),
        )
      : 28;
    const geometry = barGeometry(data.rows, width - PAD, lang, PALETTE[0], rowHeight);
    chart = { kind: 'bars', y: cursor + 8, geometry };
    cursor += geometry.height + 8;
  }
  const notes = lineBlock(noteLines, cursor + 12, NOTE_SIZE);
  const source = lineBlock(sourceLines, (noteLines.length ? notes.bottom : cursor) + 12, NOTE_SIZE);
  const height = compact ? (opts.fixedHeight as number) : Math.ceil(source.bottom + PAD / 2);
  return {
    width,
    height,
    fontFamily: CHART_FONT_FAMILY,
    title,
    subtitle,
    demo,
    legend,
    chart,
    notes,
    source,
    withheldLabel: t(lang, data.kind === 'time' ? 'chart.withheldLong' : 'chart.withheld'),
    description: '',
  };
}
