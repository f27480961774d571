import ExcelJS from 'exceljs';
import { ETALAB_LICENCE, type Locale, type YearlySummary } from '@observatoire/schema';
import { escapeSpreadsheetText } from '@observatoire/formats';
import { T, breakdownRows, comparisonNotes, keyFigureRows, valueOf, withheldNote } from './table.js';

/**
 * The licence in a workbook's own properties (File > Info in Excel, document properties in LibreOffice): the
 * description and keywords name the Etalab Open Licence 2.0 and where it is published.
 */
export function workbookLicence(wb: ExcelJS.Workbook, title: string, lang: Locale): void {
  wb.creator = 'Observatoire';
  wb.title = title;
  wb.subject = T.observatory[lang];
  wb.description = `${lang === 'fr' ? 'Licence' : 'Licence'}: ${ETALAB_LICENCE.name}, ${ETALAB_LICENCE.url}`;
  wb.keywords = `licence ${ETALAB_LICENCE.spdx}; ${ETALAB_LICENCE.url}`;
  wb.company = 'Observatoire';
}

/** Excel forbids these in sheet names, and caps them at 31 characters. */
export function sheetName(name: string, used: Set<string>): string {
  let base = name
    .replace(/[[\]:*?/\\']/g, ' ')
    .slice(0, 31)
    .trim();
  let n = 2;
  while (used.has(base.toLowerCase())) base = `${name.slice(0, 27).trim()} (${n++})`;
  used.add(base.toLowerCase());
  return base;
}

/**
 * The yearly summary as a workbook: key figures, one sheet per breakdown, and a notes sheet (methodology, caveats,
 * disclosure rule, release). Numbers are numbers; withheld figures are empty with their reason beside them; every
 * text cell is formula-escaped.
 */
export async function summaryXlsx(
  summary: YearlySummary,
  lang: Locale,
  meta?: { releaseSlug?: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  workbookLicence(wb, `${T.title[lang]} ${summary.referenceYear}`, lang);
  wb.created = new Date(summary.generatedAt);
  const used = new Set<string>();
  const text = (s: string) => escapeSpreadsheetText(s);

  const key = wb.addWorksheet(sheetName(`${T.keyFigures[lang]} ${summary.referenceYear}`, used));
  key.addRow([text(T.indicator[lang]), text(T.value[lang]), text(T.note[lang])]).font = { bold: true };
  for (const k of keyFigureRows(summary, lang))
    key.addRow([text(k.label), valueOf(k.cell), text(withheldNote(k.cell, lang))]);
  key.columns = [{ width: 52 }, { width: 12 }, { width: 60 }];

  for (const b of summary.breakdowns) {
    const ws = wb.addWorksheet(sheetName(b.label[lang], used));
    ws.addRow([
      text(T.code[lang]),
      text(T.label[lang]),
      text(T.cases[lang]),
      text(T.share[lang]),
      text(T.note[lang]),
    ]).font = {
      bold: true,
    };
    for (const r of breakdownRows(b, lang)) {
      ws.addRow([
        text(r.code),
        text(r.label),
        valueOf(r.cell),
        valueOf(r.share),
        text(withheldNote(r.cell, lang) || (r.share ? withheldNote(r.share, lang) : '')),
      ]);
    }
    if (b.multiValued) ws.addRow([text(T.multiValued[lang])]);
    ws.columns = [{ width: 22 }, { width: 44 }, { width: 10 }, { width: 12 }, { width: 60 }];
  }

  const notes = wb.addWorksheet(sheetName(T.notes[lang], used));
  const rule = summary.disclosureRule;
  const lines: [string, string | number][] = [
    [T.referenceYear[lang], summary.referenceYear],
    [
      T.release[lang],
      meta?.releaseSlug ? `${meta.releaseSlug} (${summary.releaseId ?? ''})` : (summary.releaseId ?? ''),
    ],
    [T.releaseDate[lang], summary.generatedAt.slice(0, 10)],
    [T.associations[lang], summary.contributingAssociations],
    [
      T.rule[lang],
      lang === 'fr'
        ? `seuil ${rule.threshold}, plateformes ${rule.platformThreshold}, au moins ${rule.minAssociations} associations`
        : `threshold ${rule.threshold}, platforms ${rule.platformThreshold}, at least ${rule.minAssociations} associations`,
    ],
    ...comparisonNotes(summary, lang).map((n): [string, string] => [T.composition[lang], n]),
    [T.methodology[lang], summary.methodology[lang]],
    ...summary.caveats.map((c): [string, string] => [T.caveats[lang], c[lang]]),
  ];
  for (const [k, v] of lines) notes.addRow([text(k), typeof v === 'string' ? text(v) : v]);
  notes.columns = [{ width: 30 }, { width: 120 }];
  notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
