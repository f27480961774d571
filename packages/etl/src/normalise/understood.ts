import {
  codeEntry,
  countryName,
  labelKey,
  type CodeListName,
  type FieldReading,
  type Locale,
} from '@observatoire/schema';
import type { CanonicalField } from '../mapping/fields.js';
import type { ColumnPlan, PlannedColumn } from '../mapping/plan.js';
import { keptValue } from '../privacy/kept-values.js';
import { safeRaw, type GroupedWarning, type RowNormaliser } from './record.js';

/** Recognised raw values listed per field, and unrecognised ones. */
const MAX_SYNONYMS = 20;
const MAX_UNKNOWN_VALUES = 30;

/**
 * Position of each field in a profile body (`gender, ageBand, minor, then the tail`: see RowNormaliser's memo and
 * load/staging.ts's PROFILE_COLUMNS).
 */
const POSITION: Partial<Record<CanonicalField, number>> = {
  gender: 0,
  ageBand: 1,
  citizenship: 3,
  exploitationTypes: 4,
  recruitmentChannels: 5,
  recruitmentPlatforms: 6,
  onlineExploitation: 7,
  exploitationPlatforms: 8,
  onlineControl: 9,
  exploitationCountry: 10,
  recruiterRelation: 11,
};

/** The fields a reading is given for, given the fields the file's columns feed. */
function readFields(plan: ColumnPlan): Map<CanonicalField, PlannedColumn[]> {
  const out = new Map<CanonicalField, PlannedColumn[]>();
  const cols = (f: CanonicalField) => plan.byField.get(f) ?? [];
  for (const [field, list] of plan.byField) {
    if (field in POSITION) out.set(field, [...list]);
  }
  const age = [...cols('age'), ...cols('ageBand'), ...cols('birthDate')];
  if (age.length > 0) out.set('ageBand', age);
  // A platform implies its channel, and a channel column may name platforms: both are read from either.
  const recruitment = [...cols('recruitmentChannels'), ...cols('recruitmentPlatforms')];
  if (recruitment.length > 0) {
    out.set('recruitmentChannels', recruitment);
    out.set('recruitmentPlatforms', recruitment);
  }
  return out;
}

function codesIn(cell: string): string[] {
  if (cell === '\\N') return [];
  if (cell.startsWith('{')) return cell.slice(1, -1).split(',').filter(Boolean);
  return [cell];
}

const LIST_OF: Partial<Record<CanonicalField, CodeListName>> = {
  gender: 'gender',
  exploitationTypes: 'exploitationType',
  recruitmentChannels: 'recruitmentChannel',
  recruitmentPlatforms: 'recruitmentPlatform',
  exploitationPlatforms: 'recruitmentPlatform',
  onlineExploitation: 'yesNoUnknown',
  onlineControl: 'yesNoUnknown',
  recruiterRelation: 'recruiterRelation',
};

/** Whether a raw value is just the code's own name or label (not worth listing as a synonym). */
function isOwnName(field: CanonicalField, raw: string, code: string): boolean {
  const key = labelKey(raw);
  if (key === labelKey(code)) return true;
  const names: (string | undefined)[] = [];
  if (field === 'citizenship' || field === 'exploitationCountry')
    names.push(...(['fr', 'en'] as Locale[]).map((l) => countryName(code, l)));
  else {
    const list = LIST_OF[field];
    const entry = list ? codeEntry(list, code) : undefined;
    if (entry) names.push(entry.label.fr, entry.label.en);
  }
  return names.some((n) => n !== undefined && labelKey(n) === key);
}

/**
 * "What was understood": per field the file feeds, rows per code (from the accepted rows' profiles), the rows
 * left unknown and the raw values that were not recognised (from the grouped warnings), and the raw values
 * recognised through a synonym. Raw values only of coded columns (`keptValue`).
 */
export function fieldReadings(
  plan: ColumnPlan,
  normaliser: RowNormaliser,
  warnings: readonly GroupedWarning[],
): FieldReading[] {
  const { profiles, values } = normaliser.tallies();
  const out: FieldReading[] = [];
  for (const [field, columns] of readFields(plan)) {
    const position = POSITION[field]!;
    const counts = new Map<string, number>();
    let unknown = 0;
    for (const p of profiles) {
      const codes = codesIn(p.body.split('\t')[position] ?? '\\N');
      if (codes.length === 0 || codes.includes('unknown')) unknown += p.rows;
      for (const c of codes) if (c !== 'unknown') counts.set(c, (counts.get(c) ?? 0) + p.rows);
    }
    const headers = new Set(columns.map((c) => c.header));
    const unknownValues = warnings
      .filter((w) => (w.code === 'unknown_value' || w.code === 'wide_value') && headers.has(w.column) && w.rawValue)
      .slice(0, MAX_UNKNOWN_VALUES)
      .map((w) => ({ column: w.column, rawValue: w.rawValue, count: w.count }));
    const synonyms: FieldReading['synonyms'] = [];
    for (const col of columns) {
      for (const [raw, count] of values.get(col) ?? []) {
        const kept = keptValue(col.field, raw);
        if (!kept || kept.trim() === '') continue;
        const r = normaliser.codesOf(col, raw);
        const codes = (field === 'recruitmentPlatforms' ? r.platforms : r.codes).filter((c) => c !== 'unknown');
        if (codes.length === 0 || (codes.length === 1 && isOwnName(field, raw, codes[0]))) continue;
        synonyms.push({ column: col.header, rawValue: safeRaw(kept.trim()), codes, count });
      }
    }
    synonyms.sort((a, b) => b.count - a.count);
    out.push({
      field,
      columns: [...headers],
      codes: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code, count]) => ({ code, count })),
      unknown,
      unknownValues,
      synonyms: synonyms.slice(0, MAX_SYNONYMS),
    });
  }
  return out;
}
