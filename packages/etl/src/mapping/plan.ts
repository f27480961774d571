import { closest, distance } from 'fastest-levenshtein';
import { normaliseLabel, type ColumnReading, type MappingProfile } from '@observatoire/schema';
import { fieldForHeader, knownHeaderLabels, MULTI_VALUED_FIELDS, type CanonicalField } from './fields.js';
import { identifierHeaderKind, type IdentifierKind } from '../privacy/identifiers.js';

export type ColumnStatus = 'mapped' | 'wide' | 'unmapped' | 'ignored' | 'free_text' | 'identifier' | 'dropped';

export interface PlannedColumn {
  index: number;
  header: string;
  field: CanonicalField | null;
  status: ColumnStatus;
  /** Wide layout: the code a truthy cell adds to `field`. */
  wideCode?: string;
  identifierKind?: IdentifierKind;
  /** Unmapped: the closest known header and the field it names. */
  suggestion?: { header: string; field: CanonicalField };
  /** Unmapped: what its cells look like (see ColumnReader), set once the rows are read. */
  reading?: ColumnReading;
  /** A one-hot column: the field and code its title names. */
  suggestedCode?: { field: CanonicalField; code: string };
  /** Unmapped but looks like data: the association decides (map or ignore) before confirming. */
  needsDecision?: boolean;
  /** Mapped, but most of its values were not recognised. */
  doubtful?: boolean;
  /** Most frequent values of a categorical column (never of an identifier, date, free-text or varied one). */
  samples?: { value: string; count: number }[];
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  /** Columns feeding each field (several for multi-valued fields or wide layouts). */
  byField: Map<CanonicalField, PlannedColumn[]>;
  fixedYear: number | null;
}

export interface HeaderChanges {
  appeared: string[];
  vanished: string[];
  renamed: { from: string; to: string }[];
}

function byLabel<T>(record: Record<string, T> | undefined): Map<string, T> {
  const m = new Map<string, T>();
  for (const [k, v] of Object.entries(record ?? {})) m.set(normaliseLabel(k), v);
  return m;
}

/** Maps each header to a field: identifiers first (privacy wins over any profile), then the profile, then synonyms. */
export function planColumns(headers: readonly string[], profile: MappingProfile | null): ColumnPlan {
  const profileColumns = byLabel(profile?.columns);
  const wide = new Map((profile?.wide ?? []).map((w) => [normaliseLabel(w.column), w] as const));
  const yearSpec = profile?.referenceYear;
  const yearColumn = yearSpec && 'column' in yearSpec ? normaliseLabel(yearSpec.column) : null;
  const dateColumn = yearSpec && 'dateColumn' in yearSpec ? normaliseLabel(yearSpec.dateColumn) : null;
  const fixedYear = yearSpec && 'fixed' in yearSpec ? yearSpec.fixed : null;

  const columns: PlannedColumn[] = headers.map((raw, index) => {
    const header = (raw ?? '').trim();
    const n = normaliseLabel(header);
    const col: PlannedColumn = { index, header: header || `#${index + 1}`, field: null, status: 'unmapped' };
    if (!n) return col;
    const idKind = identifierHeaderKind(header);
    if (idKind && idKind !== 'birth_date') {
      return { ...col, status: 'identifier', identifierKind: idKind };
    }
    if (yearColumn === n) return { ...col, field: 'referenceYear', status: 'mapped' };
    if (dateColumn === n) return { ...col, field: 'referenceDate', status: 'mapped' };
    const w = wide.get(n);
    if (w) return { ...col, field: w.field, status: 'wide', wideCode: w.code };
    const target = profileColumns.get(n);
    if (target === 'ignore') return { ...col, status: 'ignored' };
    const field = target ?? (idKind === 'birth_date' ? 'birthDate' : fieldForHeader(header));
    if (field === 'freeText') return { ...col, field, status: 'free_text' };
    if (field) return { ...col, field, status: 'mapped' };
    return { ...col, suggestion: suggest(n) };
  });

  const byField = new Map<CanonicalField, PlannedColumn[]>();
  for (const col of columns) {
    if (!col.field || (col.status !== 'mapped' && col.status !== 'wide')) continue;
    // A profile that takes the year from a date column overrides an automatic plain-year column, and vice versa.
    if (fixedYear !== null && (col.field === 'referenceYear' || col.field === 'referenceDate')) {
      col.status = 'dropped';
      continue;
    }
    const list = byField.get(col.field) ?? [];
    if (list.length > 0 && !MULTI_VALUED_FIELDS.has(col.field) && col.status === 'mapped') {
      col.status = 'dropped';
      continue;
    }
    list.push(col);
    byField.set(col.field, list);
  }
  // A plain year column wins over a date column found automatically (unless the profile chose the date column).
  if (byField.has('referenceYear') && byField.has('referenceDate') && !dateColumn) {
    for (const c of byField.get('referenceDate')!) c.status = 'dropped';
    byField.delete('referenceDate');
  } else if (byField.has('referenceYear') && byField.has('referenceDate') && dateColumn) {
    for (const c of byField.get('referenceYear')!) c.status = 'dropped';
    byField.delete('referenceYear');
  }
  // An age column wins over a birth date; an age band column is used only when there is no age.
  if (byField.has('age')) {
    for (const f of ['birthDate', 'ageBand'] as const) {
      for (const c of byField.get(f) ?? []) c.status = 'dropped';
      byField.delete(f);
    }
  }
  return { columns, byField, fixedYear };
}

