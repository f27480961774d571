/**
 * Parsing of the scalar values exports write: years, dates (ISO, dd/mm/yyyy, Excel serials) and ages
 * (`24 ans`, `NC`, `inconnu`). Pure functions, no I/O.
 */

/** Spellings of "not known" that are a real answer, not an error (compared after normaliseLabel). */
const UNKNOWN_TOKENS = new Set([
  '',
  'nc',
  'n c',
  'nsp',
  'ns',
  'inconnu',
  'inconnue',
  'non connu',
  'non connue',
  'non communique',
  'non renseigne',
  'non precise',
  'ne sait pas',
  'na',
  'n a',
  'nd',
  'n d',
  'unknown',
  'not known',
  'not specified',
  'unspecified',
  'nonspecifiedunknown',
  'non specified unknown',
  'none',
  'null',
]);

export function isUnknownToken(normalised: string): boolean {
  return UNKNOWN_TOKENS.has(normalised);
}

/**
 * A value that a spreadsheet would evaluate as a formula (`=HYPERLINK(...)`, `+cmd`, `-2+3`, `@SUM(...)`),
 * recognised so that it is never stored or echoed raw (CSV injection). Plain negative numbers are not formulas.
 */
export function looksLikeFormula(raw: string): boolean {
  const s = raw.trimStart();
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  // = + - @ tab CR
  if (c === 61 || c === 64 || c === 9 || c === 13) return true;
  if (c === 43 || c === 45) return !/^[+-]\s*\d+(?:[.,]\d+)?\s*(?:ans?|years?)?\s*$/i.test(s);
  return false;
}

/** Excel's day 0 is 1899-12-30 once the 1900 leap-year bug is accounted for (serial 60 = the fictitious 29/02/1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export interface ParsedDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Reads a date written as ISO (`2021-03-04`, with or without time), French `dd/mm/yyyy` (also `-` or `.`), or an
 * Excel serial number (when `allowSerial`). Returns null when it is not a date.
 */
export function parseDate(raw: string, allowSerial = true): ParsedDate | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return checkDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return checkDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return checkDate(Number(m[2]), Number(m[1]), 1);
  if (allowSerial && /^\d{4,5}(?:\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    // Serials 1..59 are before the fictitious 29/02/1900 and are one day off; nobody exports those dates.
    if (serial < 61 || serial > 2958465) return null;
    const d = new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  return null;
}

function checkDate(year: number, month: number, day: number): ParsedDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

export type YearParse = { kind: 'year'; year: number } | { kind: 'empty' } | { kind: 'invalid' };

/** A reference year written as a year (`2021`, `2021.0`) or as a date. */
export function parseYear(raw: string): YearParse {
  const s = raw.trim();
  if (s === '') return { kind: 'empty' };
  const m = /^(\d{4})(?:\.0+)?$/.exec(s);
  if (m) return { kind: 'year', year: Number(m[1]) };
  const d = parseDate(s, false);
  if (d) return { kind: 'year', year: d.year };
  return { kind: 'invalid' };
}

export type AgeParse = { kind: 'age'; age: number } | { kind: 'unknown' } | { kind: 'invalid' };

/** Ages as exports write them: `24`, `24 ans`, `24 years`, `24,0`, `-4`; `NC`, `inconnu`, empty → unknown. */
export function parseAge(raw: string, normalised: string): AgeParse {
  if (isUnknownToken(normalised)) return { kind: 'unknown' };
  const m = /^(-?\d{1,4})(?:[.,](\d+))?\s*(?:ans?|years?(?: old)?|yo|a)?\.?$/i.exec(raw.trim());
  if (!m) return { kind: 'invalid' };
  return { kind: 'age', age: Number(m[2] ? `${m[1]}.${m[2]}` : m[1]) };
}
