/**
 * Spreadsheet formula injection (OWASP CSV injection): a text cell starting with = + - @, their full-width forms,
 * a tab or a carriage return gets a leading apostrophe so Excel and LibreOffice show it as text. Real numbers are
 * written as numbers and left alone.
 */
const DANGEROUS_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function formulaSafe(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const s = String(value);
  return DANGEROUS_START.test(s) ? `'${s}` : s;
}

/** UTF-8 byte order mark: French Excel then opens the file as UTF-8 (accents intact). */
export const UTF8_BOM = '\uFEFF';
