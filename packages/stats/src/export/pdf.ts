import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { config } from '@observatoire/config';
import {
  GRID,
  INK,
  MUTED_INK,
  PALETTE,
  WITHHELD_COLOUR,
  dashArray,
  annotationLayer,
  formatNumber,
  formatPercent,
  horizontalBars,
  legendLayout,
  lineChart,
  markerPath,
  measureText,
  seriesStyle,
  type AnnotationLayer,
  type Cell,
  type BarChartGeometry,
  type ChartAnnotation,
  type ChartSeries,
  type SeriesStyle,
} from '@observatoire/charts';
import {
  ETALAB_LICENCE,
  type AggregateCell,
  type Breakdown,
  type Locale,
  type SeriesSet,
  type YearlySummary,
} from '@observatoire/schema';
import { T, comparisonNotes, keyFigureRows, valueOf } from './table.js';

/**
 * Debian's fonts-dejavu-core (folder: OBSERVATOIRE_FONT_DIR): full Latin coverage (é, ’, « », U+202F) and the face
 * the chart text is measured in; PDFKit's Helvetica, with a warning, where they are missing.
 */
function registerFonts(doc: PDFKit.PDFDocument, warn: (message: string) => void): { regular: string; bold: string } {
  const dir = config().OBSERVATOIRE_FONT_DIR;
  const regular = `${dir}/DejaVuSans.ttf`;
  const bold = `${dir}/DejaVuSans-Bold.ttf`;
  if (!existsSync(regular) || !existsSync(bold)) {
    warn(
      `DejaVu fonts not found in ${dir} (install fonts-dejavu-core): falling back to Helvetica, some characters may be missing`,
    );
    return { regular: 'Helvetica', bold: 'Helvetica-Bold' };
  }
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  return { regular: 'body', bold: 'bold' };
}

export interface SummaryPdfOptions {
  /** Cases and online cases over the release's years, drawn as the trend chart (from getSeries). */
  series?: SeriesSet;
  releaseSlug?: string;
  releaseTitle?: { fr: string; en: string };
  /** The release's annotations, drawn on the trend chart above the years they mark. */
  annotations?: { year: number; text: { fr: string; en: string } }[];
  /** The release's public page (notes, associations, what changed, errata), printed under the release line. */
  releasePageUrl?: string;
  demo?: boolean;
  /** Where to report a missing font (default console.warn). */
  warn?: (message: string) => void;
}

/** What the charts write for a withheld value (the dashboard's words): "non publié", then why. */
export const CHART_WITHHELD: Record<Locale, string> = { fr: 'non publié', en: 'not published' };
const WITHHELD_REASONS: Record<string, Record<Locale, string>> = {
  below_threshold: { fr: 'trop peu de personnes', en: 'too few people' },
  below_platform_threshold: { fr: 'trop peu de personnes', en: 'too few people' },
  too_few_associations: { fr: 'trop peu d’associations', en: 'too few associations' },
  secondary: { fr: 'protège un autre chiffre', en: 'protects another figure' },
  derived_from_suppressed: { fr: 'calculé d’un chiffre non publié', en: 'computed from an unpublished figure' },
};

