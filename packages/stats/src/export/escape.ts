/**
 * Characters that make a spreadsheet treat a text cell as a formula (OWASP "CSV injection"): = + - @, their
 * full-width forms (Excel and LibreOffice normalise them), and tab / carriage return (which some importers strip
 * before looking at the first character).
 */
const DANGEROUS_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;

/**
 * Makes a text cell inert in a spreadsheet by prefixing a `'` when it starts with a formula trigger. Apply to text
 * only: real numbers are written as numbers and left alone (so -3 stays a number).
 */
export function escapeSpreadsheetText(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}

/** For writers that receive mixed values: numbers, booleans, null and dates untouched, strings escaped. */
export function escapeSpreadsheetValue<T>(value: T): T | string {
  return typeof value === 'string' ? escapeSpreadsheetText(value) : value;
}

/** UTF-8 byte order mark: French Excel opens a CSV as UTF-8 only when it starts with one. */
export const UTF8_BOM = '\uFEFF';
