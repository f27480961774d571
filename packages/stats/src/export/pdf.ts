import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import {
  AXIS_FONT_SIZE,
  GRID,
  INK,
  MUTED_INK,
  WITHHELD_COLOUR,
  formatNumber,
  formatPercent,
  horizontalBars,
  lineChart,
  type Cell,
  type ChartSeries,
} from '@observatoire/charts';
import type { AggregateCell, Breakdown, Locale, SeriesSet, YearlySummary } from '@observatoire/schema';
import { T, keyFigureRows, valueOf } from './table.js';

/** Debian's fonts-dejavu-core: full Latin coverage (é, ’, « », U+202F) and the face the chart text is measured in. */
const FONT_DIR = process.env.OBSERVATOIRE_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';
const REGULAR = `${FONT_DIR}/DejaVuSans.ttf`;
const BOLD = `${FONT_DIR}/DejaVuSans-Bold.ttf`;

export interface SummaryPdfOptions {
  /** Cases and online cases over the release's years, drawn as the trend chart (from getSeries). */
  series?: SeriesSet;
  releaseSlug?: string;
  releaseTitle?: { fr: string; en: string };
  demo?: boolean;
  /** Where to report a missing font (default console.warn). */
  warn?: (message: string) => void;
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
      CreationDate: created,
      ModDate: created,
    },
  });
  let regular = 'Helvetica';
  let bold = 'Helvetica-Bold';
  if (existsSync(REGULAR) && existsSync(BOLD)) {
    doc.registerFont('body', REGULAR);
    doc.registerFont('bold', BOLD);
    regular = 'body';
    bold = 'bold';
  } else {
    warn(
      `DejaVu fonts not found in ${FONT_DIR} (install fonts-dejavu-core): falling back to Helvetica, some characters may be missing`,
    );
  }
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
  doc.moveDown(1);
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
    drawLines(doc, chartSeries, lang, regular);
  }
  const byDim = new Map(summary.breakdowns.map((b) => [b.dimension, b]));
  for (const dim of ['recruitmentChannelGroup', 'recruitmentChannel', 'exploitationType'] as const) {
    const b = byDim.get(dim);
    if (!b) continue;
    const rows = b.items.filter(
      (i) => dim !== 'recruitmentChannel' || valueOf(i.cell) !== null || i.code === 'unknown',
    );
    const height = 40 + rows.length * 18;
    if (doc.y + height > A4[1] - MARGIN - 20) doc.addPage();
    heading(doc, bold, `${b.label[lang]} (${summary.referenceYear})`);
    drawBars(
      doc,
      rows.map((i) => ({ key: i.code, label: i.label[lang], cell: i.cell as Cell })),
      lang,
      regular,
    );
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

  // Footer on every page: release and page number (so a printed page can be traced back to its release).
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
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, bold: string, text: string): void {
  doc.font(bold).fontSize(13).fillColor(INK).text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.4);
}

/** The dashboard's line chart geometry, drawn with pdfkit (1 px of the geometry = 1 pt). */
function drawLines(doc: PDFKit.PDFDocument, series: ChartSeries[], lang: Locale, font: string): void {
  const g = lineChart({ series, width: WIDTH, height: 200, locale: lang, endLabels: true });
  const ox = MARGIN;
  const oy = doc.y;
  doc.save().translate(ox, oy);
  for (const t of g.yTicks) {
    doc
      .moveTo(g.plot.x, t.position)
      .lineTo(g.plot.x + g.plot.width, t.position)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
    doc
      .font(font)
      .fontSize(AXIS_FONT_SIZE * 0.7)
      .fillColor(MUTED_INK)
      .text(t.label, 0, t.position - 4, { width: g.plot.x - 4, align: 'right', lineBreak: false });
  }
  for (const t of g.xTicks) {
    doc
      .font(font)
      .fontSize(AXIS_FONT_SIZE * 0.7)
      .fillColor(MUTED_INK)
      .text(t.label, t.position - 20, g.plot.y + g.plot.height + 6, { width: 40, align: 'center', lineBreak: false });
  }
  for (const l of g.lines) {
    if (l.d) {
      doc.path(l.d).lineWidth(2).strokeColor(l.colour);
      if (l.dash) doc.dash(3, { space: 3 });
      doc.stroke().undash();
    }
    for (const p of l.points) if (p.y !== null) doc.circle(p.x, p.y, 2.5).fillColor(l.colour).fill();
    if (l.endLabel) {
      doc
        .font(font)
        .fontSize(8)
        .fillColor(l.colour)
        .text(l.endLabel.text, l.endLabel.x + 4, l.endLabel.y - 4, { lineBreak: false });
    }
  }
  for (const w of g.withheld) {
    doc
      .rect(w.x - 3, w.y - 3, 6, 6)
      .lineWidth(1)
      .strokeColor(WITHHELD_COLOUR)
      .stroke();
  }
  doc.restore();
  doc.y = oy + g.height + 8;
  // Legend (also the accessible text of the chart).
  for (const l of g.lines) {
    const y = doc.y;
    doc
      .rect(MARGIN, y + 3, 10, 3)
      .fillColor(l.colour)
      .fill();
    doc
      .font(font)
      .fontSize(8)
      .fillColor(INK)
      .text(l.label, MARGIN + 14, y, { width: WIDTH - 14 });
  }
  doc.moveDown(1);
}

/** The dashboard's horizontal bar geometry; a withheld bar is an outlined, labelled band, never a zero bar. */
function drawBars(
  doc: PDFKit.PDFDocument,
  rows: { key: string; label: string; cell: Cell }[],
  lang: Locale,
  font: string,
): void {
  const g = horizontalBars({ rows, width: WIDTH, locale: lang, rowHeight: 18 });
  const oy = doc.y;
  doc.save().translate(MARGIN, oy);
  for (const t of g.xTicks) {
    doc
      .moveTo(t.position, g.plot.y)
      .lineTo(t.position, g.plot.y + g.plot.height)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
    doc
      .font(font)
      .fontSize(7)
      .fillColor(MUTED_INK)
      .text(t.label, t.position - 20, g.plot.y + g.plot.height + 3, { width: 40, align: 'center', lineBreak: false });
  }
  for (const b of g.bars) {
    doc
      .font(font)
      .fontSize(8)
      .fillColor(INK)
      .text(b.shownLabel, 0, b.textY - 4, { width: b.labelX, align: 'right', lineBreak: false });
    if (b.withheld) {
      doc
        .rect(b.x, b.y, b.width, b.height)
        .lineWidth(0.5)
        .dash(2, { space: 2 })
        .strokeColor(WITHHELD_COLOUR)
        .stroke()
        .undash();
      doc
        .font(font)
        .fontSize(7.5)
        .fillColor(WITHHELD_COLOUR)
        .text(T.withheld[lang], b.valueX, b.textY - 4, { lineBreak: false });
    } else {
      doc.rect(b.x, b.y, Math.max(0.5, b.width), b.height).fillColor(b.colour).fill();
      doc
        .font(font)
        .fontSize(8)
        .fillColor(INK)
        .text(b.valueLabel, b.valueX, b.textY - 4, { lineBreak: false });
    }
  }
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
