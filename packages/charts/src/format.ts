import { formatLocale, type FormatLocaleObject } from 'd3-format';
import type { Locale } from './types.js';

/** U+202F NARROW NO-BREAK SPACE: French thousands separator and space before % (Imprimerie nationale). */
export const NNBSP = '\u202f';

// Explicit definitions rather than Intl so the server, the browser and the PDF print the same characters
// whatever ICU version they ship (some ICU builds use U+00A0 in French).
const locales: Record<Locale, FormatLocaleObject> = {
  fr: formatLocale({
    decimal: ',',
    thousands: NNBSP,
    grouping: [3],
    currency: ['', `${NNBSP}€`],
    percent: `${NNBSP}%`,
    minus: '\u2212',
  }),
  en: formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''], minus: '\u2212' }),
};

/** Formats a count or a measure: `12 345` (fr, U+202F), `12,345` (en). `digits` = fixed decimals. */
export function formatNumber(n: number, locale: Locale, digits = 0): string {
  return locales[locale].format(`,.${digits}f`)(n);
}

/** Formats a ratio (0.125) as a percentage: `12,5 %` (fr, U+202F before %), `12.5%` (en). */
export function formatPercent(ratio: number, locale: Locale, digits = 1): string {
  return locales[locale].format(`.${digits}%`)(ratio);
}

/** Signed change in percentage points: `+3,2 pts` / `+3.2 pts`. */
export function formatPointChange(points: number, locale: Locale, digits = 1): string {
  const s = locales[locale].format(`+.${digits}f`)(points);
  return locale === 'fr' ? `${s}${NNBSP}pts` : `${s} pts`;
}

/** Year labels are never grouped (2 024 would be wrong). */
export function formatYear(year: number): string {
  return String(Math.round(year));
}
