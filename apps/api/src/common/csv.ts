import { escapeSpreadsheetText } from '@observatoire/stats';

/** UTF-8 byte order mark: French Excel then opens the file as UTF-8 (accents intact). */
export { UTF8_BOM } from '@observatoire/stats';

/**
 * A cell of a CSV the API writes, safe against spreadsheet formula injection with the same rule as the release
 * downloads (`escapeSpreadsheetText`): real numbers stay numbers, text that Excel would run gets a leading `'`.
 */
export function formulaSafe(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return escapeSpreadsheetText(String(value));
}
