import { normaliseLabel } from '@observatoire/schema';

/** Normalised cell values that mean "ticked" in a one-hot column of a wide layout. */
export const TRUTHY: readonly string[] = ['x', 'oui', 'o', '1', 'yes', 'y', 'vrai', 'true', '✓', '✔', 'coche'];
/** Normalised cell values that mean "not ticked". */
export const FALSY: readonly string[] = ['', 'non', 'n', '0', 'no', 'faux', 'false', '-'];

const truthy = new Set(TRUTHY);
const falsy = new Set(FALSY);

/** Whether a normalised cell value means "ticked" (`normaliseLabel` turns ✓ into '', so both are kept raw too). */
export function isTruthy(normalised: string): boolean {
  return truthy.has(normalised);
}

export function isFalsy(normalised: string): boolean {
  return falsy.has(normalised);
}

/** The truthy set of a profile: the defaults plus its own spellings. */
export function truthySet(extra: readonly string[] | undefined): Set<string> {
  return new Set([...TRUTHY, ...(extra ?? []).map(normaliseLabel)]);
}
