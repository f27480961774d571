/**
 * The one way every CSV and XLSX the project writes makes its cells safe to open in a spreadsheet (the release
 * summaries, the dashboard's chart downloads, rejected rows, an association's own records, the demo exports).
 * Writers map their cells through `spreadsheetCell` (or `escapeSpreadsheetText` for text) and stringify with
 * `csvOptions`; nothing else in the project escapes or quotes CSV by hand.
 */
import type { Options as CsvStringifyOptions } from 'csv-stringify';

/**
 * Characters that make a spreadsheet treat text as a formula (OWASP "CSV injection"): = + - @, their full-width
 * forms (Excel and LibreOffice normalise them), and tab / carriage return (which some importers strip before
 * looking at the first character). They are dangerous at the start of the cell and at the start of every line
 * inside it: a reader that splits lines itself (or a CSV written without quotes, as `rejected.csv` once was)
 * turns each of those lines into a cell of its own.
 */
const TRIGGER = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;
const TRIGGER_AFTER_BREAK = /(\r\n|\r|\n)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r])/g;

/** A text that is only a signed number ("-4", "+33", "12,5"): a spreadsheet reads it as that number, never runs it. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Makes text inert in a spreadsheet: a `'` before a formula trigger at the start of the text and after every line
 * break inside it (`x\n=cmd|…` becomes `x\n'=cmd|…`). The text stays one cell: CSV writers quote it (see
 * `csvOptions`). Apply to text only; real numbers are written as numbers.
 */
export function escapeSpreadsheetText(value: string): string {
  const lines = value.replace(TRIGGER_AFTER_BREAK, "$1'");
  return TRIGGER.test(value) ? `'${lines}` : lines;
}

/** For writers that receive mixed values: numbers, booleans, null and dates untouched, strings escaped. */
export function escapeSpreadsheetValue<T>(value: T): T | string {
  return typeof value === 'string' ? escapeSpreadsheetText(value) : value;
}

/**
 * One cell of a CSV: numbers stay numbers (so -3 is a number), null and undefined are empty, booleans are words,
 * a text that is only a number keeps what was typed ("-4", "12,5"), any other text is escaped.
 */
export function spreadsheetCell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return PLAIN_NUMBER.test(text) ? text : escapeSpreadsheetText(text);
}

/**
 * csv-stringify options of every CSV: CRLF between records, and a cell quoted whenever it holds the delimiter, a
 * quote, or any line break. csv-stringify quotes the delimiter, quotes and the record delimiter itself (`\r\n`),
 * but a lone `\n` or `\r` only when asked: without `quoted_match` a cell `x\n=cmd` came out unquoted, one cell
 * read as two rows, the second starting with `=`.
 */
export function csvOptions(delimiter: ',' | ';' = ',', opts: { quoteAll?: boolean } = {}): CsvStringifyOptions {
  // quoteAll: every non-empty cell in quotes, as the yearly summaries have always been written.
  return { delimiter, record_delimiter: 'windows', quoted_match: opts.quoteAll ? /[\s\S]/ : /[\r\n]/ };
}

/** UTF-8 byte order mark: French Excel opens a CSV as UTF-8 only when it starts with one. */
export const UTF8_BOM = '\uFEFF';