function suggest(normalisedHeader: string): PlannedColumn['suggestion'] {
  const labels = knownHeaderLabels();
  const candidates = [...labels.keys()];
  if (candidates.length === 0) return undefined;
  const best = closest(normalisedHeader, candidates);
  const d = distance(normalisedHeader, best);
  if (d > Math.max(2, Math.floor(normalisedHeader.length * 0.34))) return undefined;
  // Close in letters is not enough: every word of the title suggested must be in the header, give or take a typo
  // ("petite annonce en ligne" is not "victime annoncee en ligne", "contact en ligne" not "controle en ligne").
  if (!sameWords(normalisedHeader, best)) return undefined;
  return { header: best, field: labels.get(best)! };
}

function sameWords(header: string, candidate: string): boolean {
  const words = header.split(' ');
  return candidate
    .split(' ')
    .filter((w) => w.length >= 3)
    .every((w) => words.some((h) => distance(h, w) <= (w.length >= 8 ? 2 : w.length >= 5 ? 1 : 0)));
}

/** Columns that appeared, vanished or were renamed since the association's previous upload. */
export function diffHeaders(previous: readonly string[] | null, current: readonly string[]): HeaderChanges | null {
  if (!previous) return null;
  const prev = previous.map((h) => h.trim()).filter(Boolean);
  const cur = current.map((h) => h.trim()).filter(Boolean);
  const prevKeys = new Set(prev.map(normaliseLabel));
  const curKeys = new Set(cur.map(normaliseLabel));
  let appeared = cur.filter((h) => !prevKeys.has(normaliseLabel(h)));
  let vanished = prev.filter((h) => !curKeys.has(normaliseLabel(h)));
  const renamed: { from: string; to: string }[] = [];
  for (const to of [...appeared]) {
    const f = fieldForHeader(to);
    let from = f ? vanished.find((v) => fieldForHeader(v) === f) : undefined;
    if (!from) {
      // Same position in both files and a close spelling: a rename too.
      const i = cur.indexOf(to);
      const candidate = prev[i];
      if (candidate && vanished.includes(candidate)) {
        const a = normaliseLabel(candidate);
        const b = normaliseLabel(to);
        if (distance(a, b) <= Math.max(2, Math.floor(Math.max(a.length, b.length) * 0.4))) from = candidate;
      }
    }
    if (from) {
      renamed.push({ from, to });
      appeared = appeared.filter((h) => h !== to);
      vanished = vanished.filter((h) => h !== from);
    }
  }
  return { appeared, vanished, renamed };
}