/** "non publié : trop peu de personnes" / "not published: too few people"; the word alone for an unknown reason. */
export function chartWithheldText(cell: { reason?: string }, lang: Locale): string {
  const why = cell.reason ? WITHHELD_REASONS[cell.reason]?.[lang] : undefined;
  if (!why) return CHART_WITHHELD[lang];
  return lang === 'fr' ? `${CHART_WITHHELD.fr} : ${why}` : `${CHART_WITHHELD.en}: ${why}`;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - 2 * MARGIN;

const fmtCell = (cell: AggregateCell | null | undefined, lang: Locale, percent = false): string => {
  const v = valueOf(cell);
  if (v === null) return T.withheld[lang];
  return percent ? formatPercent(v / 100, lang) : formatNumber(v, lang);
};

/**
 * The yearly summary as a PDF for policymakers, French or English: cover with key figures, the main charts (drawn
 * from @observatoire/charts geometry, the same as the dashboard's), the tables, the methodology and disclosure
 * note, and the release id and date on every page. Withheld figures read "masqué"/"withheld", never 0.
 */
export async function summaryPdf(
  summary: YearlySummary,
  lang: Locale,
  options: SummaryPdfOptions = {},
): Promise<Buffer> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const created = new Date(summary.generatedAt);
  const doc = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: lang === 'fr' ? 'fr-FR' : 'en-GB',
    info: {
      Title: `${T.title[lang]} ${summary.referenceYear}`,
      Author: 'Observatoire',
      Subject: T.observatory[lang],
      // The licence in the file's own metadata (issue 14), where every PDF reader shows the keywords.
      Keywords: `licence ${ETALAB_LICENCE.spdx}, ${ETALAB_LICENCE.name}, ${ETALAB_LICENCE.url}`,
      CreationDate: created,
      ModDate: created,
    },
  });
  const { regular, bold } = registerFonts(doc, warn);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const releaseLine = `${T.release[lang]} ${options.releaseSlug ?? ''} · ${summary.releaseId ?? ''} · ${T.releaseDate[lang].toLowerCase()} ${summary.generatedAt.slice(0, 10)}`;

  // Cover and key figures.
  doc.font(bold).fontSize(11).fillColor(MUTED_INK).text(T.observatory[lang].toUpperCase(), { characterSpacing: 0.5 });
  doc.moveDown(2);
  doc.font(bold).fontSize(30).fillColor(INK).text(`${T.title[lang]} ${summary.referenceYear}`);
  if (options.releaseTitle) doc.font(regular).fontSize(14).fillColor(MUTED_INK).text(options.releaseTitle[lang]);
  doc.moveDown(0.5);
  doc.font(regular).fontSize(9).fillColor(MUTED_INK).text(releaseLine);
  if (options.releasePageUrl) {
    const about = lang === 'fr' ? 'À propos de cette publication :' : 'About this release:';
    doc.font(regular).fontSize(9).fillColor(MUTED_INK).text(`${about} ${options.releasePageUrl}`);
  }
  if (options.demo) {
    doc.moveDown(0.5);
    doc
      .font(bold)
      .fontSize(11)
      .fillColor('#a33')
      .text(lang === 'fr' ? 'Données fictives de démonstration' : 'Fictional demo data');
  }
  doc.moveDown(2);
  doc.font(bold).fontSize(16).fillColor(INK).text(T.keyFigures[lang]);
  doc.moveDown(0.5);
  const keyRows = [
    ...keyFigureRows(summary, lang).map((k) => ({
      label: k.label,
      text: fmtCell(k.cell, lang, k.cell === summary.onlineShare),
    })),
    { label: T.associations[lang], text: formatNumber(summary.contributingAssociations, lang) },
  ];
  for (const k of keyRows) {
    const y = doc.y;
    doc.font(bold).fontSize(20).fillColor(INK).text(k.text, MARGIN, y, { width: 150, align: 'right' });
    doc
      .font(regular)
      .fontSize(11)
      .fillColor(INK)
      .text(k.label, MARGIN + 165, y + 6, { width: WIDTH - 165 });
    doc.y = Math.max(doc.y, y + 28);
    doc.moveDown(0.3);
  }
  doc.moveDown(0.5);
  for (const note of comparisonNotes(summary, lang)) {
    doc.font(regular).fontSize(10).fillColor(INK).text(note, MARGIN, doc.y, { width: WIDTH });
    doc.moveDown(0.3);
  }
  doc.moveDown(0.5);
  doc
    .font(regular)
    .fontSize(9)
    .fillColor(MUTED_INK)
    .text(summary.caveats.map((c) => c[lang]).join(' '), MARGIN, doc.y, { width: WIDTH });

  // Charts.
  doc.addPage();
  if (options.series) {
    const wanted = new Map([
      ['cases', T.totalCases[lang]],
      ['recruitmentChannelGroup:online', T.onlineCases[lang]],
    ]);
    const chartSeries: ChartSeries[] = options.series.series
      .filter((s) => wanted.has(s.key))
      .map((s) => ({
        key: s.key,
        label: wanted.get(s.key)!,
        points: s.points.map((p) => ({ year: p.year, cell: p.cell as Cell })),
      }));
    heading(doc, bold, lang === 'fr' ? 'Évolution par année de référence' : 'Trend by reference year');
    const notes = (options.annotations ?? []).map((a) => ({ year: a.year, label: a.text[lang] }));
    drawLines(doc, chartSeries, lang, regular, notes);
  }
  const byDim = new Map(summary.breakdowns.map((b) => [b.dimension, b]));
  for (const dim of ['recruitmentChannelGroup', 'recruitmentChannel', 'exploitationType'] as const) {
    const b = byDim.get(dim);
    if (!b) continue;
    // Every category, withheld ones included (drawn as withheld, as on the dashboard): dropping one would hide
    // that it exists and read as a zero.
    const rows = b.items.map((i) => ({ key: i.code, label: i.label[lang], cell: i.cell as Cell }));
    // The three channel groups keep their colours; other breakdowns are one measure, one colour (as on the site).
    const colour = dim === 'recruitmentChannelGroup' ? undefined : PALETTE[0];
    const geometry = horizontalBars({
      rows,
      width: WIDTH,
      locale: lang,
      rowHeight: 18,
      fontSize: CHART_FONT,
      colour,
      withheldLabel: CHART_WITHHELD[lang],
      withheldText: (cell) => chartWithheldText(cell, lang),
    });
    if (doc.y + 30 + geometry.height > A4[1] - MARGIN - 20) doc.addPage();
    heading(doc, bold, `${b.label[lang]} (${summary.referenceYear})`);
    drawBars(doc, geometry, regular);
  }

  // Tables.
  doc.addPage();
  for (const b of summary.breakdowns) drawTable(doc, b, lang, regular, bold);

  // Methodology and disclosure note.
  doc.addPage();
  heading(doc, bold, T.methodology[lang]);
  doc.font(regular).fontSize(10).fillColor(INK).text(summary.methodology[lang], { width: WIDTH, align: 'justify' });
  doc.moveDown();
  const rule = summary.disclosureRule;
  doc
    .font(bold)
    .fontSize(10)
    .text(`${T.rule[lang]} : `, { continued: true })
    .font(regular)
    .text(
      lang === 'fr'
        ? `seuil ${rule.threshold}, ${rule.platformThreshold} pour les plateformes, au moins ${rule.minAssociations} associations par chiffre publié.`
        : `threshold ${rule.threshold}, ${rule.platformThreshold} for platforms, at least ${rule.minAssociations} associations behind each published figure.`,
    );
  doc.moveDown();
  heading(doc, bold, T.caveats[lang]);
  for (const c of summary.caveats) doc.font(regular).fontSize(10).text(`• ${c[lang]}`, { width: WIDTH });
  doc.moveDown();
  doc.font(regular).fontSize(9).fillColor(MUTED_INK).text(releaseLine);
  if (options.releasePageUrl) {
    const about = lang === 'fr' ? 'À propos de cette publication :' : 'About this release:';
    doc.font(regular).fontSize(9).fillColor(MUTED_INK).text(`${about} ${options.releasePageUrl}`);
  }

  drawFooters(doc, regular, releaseLine);
  doc.end();
  return done;
}

