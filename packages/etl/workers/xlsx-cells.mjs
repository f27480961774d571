// Cell conversion shared by the XLSX worker (plain JS: it runs in a worker thread that cannot load TypeScript)
// and the TypeScript readers (typed by xlsx-cells.d.mts).

const MS_PER_DAY = 86_400_000;
// Days from Excel's 1900 epoch (serial 0 = 1899-12-31, with the fictitious 1900-02-29 = serial 60) to 1970.
const UNIX_EPOCH_SERIAL_1900 = 25_569;
// Excel's last date: 9999-12-31.
const MAX_SERIAL_1900 = 2_958_465;
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
const HALF_SECOND_IN_DAYS = 0.5 / 86_400;

/**
 * The calendar date (UTC midnight) of an Excel serial, or undefined when the serial is not a date Excel can
 * show. The 1900 system counts a 29 February 1900 that never existed (Lotus 1-2-3's leap-year bug): serials
 * 1..59 are one day later than a plain day count from 1899-12-31 would say, 60 is that non-existent day
 * (undefined), and from 61 (1900-03-01) on the count is regular again. The time of day is dropped.
 *
 * @param {number} serial
 * @param {boolean} [date1904] the workbook uses the 1904 date system (old Mac Excel)
 * @returns {Date | undefined}
 */
export function excelSerialToDate(serial, date1904 = false) {
  if (typeof serial !== 'number' || !Number.isFinite(serial) || serial < 0) return undefined;
  // Round to the second first, as Excel displays times: 43794.99999999 (float noise, or 23:59:59.9991) is
  // shown as midnight of the next day.
  const day = Math.floor(serial + HALF_SECOND_IN_DAYS);
  if (date1904) {
    if (day > MAX_SERIAL_1900 - 1462) return undefined;
    return new Date(EPOCH_1904_MS + day * MS_PER_DAY);
  }
  if (day > MAX_SERIAL_1900 || day === 60 || day === 0) return undefined;
  const regular = day > 60 ? day : day + 1;
  return new Date((regular - UNIX_EPOCH_SERIAL_1900) * MS_PER_DAY);
}

/**
 * `YYYY-MM-DD` of an Excel serial, or undefined.
 * @param {number} serial
 * @param {boolean} [date1904]
 * @returns {string | undefined}
 */
export function excelSerialToIsoDate(serial, date1904 = false) {
  const date = excelSerialToDate(serial, date1904);
  return date ? date.toISOString().slice(0, 10) : undefined;
}

/**
 * Text of a number as Excel shows it in a General cell: at most 15 significant digits, so binary float noise
 * (0.1 + 0.2 = 0.30000000000000004) disappears, and no exponent for ordinary magnitudes.
 * @param {number} n
 * @returns {string}
 */
export function numberToText(n) {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(Number(n.toPrecision(15)));
}

/**
 * exceljs turns a date-formatted serial into a JS Date by a plain day count (ignoring the 1900 leap-year bug):
 * go back to the serial and through `excelSerialToDate` so both paths agree.
 * @param {Date} date
 * @returns {string}
 */
export function exceljsDateToIsoDate(date) {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return '';
  return excelSerialToIsoDate(ms / MS_PER_DAY + UNIX_EPOCH_SERIAL_1900) ?? '';
}

/** Date formats per exceljs's own rule (letters y m d h s outside quotes and brackets). */
function isDateFormat(numFmt) {
  if (typeof numFmt !== 'string' || numFmt === '') return false;
  return /[ymdhsb]/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function richTextToText(richText) {
  let text = '';
  for (const run of richText) if (run && typeof run.text === 'string') text += run.text;
  return text;
}

/**
 * The text of one exceljs cell value. Formulas are never evaluated: the cached result is used; a formula with
 * no cached result comes back as its text prefixed with `=` and `formula: true`, for the mapper to reject.
 *
 * @param {unknown} value exceljs cell value
 * @param {string | undefined} numFmt the cell's number format (used for formula results)
 * @param {boolean} date1904
 * @returns {{ text: string, formula: boolean }}
 */
export function cellToText(value, numFmt, date1904) {
  if (value === null || value === undefined) return { text: '', formula: false };
  switch (typeof value) {
    case 'string':
      return { text: value, formula: false };
    case 'number':
      return { text: numberToText(value), formula: false };
    case 'boolean':
      return { text: value ? 'TRUE' : 'FALSE', formula: false };
    case 'object':
      break;
    default:
      return { text: String(value), formula: false };
  }
  if (value instanceof Date) return { text: exceljsDateToIsoDate(value), formula: false };
  if (Array.isArray(value.richText)) return { text: richTextToText(value.richText), formula: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (typeof result === 'number' && Number.isFinite(result)) {
      const text = isDateFormat(numFmt) ? excelSerialToIsoDate(result, date1904) : undefined;
      return { text: text ?? numberToText(result), formula: false };
    }
    if (typeof result === 'string' || typeof result === 'boolean' || result instanceof Date)
      return cellToText(result, numFmt, date1904);
    if (result && typeof result === 'object' && typeof result.error === 'string')
      return { text: result.error, formula: false };
    return { text: `=${value.formula ?? value.sharedFormula ?? ''}`, formula: true };
  }
  if (typeof value.error === 'string') return { text: value.error, formula: false };
  if (typeof value.text === 'string') return { text: value.text, formula: false };
  if (value.text && Array.isArray(value.text.richText))
    return { text: richTextToText(value.text.richText), formula: false };
  return { text: '', formula: false };
}
