/**
 * The mapping screen's choices (issue 15) and how they become the association's mapping profile: a column's field,
 * "ignore", or for a one-hot column the code a ticked cell means; an unrecognised value's code. Shared by the
 * import page's form and the mapping profile page; the profile is the schema's `MappingProfile` (the API validates
 * it again on PUT).
 */
import type { ImportColumn, MappingProfileInput } from '@observatoire/schema';

export interface Option {
  value: string;
  label: string;
}

/** What the server gives the pages to build the selects, labelled in the page's language. */
export interface MappingOptions {
  /** Every field a column can be mapped to, with the schema's label. */
  fields: Option[];
  /** For a one-hot column: per field, `wide:<field>:<code>` options labelled "field = code". */
  wide: { label: string; options: Option[] }[];
  /** Per field: its codes (for unrecognised values, and labels of "what was understood"). */
  codes: Record<string, Option[]>;
  /** Field labels by field. */
  fieldLabels: Record<string, string>;
}

export type ColumnChoice =
  { kind: 'ignore' } | { kind: 'field'; field: string } | { kind: 'wide'; field: string; code: string };

export interface Choices {
  columns: Map<string, ColumnChoice>;
  values: { field: string; value: string; code: string }[];
  /** The profile page's "remove this mapping": columns (whatever they were mapped to) and values. */
  removed?: { columns: string[]; values: { field: string; value: string }[] };
}

/** The select value that removes a mapping on the profile page. */
export const REMOVE = 'remove';

/** The columns the mapping screen shows: the ones waiting for a decision, then the doubtful ones. */
export function columnsToDecide(columns: readonly ImportColumn[]): ImportColumn[] {
  return [...columns.filter((c) => c.needsDecision), ...columns.filter((c) => c.doubtful && !c.needsDecision)];
}

const TICKED = /^(x|oui|o|1|yes|y|vrai|true|✓|✔|coché|coche)$/i;
const UNTICKED = /^(non|n|0|no|faux|false|-)$/i;

/**
 * Whether a column reads as ticks of a wide layout: the ETL says so for an unmapped one; a mapped but doubtful one
 * whose values are all ticks (a "Annonces en ligne" column of X read as online exploitation) is offered the same
 * "a ticked cell means" choices.
 */
export function isOneHot(c: ImportColumn): boolean {
  if (c.reading === 'one_hot') return true;
  const values = (c.samples ?? []).map((s) => s.value.trim());
  return !!c.doubtful && values.some((v) => TICKED.test(v)) && values.every((v) => TICKED.test(v) || UNTICKED.test(v));
}

/** The value a column's select starts with: its one-hot suggestion, its suggested field, or nothing chosen. */
export function initialChoice(c: ImportColumn): string {
  if (c.doubtful) return 'keep';
  if (c.suggestedCode) return `wide:${c.suggestedCode.field}:${c.suggestedCode.code}`;
  if (c.suggestedField) return `field:${c.suggestedField}`;
  return '';
}

export const columnKey = (header: string) => `col:${encodeURIComponent(header)}`;
export const valueKey = (field: string, raw: string) => `map:${field}:${encodeURIComponent(raw)}`;

/** A select's value as a choice; null for "to choose" and "keep" (nothing changes). */
export function parseColumnChoice(v: string): ColumnChoice | null {
  if (v === 'ignore') return { kind: 'ignore' };
  const [kind, field, ...rest] = v.split(':');
  if (kind === 'field' && field) return { kind: 'field', field };
  if (kind === 'wide' && field && rest.length > 0) return { kind: 'wide', field, code: rest.join(':') };
  return null;
}

/** The choices of a posted form (`col:<header>` and `map:<field>:<value>` fields; empty ones are no choice). */
export function choicesOf(form: FormData): Choices {
  const columns = new Map<string, ColumnChoice>();
  const values: Choices['values'] = [];
  const removed: NonNullable<Choices['removed']> = { columns: [], values: [] };
  for (const [key, v] of form) {
    if (typeof v !== 'string' || !v) continue;
    if (key.startsWith('col:') && v === REMOVE) removed.columns.push(decodeURIComponent(key.slice(4)));
    else if (key.startsWith('map:') && v === REMOVE) {
      const [, field, ...rest] = key.split(':');
      removed.values.push({ field, value: decodeURIComponent(rest.join(':')) });
    } else if (key.startsWith('col:')) {
      const choice = parseColumnChoice(v);
      if (choice) columns.set(decodeURIComponent(key.slice(4)), choice);
    } else if (key.startsWith('map:')) {
      const [, field, ...rest] = key.split(':');
      values.push({ field, value: decodeURIComponent(rest.join(':')), code: v });
    }
  }
  return { columns, values, removed };
}

/** A header as the ETL compares them: case, accents and punctuation aside (the schema's `normaliseLabel`). */
const headerKey = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const sameHeader = (a: string, b: string) => headerKey(a) === headerKey(b);

/**
 * The profile with the choices applied, the rest kept as it was: a column chosen again loses its earlier mapping
 * (as a field, as ignored or as a one-hot column; headers compared as the ETL does, case and accents aside).
 */
export function applyChoices(current: MappingProfileInput | null, choices: Choices): MappingProfileInput {
  const profile: MappingProfileInput = structuredClone(current ?? {});
  profile.version = 1;
  let columns = { ...(profile.columns ?? {}) };
  let wide = [...(profile.wide ?? [])];
  const values: Record<string, Record<string, string>> = structuredClone(profile.values ?? {}) as never;
  for (const header of choices.removed?.columns ?? []) {
    columns = Object.fromEntries(Object.entries(columns).filter(([h]) => !sameHeader(h, header)));
    wide = wide.filter((w) => !sameHeader(w.column, header));
  }
  for (const { field, value } of choices.removed?.values ?? []) {
    if (!values[field]) continue;
    delete values[field][value];
    if (Object.keys(values[field]).length === 0) delete values[field];
  }
  for (const [header, choice] of choices.columns) {
    columns = Object.fromEntries(Object.entries(columns).filter(([h]) => !sameHeader(h, header)));
    wide = wide.filter((w) => !sameHeader(w.column, header));
    if (choice.kind === 'ignore') columns[header] = 'ignore';
    else if (choice.kind === 'field') columns[header] = choice.field as never;
    else wide.push({ column: header, field: choice.field as never, code: choice.code });
  }
  for (const v of choices.values) values[v.field] = { ...(values[v.field] ?? {}), [v.value]: v.code };
  profile.columns = columns;
  profile.wide = wide;
  profile.values = values;
  return profile;
}

/** A value's options: its closest codes first (as the ETL ranked them), then every code of the field. */
export function valueOptions(
  codes: readonly Option[],
  candidates: readonly string[],
): { closest: Option[]; others: Option[] } {
  const closest = candidates.map((c) => codes.find((o) => o.value === c)).filter((o): o is Option => o !== undefined);
  return { closest, others: codes.filter((o) => !candidates.includes(o.value)) };
}
