/**
 * The one CSV writer of the platform: every CSV it serves (chart downloads, yearly summaries, the multi-year files,
 * the zips, an association's own data) is written here, in one of three dialects (docs/open-data.md):
 * - `fr`: for a spreadsheet in French: `;` between cells, decimal comma, UTF-8 with a byte order mark (what French
 *   Excel needs to read accents), French labels;
 * - `en`: for a spreadsheet in English: `,`, decimal point, UTF-8 with a byte order mark, English labels;
 * - `data`: for programs: RFC 4180 (`,`, CRLF, quotes only where needed), decimal point, UTF-8 without a byte
 *   order mark, codes rather than labels, described by the zip's datapackage.json.
 * Every dialect keeps the formula-injection and line-break rules of escape.ts (issue 12): text is escaped, a cell
 * holding a line break is quoted, numbers stay numbers. Callers pass raw values (numbers as numbers, withheld as
 * null): the dialect decides how they are written.
 */
import { stringify as stringifyStream, type Options, type Stringifier } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import { csvOptions, spreadsheetCell } from './escape.js';

export type CsvDialect = 'fr' | 'en' | 'data';

/** What a cell may hold: null and undefined are empty (a withheld number is empty, never 0). */
export type CsvValue = string | number | boolean | Date | null | undefined;

export interface CsvDialectSpec {
  delimiter: ',' | ';';
  decimalMark: ',' | '.';
  /** A UTF-8 byte order mark before the first byte. */
  bom: boolean;
}

export const CSV_DIALECTS: Readonly<Record<CsvDialect, CsvDialectSpec>> = {
  fr: { delimiter: ';', decimalMark: ',', bom: true },
  en: { delimiter: ',', decimalMark: '.', bom: true },
  data: { delimiter: ',', decimalMark: '.', bom: false },
};

/** The dialect of a human-readable file in a language. */
export const dialectOf = (lang: 'fr' | 'en'): CsvDialect => lang;

/** A number as the dialect writes it: no thousands separator, its decimal mark, never an exponent for our values. */
export function formatCsvNumber(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  return CSV_DIALECTS[dialect].decimalMark === ',' ? text.replace('.', ',') : text;
}

/** csv-stringify options of a dialect: its delimiter and BOM, CRLF records, the quoting of escape.ts, and casts. */
export function csvDialectOptions(dialect: CsvDialect): Options {
  const spec = CSV_DIALECTS[dialect];
  const text = (value: string) => String(spreadsheetCell(value));
  return {
    ...csvOptions(spec.delimiter),
    bom: spec.bom,
    cast: {
      number: (value) => formatCsvNumber(value, dialect),
      string: text,
      boolean: (value) => (value ? 'true' : 'false'),
      date: (value) => value.toISOString(),
    },
  };
}

/** A whole CSV file: the header row, then the rows. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, dialect: CsvDialect): string {
  return stringify([header, ...rows] as CsvValue[][], csvDialectOptions(dialect));
}

/**
 * The same file as a stream, for large ones (an association's records): write each row as an array of values
 * (`stream.write(row)`), then `stream.end()`; pipe the stream to the answer. The header is already written.
 */
export function csvStream(header: readonly string[], dialect: CsvDialect): Stringifier {
  const stream = stringifyStream(csvDialectOptions(dialect));
  stream.write([...header]);
  return stream;
}

/** The Content-Type of a CSV answer. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