/** Footer on every page: release and page number (so a printed page can be traced back to its release). */
function drawFooters(doc: PDFKit.PDFDocument, regular: string, releaseLine: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(regular)
      .fontSize(7.5)
      .fillColor(MUTED_INK)
      .text(`${releaseLine} · ${i + 1}/${range.count}`, MARGIN, A4[1] - 32, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

function heading(doc: PDFKit.PDFDocument, bold: string, text: string): void {
  doc.font(bold).fontSize(13).fillColor(INK).text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.4);
}

/** Text size of the charts in the PDF (points); their geometry is measured at this size. */
const CHART_FONT = 8;

/**
 * Writes `text` the way the dashboard's SVG does: vertically centred on `y` (baseline 0.32 em below), anchored
 * at its start, middle or end. Widths come from the DejaVu metrics the geometry was laid out with.
 */
function textAt(
  doc: PDFKit.PDFDocument,
  font: string,
  size: number,
  colour: string,
  text: string,
  x: number,
  y: number,
  anchor: 'start' | 'middle' | 'end' = 'start',
): void {
  const w = measureText(text, size);
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  doc
    .font(font)
    .fontSize(size)
    .fillColor(colour)
    .text(text, left, y + 0.32 * size, { lineBreak: false, baseline: 'alphabetic' });
}

/** Diagonal hatching (the withheld pattern) inside the current path, which `shape` draws. */
function hatched(
  doc: PDFKit.PDFDocument,
  shape: () => void,
  box: { x: number; y: number; w: number; h: number },
): void {
  doc.save();
  shape();
  doc.clip();
  doc.rect(box.x, box.y, box.w, box.h).fillColor('#ffffff').fill();
  for (let d = -box.h; d < box.w + box.h; d += 4) {
    doc
      .moveTo(box.x + d, box.y + box.h)
      .lineTo(box.x + d + box.h, box.y)
      .lineWidth(1)
      .strokeColor('#767676')
      .stroke();
  }
  doc.restore();
}

/** A series marker centred on (x, y): filled in its colour, or hatched for a withheld cell. */
function marker(
  doc: PDFKit.PDFDocument,
  style: SeriesStyle,
  x: number,
  y: number,
  size: number,
  withheld = false,
): void {
  const d = markerPath(style.marker, size);
  if (withheld) {
    hatched(doc, () => doc.translate(x, y).path(d), { x: -size, y: -size, w: 2 * size, h: 2 * size });
    doc.save().translate(x, y).path(d).lineWidth(1).strokeColor(style.colour).stroke().restore();
    return;
  }
  doc.save().translate(x, y).path(d).fillColor(style.colour).fill().restore();
}

/** A line with the series' dash pattern. */
function strokeStyled(doc: PDFKit.PDFDocument, style: SeriesStyle, width: number): void {
  doc.lineWidth(width).strokeColor(style.colour);
  const dash = dashArray(style.dash);
  // pdfkit's dash() takes an array of lengths (multi-part patterns); @types/pdfkit still declares one number.
  if (dash.length) doc.dash(dash as unknown as number, {});
  doc.stroke().undash();
}

/**
 * The dashboard's line chart geometry, drawn with pdfkit (1 px of the geometry = 1 pt): each series in its colour,
 * dash and marker, direct labels wrapped beside the lines, withheld cells as hatched markers under the axis, and a
 * legend (the same layout as the exported images) whose keys repeat the drawn marks.
 */
function drawLines(
  doc: PDFKit.PDFDocument,
  series: ChartSeries[],
  lang: Locale,
  font: string,
  annotations: ChartAnnotation[] = [],
): void {
  const fs = CHART_FONT;
  const legend = legendLayout(
    series.map((s, i) => ({ key: s.key, label: s.label, style: seriesStyle(i, s.key) })),
    { x: 0, y: 0, width: WIDTH, fontSize: fs },
  );
  const g = lineChart({
    series,
    width: WIDTH,
    height: 200,
    locale: lang,
    endLabels: true,
    fontSize: fs,
    withheldLabel: CHART_WITHHELD[lang],
  });
  const notes = annotationLayer(g, annotations);
  const oy = doc.y;
  doc.save().translate(MARGIN, oy);
  for (const item of legend.items) {
    const y = item.lineYs[0];
    doc.moveTo(item.x, y).lineTo(item.x + 15, y);
    strokeStyled(doc, item.style, 2);
    marker(doc, item.style, item.x + 7.5, y, g.markerSize);
    item.lines.forEach((line, j) => textAt(doc, font, fs, INK, line, item.textX, item.lineYs[j]));
  }
  doc.translate(0, legend.height + 6 + notes.offset);
  drawAnnotations(doc, notes, font);
  for (const t of g.yTicks) {
    doc
      .moveTo(g.plot.x, t.position)
      .lineTo(g.plot.x + g.plot.width, t.position)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
    textAt(doc, font, fs, MUTED_INK, t.label, g.plot.x - 6, t.position, 'end');
  }
  for (const t of g.xTicks) textAt(doc, font, fs, MUTED_INK, t.label, t.position, g.xTickY, 'middle');
  const bottom = g.plot.y + g.plot.height;
  doc
    .moveTo(g.plot.x, bottom)
    .lineTo(g.plot.x + g.plot.width, bottom)
    .lineWidth(0.75)
    .strokeColor(INK)
    .stroke();
  for (const l of g.lines) {
    if (l.d) {
      doc.path(l.d);
      strokeStyled(doc, l.style, 2);
    }
    for (const p of l.points) if (p.y !== null) marker(doc, l.style, p.x, p.y, g.markerSize);
    const e = l.endLabel;
    if (e) {
      doc
        .moveTo(e.leader.x1, e.leader.y1)
        .lineTo(e.leader.x2, e.leader.y2)
        .lineWidth(0.75)
        .strokeColor(l.colour)
        .stroke();
      marker(doc, l.style, e.markerX, e.lineYs[0], g.markerSize);
      e.lines.forEach((line, j) => textAt(doc, font, fs, INK, line, e.textX, e.lineYs[j]));
    }
  }
  if (g.withheldRow) {
    textAt(doc, font, fs, MUTED_INK, g.withheldRow.label, g.withheldRow.labelX, g.withheldRow.labelY, 'end');
    for (const w of g.withheld) marker(doc, w.style, w.x, w.y, g.withheldSize, true);
  }
  doc.restore();
  doc.x = MARGIN;
  doc.y = oy + legend.height + 6 + notes.offset + g.height + 8;
}

/** The release's annotations, from the same geometry as the dashboard's: dashed rules, labels and leaders above. */
function drawAnnotations(doc: PDFKit.PDFDocument, layer: AnnotationLayer, font: string): void {
  const fs = layer.fontSize;
  for (const r of layer.rules) {
    doc
      .moveTo(r.x, r.y1)
      .lineTo(r.x, r.y2)
      .lineWidth(0.75)
      .strokeColor(MUTED_INK)
      .dash(3, { space: 2 })
      .stroke()
      .undash();
  }
  for (const l of layer.labels) {
    doc
      .moveTo(l.leader.x1, l.leader.y1)
      .lineTo(l.leader.x2, l.leader.y2)
      .lineWidth(0.75)
      .strokeColor(MUTED_INK)
      .stroke();
    l.lines.forEach((line, j) => textAt(doc, font, fs, MUTED_INK, line, l.x, l.lineYs[j], 'middle'));
  }
  if (layer.key)
    layer.key.lines.forEach((line, j) => textAt(doc, font, fs, MUTED_INK, line, layer.key!.x, layer.key!.lineYs[j]));
}

/**
 * The dashboard's horizontal bar geometry: labels wrapped whole, a withheld category as the same hatched
 * placeholder, word and reason as on the site (never a bar, never left out).
 */
function drawBars(doc: PDFKit.PDFDocument, g: BarChartGeometry, font: string): void {
  const fs = g.fontSize;
  const oy = doc.y;
  doc.save().translate(MARGIN, oy);
  for (const t of g.xTicks) {
    doc
      .moveTo(t.position, g.plot.y)
      .lineTo(t.position, g.plot.y + g.plot.height)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
    textAt(doc, font, fs, MUTED_INK, t.label, t.position, g.xTickY, 'middle');
  }
  for (const b of [...g.bars, ...(g.aside?.bars ?? [])]) {
    b.labelLines.forEach((line, j) => textAt(doc, font, fs, INK, line, b.labelX, b.labelYs[j], 'end'));
    if (b.placeholder) {
      const p = b.placeholder;
      hatched(doc, () => doc.rect(p.x, p.y, p.size, p.size), { x: p.x, y: p.y, w: p.size, h: p.size });
      doc
        .rect(p.x, p.y, p.size, p.size)
        .lineWidth(0.5)
        .dash(1.5, { space: 1.5 })
        .strokeColor(WITHHELD_COLOUR)
        .stroke()
        .undash();
      b.withheldLines.forEach((line, j) => textAt(doc, font, fs, INK, line, b.valueX, b.withheldYs[j]));
    } else {
      if (b.width > 0) doc.rect(b.x, b.y, b.width, b.height).fillColor(b.colour).fill();
      textAt(doc, font, fs, INK, b.valueLabel, b.valueX, b.textY);
    }
  }
  doc
    .moveTo(g.plot.x, g.plot.y)
    .lineTo(g.plot.x, g.plot.y + g.plot.height)
    .lineWidth(0.75)
    .strokeColor(INK)
    .stroke();
  doc.restore();
  doc.x = MARGIN;
  doc.y = oy + g.height + 10;
}

function drawTable(doc: PDFKit.PDFDocument, b: Breakdown, lang: Locale, regular: string, bold: string): void {
  const rowH = 14;
  const need = 40 + (b.items.length + 2) * rowH;
  if (doc.y + Math.min(need, 200) > A4[1] - MARGIN - 20) doc.addPage();
  heading(doc, bold, b.label[lang]);
  const cols = [MARGIN, MARGIN + 290, MARGIN + 380];
  const line = (label: string, cases: string, share: string, font: string) => {
    if (doc.y + rowH > A4[1] - MARGIN - 20) doc.addPage();
    const y = doc.y;
    doc.font(font).fontSize(9).fillColor(INK);
    doc.text(label, cols[0], y, { width: 280, lineBreak: false, ellipsis: true });
    doc.text(cases, cols[1], y, { width: 80, align: 'right', lineBreak: false });
    doc.text(share, cols[2], y, { width: 80, align: 'right', lineBreak: false });
    doc.x = MARGIN;
    doc.y = y + rowH;
  };
  line(T.label[lang], T.cases[lang], T.share[lang], bold);
  line(T.totalCases[lang], fmtCell(b.total, lang), '', bold);
  for (const i of b.items)
    line(i.label[lang], fmtCell(i.cell, lang), i.share ? fmtCell(i.share, lang, true) : '', regular);
  if (b.multiValued) {
    doc
      .font(regular)
      .fontSize(7.5)
      .fillColor(MUTED_INK)
      .text(T.multiValued[lang], MARGIN, doc.y + 2, { width: WIDTH });
  }
  doc.moveDown(1);
}
