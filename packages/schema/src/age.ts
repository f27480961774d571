import type { AgeBand } from './code-lists/age-band.js';

/** Oldest age accepted as plausible; anything above is treated as an input error by the ETL. */
export const MAX_PLAUSIBLE_AGE = 120;

/**
 * CTDC age band of an age in completed years. Fractions are floored (17.9 is still a minor);
 * negative, non-finite or implausible ages give 'unknown'.
 */
export function ageBandOf(age: number): AgeBand {
  if (!Number.isFinite(age) || age < 0 || age > MAX_PLAUSIBLE_AGE) return 'unknown';
  const a = Math.floor(age);
  if (a <= 8) return '0-8';
  if (a <= 17) return '9-17';
  if (a <= 20) return '18-20';
  if (a <= 23) return '21-23';
  if (a <= 26) return '24-26';
  if (a <= 29) return '27-29';
  if (a <= 38) return '30-38';
  if (a <= 47) return '39-47';
  return '48+';
}

/** True for an age under 18 (at the start of exploitation). */
export function isMinorAge(age: number): boolean {
  return Number.isFinite(age) && age >= 0 && age < 18;
}

/** Minor flag derived from a band: true/false, or null when the band is unknown. */
export function isMinorBand(band: AgeBand): boolean | null {
  if (band === 'unknown') return null;
  return band === '0-8' || band === '9-17';
}
