import ExcelJS from 'exceljs';
import { ETALAB_LICENCE, type Locale, type Release } from '@observatoire/schema';
import { ALL } from '../cube/dimensions.js';
import { escapeSpreadsheetText } from '@observatoire/formats';
import {
  ALL_YEARS_HEADER,
  codeLabel,
  dimensionLabel,
  localisedRow,
  reasonText,
  type AllYearsRow,
} from './all-years.js';
import { T } from './table.js';
import { sheetName, workbookLicence } from './xlsx.js';

const WITHHELD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'lightGray', fgColor: { argb: 'FFBFBFBF' } };

/** One sheet per table of the unfiltered view: codes down, years across, withheld cells empty, grey, with a note. */
function addWideSheet(wb: ExcelJS.Workbook, used: Set<string>, dimension: string, rows: AllYearsRow[], lang: Locale) {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const codes = [...new Set(rows.map((r) => r.code))];
  const ws = wb.addWorksheet(sheetName(dimensionLabel(dimension, lang), used));
  const [, , , code, label] = ALL_YEARS_HEADER(lang);
  ws.addRow([escapeSpreadsheetText(label!), escapeSpreadsheetText(code!), ...years]).font = { bold: true };
  const byKey = new Map(rows.map((r) => [`${r.code}|${r.year}`, r]));
  for (const c of codes) {
    const row = ws.addRow([
      escapeSpreadsheetText(codeLabel(dimension, c, lang)),
      escapeSpreadsheetText(c),
      ...years.map((y) => byKey.get(`${c}|${y}`)?.value ?? null),
    ]);
    years.forEach((y, i) => {
      const r = byKey.get(`${c}|${y}`);
      if (!r || r.value !== null) return;
      const cell = row.getCell(3 + i);
      cell.fill = WITHHELD_FILL;
      cell.note = reasonText(r.reason, lang);
    });
  }
  ws.columns = [{ width: 44 }, { width: 22 }, ...years.map(() => ({ width: 10 }))];
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
}

/**
 * The release's multi-year workbook: notes (release, years, rule, licence), one sheet per table of the unfiltered
 * view (years across), then every stored cell of every view in one long sheet, as in the CSV.
 */
export async function allYearsXlsx(release: Release, rows: AllYearsRow[], lang: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  workbookLicence(wb, `${release.title[lang]} (${release.slug})`, lang);
  if (release.publishedAt) wb.created = new Date(release.publishedAt);
  const used = new Set<string>();
  const text = escapeSpreadsheetText;

  const notes = wb.addWorksheet(sheetName(T.notes[lang], used));
  const rule = release.disclosureRule;
  for (const [k, v] of [
    [T.release[lang], `${release.title[lang]} (${release.slug})`],
    [T.releaseDate[lang], release.publishedAt?.slice(0, 10) ?? ''],
    [T.referenceYears[lang], release.referenceYears.join(', ')],
    [
      T.rule[lang],
      lang === 'fr'
        ? `seuil ${rule.threshold}, plateformes ${rule.platformThreshold}, au moins ${rule.minAssociations} associations`
        : `threshold ${rule.threshold}, platforms ${rule.platformThreshold}, at least ${rule.minAssociations} associations`,
    ],
    ['', T.withheldCell[lang]],
    [T.licence[lang], `${ETALAB_LICENCE.name}, ${ETALAB_LICENCE.url}`],
  ] as const)
    notes.addRow([text(k), text(v)]);
  notes.columns = [{ width: 28 }, { width: 110 }];
  notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const unfiltered = rows.filter((r) => r.view === ALL);
  for (const dimension of [...new Set(unfiltered.map((r) => r.dimension))]) {
    addWideSheet(
      wb,
      used,
      dimension,
      unfiltered.filter((r) => r.dimension === dimension),
      lang,
    );
  }

  const all = wb.addWorksheet(sheetName(T.allCells[lang], used));
  all.addRow(ALL_YEARS_HEADER(lang).map(text)).font = { bold: true };
  for (const r of rows) all.addRow(localisedRow(r, lang).map((v) => (typeof v === 'string' ? text(v) : v)));
  all.columns = [
    { width: 8 },
    { width: 40 },
    { width: 36 },
    { width: 22 },
    { width: 40 },
    { width: 8 },
    { width: 10 },
    { width: 60 },
  ];
  all.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
