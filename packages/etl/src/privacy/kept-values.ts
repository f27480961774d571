import { sourceFields } from '@observatoire/schema';
import type { CanonicalField } from '../mapping/fields.js';
import { looksLikeFreeText } from './identifiers.js';

/**
 * Fields whose raw cell values may be kept in an import report or a rejected-rows file: coded values (code lists,
 * the reference year, the age) that the association needs to see to fix a row or map a synonym. Never the case id
 * (an identifier), a date (of birth or of support), free text, or a column that was not mapped. Taken from the
 * schema's source fields by kind, so a new coded field is kept and a new identifier, date or narrative one is not.
 */
export const KEPT_VALUE_FIELDS: ReadonlySet<CanonicalField> = new Set<CanonicalField>(
  sourceFields.filter((f) => f.kind !== 'id' && f.kind !== 'date' && f.kind !== 'freeText').map((f) => f.field),
);

/**
 * The raw value as it may be kept, or null when it must not be: the column is not a coded one, or the value reads
 * like a narrative (a sentence typed into a coded column is free text all the same).
 */
export function keptValue(field: CanonicalField | null | undefined, raw: string): string | null {
  if (!field || !KEPT_VALUE_FIELDS.has(field)) return null;
  if (looksLikeFreeText(raw)) return null;
  return raw;
}
