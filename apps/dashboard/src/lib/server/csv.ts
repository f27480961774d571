import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellValue, isWithheld } from '@observatoire/charts';
import { csvOptions, spreadsheetCell, UTF8_BOM } from '@observatoire/stats/escape';
import type { ChartData } from '$lib/charts/specs.js';
import { formatDate, t } from '$lib/i18n/index.js';

/**
 * One row per published number, long format: machine-readable values (no thousands separator), a status
 * column saying "withheld" where a cell is not published (empty value, never 0).
 */
export interface CsvRow {
  release: string;
  year: number;
  dimension: string;
  code: string;
  label: string;
  value: number | null;
  status: 'published' | 'withheld';
}

export function rowsOf(data: ChartData): CsvRow[] {
  const dimension = data.id;
  if (data.kind === 'time') {
    return data.series.flatMap((s) =>
      s.points.map((p) => ({
        release: data.release.slug,
        year: p.year,
        dimension,
        code: s.key,
        label: s.label,
        value: cellValue(p.cell),
        status: isWithheld(p.cell) ? ('withheld' as const) : ('published' as const),
      })),
    );
  }
  return data.rows.map((r) => ({
    release: data.release.slug,
    year: data.year as number,
    dimension,
    code: r.key,
    label: r.label,
    value: cellValue(r.cell),
    status: isWithheld(r.cell) ? ('withheld' as const) : ('published' as const),
  }));
}

const COLUMNS = ['release', 'year', 'dimension', 'code', 'label', 'value', 'status'] as const;

/** The cells of one row, made safe for a spreadsheet (labels come from the release, never trusted as text). */
const cellsOf = (r: CsvRow) => COLUMNS.map((c) => spreadsheetCell(r[c]));

/** UTF-8 with BOM so Excel (French or not) opens accents correctly. */
export function toCsv(rows: CsvRow[]): string {
  return UTF8_BOM + stringify(rows.map(cellsOf), { ...csvOptions(','), header: true, columns: [...COLUMNS] });
}

export function citation(data: ChartData, url: string): string {
  return t(data.lang, 'chart.citeText', {
    collective: t(data.lang, 'site.collective'),
    title: data.title,
    release: data.release.slug,
    date: formatDate(data.release.publishedAt, data.lang),
    url,
  });
}

export function readme(data: ChartData, url: string): string {
  const lang = data.lang;
  const lines = [
    `${data.title}`,
    `${data.subtitle}`,
    '',
    t(lang, 'chart.source', {
      collective: t(lang, 'site.collective'),
      release: data.release.slug,
      date: formatDate(data.release.publishedAt, lang),
    }),
    ...(data.release.demo ? ['', t(lang, 'demo.banner')] : []),
    '',
    `## ${t(lang, 'readme.definitions')}`,
    'release, year, dimension, code, label, value, status (published | withheld)',
    ...data.notes.map((n) => `- ${n}`),
    '',
    t(lang, 'readme.legend', {
      threshold: data.disclosure.threshold,
      associations: data.disclosure.minAssociations,
    }),
    '',
    t(lang, 'readme.licence'),
    '',
    `## ${t(lang, 'readme.citation')}`,
    citation(data, url),
    '',
  ];
  return lines.join('\n');
}

export async function toXlsx(shown: CsvRow[], full: CsvRow[], data: ChartData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Observatoire';
  for (const [name, rows] of [
    [t(data.lang, 'chart.csvShown').replace(/[()]/g, ''), shown],
    [t(data.lang, 'chart.csvFull').replace(/[()]/g, ''), full],
  ] as const) {
    const ws = wb.addWorksheet(name.slice(0, 31));
    ws.columns = COLUMNS.map((c) => ({ header: c, key: c, width: c === 'label' ? 32 : 14 }));
    // A withheld value is an empty cell, never 0; text cells escaped as in the CSV.
    for (const r of rows) ws.addRow(COLUMNS.map((c) => (c === 'value' ? r.value : spreadsheetCell(r[c]))));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function toZip(data: ChartData, shown: CsvRow[], full: CsvRow[], url: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const base = `observatoire-${data.id}-${data.release.slug}`;
  zip.file(`${base}.csv`, toCsv(shown));
  zip.file(`${base}-full.csv`, toCsv(full));
  zip.file(`${base}.xlsx`, await toXlsx(shown, full, data));
  zip.file(data.lang === 'fr' ? 'LISEZMOI.txt' : 'README.txt', readme(data, url));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
