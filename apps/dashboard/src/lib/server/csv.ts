import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellValue, isWithheld } from '@observatoire/charts';
import { suppressionReasonMessages, type SuppressionReason } from '@observatoire/schema/payloads';
import {
  dataPackageJson,
  spreadsheetCell,
  writeCsv,
  type CsvDialect,
  type TableField,
  type TableResource,
} from '@observatoire/formats';
import type { ChartData } from '$lib/charts/specs.js';
import { formatDate, t, type Lang } from '$lib/i18n/index.js';

/**
 * One row per published number, long format: the value as a number (never formatted), empty where a cell is not
 * published (never 0), with its status and the reason it is withheld.
 */
export interface CsvRow {
  release: string;
  year: number;
  dimension: string;
  code: string;
  label: string;
  value: number | null;
  status: 'published' | 'withheld';
  reason: string | null;
}

type Cell = ChartData['rows'][number]['cell'];

function rowOf(data: ChartData, year: number, code: string, label: string, cell: Cell): CsvRow {
  const withheld = isWithheld(cell);
  return {
    release: data.release.slug,
    year,
    // Same associations: the rows say which constant panel they count.
    dimension: data.panel ? `${data.id} (panel:${data.panel.from}-${data.panel.to})` : data.id,
    code,
    label,
    value: cellValue(cell),
    status: withheld ? 'withheld' : 'published',
    reason: withheld ? (cell.reason ?? null) : null,
  };
}

export function rowsOf(data: ChartData): CsvRow[] {
  if (data.kind === 'time') {
    return data.series.flatMap((s) => s.points.map((p) => rowOf(data, p.year, s.key, s.label, p.cell)));
  }
  return data.rows.map((r) => rowOf(data, data.year as number, r.key, r.label, r.cell));
}

/** The columns of the machine-readable file (codes, `data` dialect), as datapackage.json describes them. */
export const DATA_COLUMNS = ['release', 'year', 'chart', 'code', 'value', 'status', 'reason'] as const;

/** The words of the columns of the French and English files. */
const HEADERS: Record<Lang, readonly string[]> = {
  fr: ['Publication', 'Année', 'Graphique', 'Code', 'Libellé', 'Valeur', 'Statut', 'Note'],
  en: ['Release', 'Year', 'Chart', 'Code', 'Label', 'Value', 'Status', 'Note'],
};

const reasonText = (reason: string | null, lang: Lang) =>
  reason ? (suppressionReasonMessages[reason as SuppressionReason]?.[lang] ?? reason) : '';

/** The cells of a row in a language: its words for the status and the reason. */
function localisedCells(r: CsvRow, lang: Lang) {
  const status = r.status === 'withheld' ? t(lang, 'csv.withheld') : t(lang, 'csv.published');
  return [r.release, r.year, r.dimension, r.code, r.label, r.value, status, reasonText(r.reason, lang)];
}

/**
 * A chart's numbers as CSV (docs/open-data.md): `fr` and `en` for spreadsheets (labels and words of the language,
 * its delimiter and decimal mark), `data` for programs (codes only, described by the zip's datapackage.json).
 */
export function toCsv(rows: CsvRow[], dialect: CsvDialect): string {
  if (dialect === 'data') {
    return writeCsv(
      DATA_COLUMNS,
      rows.map((r) => [r.release, r.year, r.dimension, r.code, r.value, r.status, r.reason]),
      'data',
    );
  }
  return writeCsv(
    HEADERS[dialect],
    rows.map((r) => localisedCells(r, dialect)),
    dialect,
  );
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
    t(lang, 'readme.columns', { columns: HEADERS[lang].join(', ') }),
    t(lang, 'readme.codesFile'),
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
    ws.columns = HEADERS[data.lang].map((h, i) => ({ header: h, width: i === 4 || i === 7 ? 36 : 14 }));
    ws.getRow(1).font = { bold: true };
    // A withheld value is an empty cell, never 0; numbers stay numbers; text cells escaped as in the CSV.
    for (const r of rows) {
      ws.addRow(
        localisedCells(r, data.lang).map((v) => (typeof v === 'number' || v === null ? v : spreadsheetCell(v))),
      );
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The columns of the French or English file, for datapackage.json. */
function localisedFields(lang: Lang): TableField[] {
  const [release, year, chart, code, label, value, status, note] = HEADERS[lang];
  return [
    { name: release!, type: 'string', required: true },
    { name: year!, type: 'integer', required: true },
    { name: chart!, type: 'string', required: true },
    { name: code!, type: 'string', required: true },
    { name: label!, type: 'string' },
    { name: value!, type: 'number', description: t(lang, 'readme.valueField') },
    { name: status!, type: 'string', required: true, values: [t(lang, 'csv.published'), t(lang, 'csv.withheld')] },
    { name: note!, type: 'string' },
  ];
}

const DATA_FIELDS: TableField[] = [
  { name: 'release', type: 'string', required: true, description: 'Release slug' },
  { name: 'year', type: 'integer', required: true, description: 'Reference year' },
  { name: 'chart', type: 'string', required: true, description: 'Chart id' },
  { name: 'code', type: 'string', required: true, description: 'Code of the category or series' },
  { name: 'value', type: 'number', description: 'Published value; empty when withheld (never 0)' },
  { name: 'status', type: 'string', required: true, values: ['published', 'withheld'] },
  { name: 'reason', type: 'string', description: 'Why the value is withheld (suppression reason code)' },
];

/** datapackage.json of a chart's zip: its three CSV files, column by column. */
export function chartDataPackage(data: ChartData, base: string, url: string): string {
  const lang = data.lang;
  const resources: TableResource[] = [
    { name: base, path: `${base}.csv`, title: t(lang, 'chart.csvShown'), dialect: lang, fields: localisedFields(lang) },
    {
      name: `${base}-full`,
      path: `${base}-full.csv`,
      title: t(lang, 'chart.csvFull'),
      dialect: lang,
      fields: localisedFields(lang),
    },
    {
      name: `${base}-codes`,
      path: `${base}-codes.csv`,
      title: t(lang, 'chart.csvCodes'),
      dialect: 'data',
      fields: DATA_FIELDS,
    },
  ];
  return dataPackageJson(
    {
      name: base,
      title: data.title,
      description: `${data.subtitle}. ${citation(data, url)}`,
      version: data.release.slug,
      created: data.release.publishedAt,
      homepage: url,
    },
    resources,
  );
}

/**
 * The chart's zip: the numbers shown and the full series in the page's language (its CSV dialect), the full
 * series with codes for programs, the workbook, the README and datapackage.json describing the three CSVs.
 */
export async function toZip(data: ChartData, shown: CsvRow[], full: CsvRow[], url: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const base = `observatoire-${data.id}-${data.release.slug}`;
  zip.file(`${base}.csv`, toCsv(shown, data.lang));
  zip.file(`${base}-full.csv`, toCsv(full, data.lang));
  zip.file(`${base}-codes.csv`, toCsv(full, 'data'));
  zip.file(`${base}.xlsx`, await toXlsx(shown, full, data));
  zip.file(data.lang === 'fr' ? 'LISEZMOI.txt' : 'README.txt', readme(data, url));
  zip.file('datapackage.json', chartDataPackage(data, base, url));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
