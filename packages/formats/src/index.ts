/**
 * @observatoire/formats: what every file the platform serves is written with, whoever serves it (the API's yearly
 * summaries and rejected rows, the dashboard's chart downloads, the demo exports): spreadsheet escaping, the CSV
 * dialects and writer, and Frictionless data packages. Nothing here reaches a database, so the dashboard depends
 * on it without pulling in the statistics package or the backend.
 */
export { csvOptions, escapeSpreadsheetText, escapeSpreadsheetValue, spreadsheetCell, UTF8_BOM } from './escape.js';
export {
  writeCsv,
  csvStream,
  csvDialectOptions,
  formatCsvNumber,
  dialectOf,
  CSV_DIALECTS,
  CSV_CONTENT_TYPE,
  type CsvDialect,
  type CsvDialectSpec,
  type CsvValue,
} from './csv.js';
export * from './datapackage.js';
