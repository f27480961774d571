import {
  ageBandOf,
  isMinorAge,
  isMinorBand,
  labelKey,
  normaliseLabel,
  resolveCode,
  resolveCountry,
  resolveRecruitment,
  platformChannel,
  MAX_REPORTED_ERRORS,
  type AgeBand,
  type CodeListName,
  type LocalisedText,
  type MappingProfile,
} from '@observatoire/schema';
import type { CanonicalField } from '../mapping/fields.js';
import type { ColumnPlan, PlannedColumn } from '../mapping/plan.js';
import { msg } from '../messages.js';
import { caseKeyInput, contentKeyInput } from '../privacy/pseudonym.js';
import { keptValue } from '../privacy/kept-values.js';
import { KeyPrefixSet } from './key-set.js';
import { isUnknownToken, looksLikeFormula, parseAge, parseDate, parseYear } from './parse.js';
import { isFalsy, truthySet } from './ticks.js';

export const MIN_YEAR = 2000;
export const MAX_AGE = 100;
/** Default separators of multi-valued cells. */
export const DEFAULT_SEPARATORS = [',', ';', '/', '+', '|'];

/** Memo tables stop growing past this many distinct values (memory stays bounded on hostile input). */
const MEMO_LIMIT = 50_000;
/** Distinct (code, column, raw value) warnings kept; the rest are grouped. */
const MAX_DISTINCT_WARNINGS = 500;

type YearResult = { year: number; error?: undefined } | { error: string; year?: number };
type AgeResult = { band: AgeBand; minor: boolean | null; warn?: boolean } | { error: number };

export interface RowError {
  code: string;
  row: number;
  column: string;
  /** Absent when the column's values are never kept (see `keptValue`). */
  rawValue?: string;
  message: LocalisedText;
}

export interface GroupedWarning {
  code: string;
  column: string;
  field: string;
  rawValue: string;
  count: number;
  rows: number[];
}

/** The categorical part of a record, computed once per distinct combination of raw cells. */
interface BodyMemo {
  gender: string;
  tail: string;
  warns: [string, PlannedColumn, string][];
  /** Local profile number by age band and minor flag (the rest of the profile is this memo's). */
  profiles: Map<string, number>;
  /** The raw cells of the body columns this memo stands for, and the accepted rows that had them. */
  cells: string[];
  rows: number;
}

interface Resolved {
  codes: string[];
  /** Recruitment only: platforms named (and channels they imply are in `codes`). */
  platforms?: string[];
  /** Raw parts that were not recognised, or that were formulas. */
  unknownParts?: string[];
  formula?: boolean;
}

/** Values written into a raw value of a report: a formula-looking value is neutralised with a leading quote. */
export function safeRaw(value: string): string {
  const v = value.length > 200 ? `${value.slice(0, 200)}…` : value;
  return looksLikeFormula(v) ? `'${v}` : v;
}

function pgArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/**
 * Accepted rows waiting for their case keys (HMAC-SHA256 of `inputs`, computed in batches, possibly in a worker):
 * `linesOf` then turns them into staging COPY lines.
 */
export class PendingRows {
  years: number[] = [];
  inputs: string[] = [];
  /** Whether the key comes from the association's case id (only those can repeat). */
  fromId: boolean[] = [];
  profiles: number[] = [];
  rows: number[] = [];
  get length(): number {
    return this.inputs.length;
  }
}

export interface NormaliserOptions {
  associationId: string;
  key: Buffer;
  profile: MappingProfile | null;
  currentYear?: number;
}

/** Accumulates a row's recruitment: channels and platforms from several columns. */
interface Recruitment {
  channels: Set<string>;
  platforms: Set<string>;
}

/**
 * Turns one source row into one COPY line of the staging table (or row errors). Every lookup of a raw value is
 * cached: exports repeat few distinct values, so a million rows cost a million Map lookups, not a million
 * synonym resolutions.
 */
export class RowNormaliser {
  /** The first row errors (the report lists at most this many; `errorCount` is exact). */
  readonly errors: RowError[] = [];
  errorCount = 0;
  rejectedRows = 0;
  readonly years = new Set<number>();
  private readonly warnings = new Map<string, GroupedWarning>();
  private readonly caches = new Map<string, Map<string, Resolved>>();
  private readonly separators: RegExp;
  private readonly values: Map<string, Map<string, string>>;
  private readonly truthy: Set<string>;
  private readonly currentYear: number;
  private readonly occurrences = new Map<string, number>();
  private readonly col: Partial<Record<CanonicalField, PlannedColumn[]>> = {};
  /** Columns the categorical part of a record depends on (everything but id, year and age). */
  private readonly bodyColumns: number[];
  /**
   * Categorical part of a record by its raw cells, with the warnings to repeat for each row that has them: a tree
   * of maps, one level per column (no key string built per row), bounded to MEMO_LIMIT nodes.
   */
  private readonly bodyMemo = new Map<string, unknown>();
  private bodyMemoNodes = 0;
  /** Local profile number of each distinct profile seen (bounded: past the limit, a profile gets a new number). */
  private readonly profileIds = new Map<string, number>();
  private nextProfile = 0;
  private pending = new PendingRows();
  /** The (year, case id key) pairs seen, to tell whether the exact duplicate check is needed. */
  private readonly seenKeys = new KeyPrefixSet();
  /** False when no (year, case id) repeats, for certain; true when one may (the loader checks exactly). */
  possibleDuplicates = false;
  /** Profile COPY lines (`local id`, then the profile's columns) not yet taken by `takeProfiles`. */
  private pendingProfiles: string[] = [];
  private readonly yearMemo = new Map<string, YearResult>();
  private readonly ageMemo = new Map<string, AgeResult>();
  private collecting: [string, PlannedColumn, string][] | null = null;
  /** What "what was understood" is computed from: the stored memos, rows per profile and profile bodies. */
  private readonly memos: BodyMemo[] = [];
  private readonly profileRows: number[] = [];
  private readonly profileBodies: string[] = [];
  /** Accepted rows whose memo could not be stored (past MEMO_LIMIT): their raw values are not tallied. */
  private untalliedRows = 0;

  constructor(
    private readonly plan: ColumnPlan,
    private readonly opts: NormaliserOptions,
  ) {
    const seps = opts.profile?.separators ?? DEFAULT_SEPARATORS;
    this.separators = new RegExp(`\\s*(?:${seps.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*`);
    this.values = new Map();
    for (const [field, table] of Object.entries(opts.profile?.values ?? {})) {
      const m = new Map<string, string>();
      for (const [raw, code] of Object.entries(table ?? {})) m.set(labelKey(raw), code);
      this.values.set(field, m);
    }
    this.truthy = truthySet(opts.profile?.truthy);
    this.currentYear = opts.currentYear ?? new Date().getUTCFullYear();
    for (const [field, cols] of plan.byField) this.col[field] = cols;
    const notBody = new Set<CanonicalField>([
      'caseId',
      'referenceYear',
      'referenceDate',
      'age',
      'ageBand',
      'birthDate',
    ]);
    this.bodyColumns = [...plan.byField.entries()]
      .filter(([field]) => !notBody.has(field))
      .flatMap(([, cols]) => cols.map((c) => c.index));
  }

  private yearOf(raw: string, dateColumn: boolean): YearResult {
    let r = this.yearMemo.get(raw);
    if (r) return r;
    const parsed = dateColumn
      ? raw.trim() === ''
        ? ({ kind: 'empty' } as const)
        : ((d) => (d ? ({ kind: 'year', year: d.year } as const) : ({ kind: 'invalid' } as const)))(parseDate(raw))
      : parseYear(raw);
    if (parsed.kind === 'empty') r = { error: 'year_missing' };
    else if (parsed.kind === 'invalid') r = { error: 'year_invalid' };
    else if (parsed.year < MIN_YEAR || parsed.year > this.currentYear)
      r = { error: 'year_out_of_range', year: parsed.year };
    else r = { year: parsed.year };
    if (this.yearMemo.size < MEMO_LIMIT) this.yearMemo.set(raw, r);
    return r;
  }

  private ageOf(raw: string): AgeResult {
    let r = this.ageMemo.get(raw);
    if (r) return r;
    const n = raw.length < 40 ? normaliseLabel(raw) : '';
    const parsed = parseAge(raw, n);
    if (parsed.kind === 'age') {
      r =
        parsed.age < 0 || parsed.age > MAX_AGE
          ? { error: parsed.age }
          : { band: ageBandOf(parsed.age), minor: isMinorAge(parsed.age) };
    } else if (parsed.kind === 'invalid') {
      const band = resolveCode('ageBand', raw);
      if (band) r = { band, minor: isMinorBand(band) };
      else if (/^(mineur|mineure|minor|moins de 18)/.test(n)) r = { band: 'unknown', minor: true };
      else r = { band: 'unknown', minor: null, warn: true };
    } else r = { band: 'unknown', minor: null };
    if (this.ageMemo.size < MEMO_LIMIT) this.ageMemo.set(raw, r);
    return r;
  }

  /**
   * Normalises one row: false when it is rejected (its errors are recorded), true when accepted (it joins the
   * pending rows, whose keys and COPY lines come later: `takePending`, `linesOf`).
   */
  normalise(cells: readonly string[], row: number): boolean {
    const c = this.col;
    const rowErrors: RowError[] = [];

    // Reference year.
    let year: number | null = this.plan.fixedYear;
    if (year === null) {
      const ycol = c.referenceYear?.[0] ?? c.referenceDate?.[0];
      const raw = ycol ? (cells[ycol.index] ?? '') : '';
      const y = this.yearOf(raw, ycol?.field === 'referenceDate');
      const header = ycol?.header ?? '';
      if ('year' in y && y.error === undefined) year = y.year;
      else if (y.error === 'year_missing')
        rowErrors.push(this.err('year_missing', row, ycol, raw, msg.yearMissing(header)));
      else if (y.error === 'year_invalid')
        rowErrors.push(this.err('year_invalid', row, ycol, raw, msg.yearInvalid(header)));
      else rowErrors.push(this.err('year_out_of_range', row, ycol, raw, msg.yearOutOfRange(header, y.year!)));
    }

    // Age band and minor flag.
    let ageBand: AgeBand = 'unknown';
    let minor: boolean | null = null;
    const ageCol = c.age?.[0];
    if (ageCol) {
      const raw = cells[ageCol.index] ?? '';
      const a = this.ageOf(raw);
      if ('error' in a)
        rowErrors.push(this.err('age_out_of_range', row, ageCol, raw, msg.ageOutOfRange(ageCol.header, a.error)));
      else {
        ageBand = a.band;
        minor = a.minor;
        if (a.warn) this.warn('age_unreadable', ageCol, raw, row);
      }
    } else if (c.ageBand?.[0]) {
      const bcol = c.ageBand[0];
      const raw = cells[bcol.index] ?? '';
      const band = resolveCode('ageBand', raw);
      if (band) {
        ageBand = band;
        minor = isMinorBand(band);
      } else if (!isUnknownToken(normaliseLabel(raw))) this.warn('unknown_value', bcol, raw, row);
    } else if (c.birthDate?.[0] && year !== null) {
      const bcol = c.birthDate[0];
      const raw = (cells[bcol.index] ?? '').trim();
      const d = /^\d{4}$/.test(raw) ? { year: Number(raw), month: 0, day: 0 } : parseDate(raw);
      if (d) {
        // Age at the reference date when the file gives one (the date of support), otherwise the age reached
        // during the reference year: the band is all that is kept, never the date.
        const refCol = c.referenceDate?.[0];
        const ref = refCol && d.month ? parseDate(cells[refCol.index] ?? '') : null;
        const age = ref ? ageAt(d, ref) : year - d.year;
        if (age < 0 || age > MAX_AGE)
          rowErrors.push(this.err('age_out_of_range', row, bcol, '', msg.ageOutOfRange(bcol.header, age)));
        else {
          ageBand = ageBandOf(age);
          minor = isMinorAge(age);
        }
      } else if (raw !== '' && !isUnknownToken(normaliseLabel(raw))) this.warn('age_unreadable', bcol, '', row);
    }

    if (rowErrors.length > 0) {
      this.rejectedRows++;
      for (const e of rowErrors) {
        this.errorCount++;
        if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(e);
      }
      return false;
    }

    const bodyColumns = this.bodyColumns;
    let level: Map<string, unknown> | undefined = this.bodyMemo;
    for (let k = 0; level && k < bodyColumns.length; k++)
      level = level.get(cells[bodyColumns[k]] ?? '') as typeof level;
    let memo = level?.get('') as BodyMemo | undefined;
    if (!memo) {
      const warns: [string, PlannedColumn, string][] = [];
      this.collecting = warns;
      try {
        const gender = this.single(c.gender, 'gender', cells, row, 'unknown');
        const relation = this.single(c.recruiterRelation, 'recruiterRelation', cells, row, 'unknown');
        const onlineExpl = this.single(c.onlineExploitation, 'yesNoUnknown', cells, row, 'unknown');
        const onlineControl = this.single(c.onlineControl, 'yesNoUnknown', cells, row, 'unknown');
        const country = this.singleCountry(c.exploitationCountry, cells, row);
        const citizenship = this.multi(c.citizenship, cells, row);
        const exploitation = this.multi(c.exploitationTypes, cells, row);
        const explPlatforms = this.multi(c.exploitationPlatforms, cells, row);
        const recruitment = this.recruitment(cells, row);
        // Columns in PROFILE_COLUMNS order (load/staging.ts): test/import/profile-columns.int.spec.ts checks it.
        memo = {
          gender,
          tail:
            `${citizenship}\t${exploitation}\t${recruitment}\t${onlineExpl}\t${explPlatforms}\t${onlineControl}\t` +
            `${country ?? '\\N'}\t${relation}`,
          warns,
          profiles: new Map(),
          cells: bodyColumns.map((i) => cells[i] ?? ''),
          rows: 0,
        };
      } finally {
        this.collecting = null;
      }
      if (this.bodyMemoNodes < MEMO_LIMIT) {
        let node = this.bodyMemo;
        for (const i of bodyColumns) {
          const v = cells[i] ?? '';
          let next = node.get(v) as Map<string, unknown> | undefined;
          if (!next) {
            next = new Map();
            node.set(v, next);
            this.bodyMemoNodes++;
          }
          node = next;
        }
        // The memo sits under '' in the last level (a column's map holds maps; this one also holds the memo).
        node.set('', memo);
        this.bodyMemoNodes++;
        this.memos.push(memo);
      } else this.untalliedRows++;
    }
    memo.rows++;
    for (const [code, col, raw] of memo.warns) this.warn(code, col, raw, row);
    const minorText = minor === null ? '\\N' : minor ? 't' : 'f';
    let profile = memo.profiles.get(ageBand + minorText);
    let body: string | undefined;
    if (profile === undefined) {
      body = `${memo.gender}\t${ageBand}\t${minorText}\t${memo.tail}`;
      profile = this.profileOf(body);
      memo.profiles.set(ageBand + minorText, profile);
    }
    this.profileRows[profile] = (this.profileRows[profile] ?? 0) + 1;

    // Case key: the pseudonym of the association's own id, or of the record's content when there is none.
    const idCol = c.caseId?.[0];
    const rawId = idCol ? (cells[idCol.index] ?? '').trim() : '';
    const pending = this.pending;
    if (rawId !== '') {
      pending.inputs.push(caseKeyInput(this.opts.associationId, rawId));
      pending.fromId.push(true);
    } else {
      if (idCol) this.warn('case_id_missing', idCol, '', row);
      body ??= `${memo.gender}\t${ageBand}\t${minorText}\t${memo.tail}`;
      const fingerprint = `${year}\t${body}`;
      const n = (this.occurrences.get(fingerprint) ?? 0) + 1;
      this.occurrences.set(fingerprint, n);
      pending.inputs.push(contentKeyInput(this.opts.associationId, fingerprint, n));
      pending.fromId.push(false);
    }
    pending.years.push(year!);
    pending.profiles.push(profile);
    pending.rows.push(row);
    this.years.add(year!);
    return true;
  }

  /** Accepted rows waiting to be taken by `takePending`. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** The accepted rows since the last call, waiting for their keys. */
  takePending(): PendingRows {
    const out = this.pending;
    this.pending = new PendingRows();
    return out;
  }

  /** Staging COPY lines of rows taken by `takePending`, given their keys (in order). */
  linesOf(rows: PendingRows, keys: readonly string[]): string {
    let out = '';
    for (let i = 0; i < keys.length; i++) {
      if (rows.fromId[i] && this.seenKeys.add(rows.years[i], keys[i])) this.possibleDuplicates = true;
      out += `${rows.years[i]}\t${keys[i]}\t${rows.profiles[i]}\t${rows.rows[i]}\n`;
    }
    return out;
  }

  /** The local number of a profile (its columns as a COPY line body), adding it to the pending lines if new. */
  private profileOf(body: string): number {
    let id = this.profileIds.get(body);
    if (id !== undefined) return id;
    id = this.nextProfile++;
    // Past the limit a repeated profile gets a second number: the loader resolves numbers to profiles by content.
    if (this.profileIds.size < MEMO_LIMIT) this.profileIds.set(body, id);
    if (id < MEMO_LIMIT * 2) this.profileBodies[id] = body;
    const line = `${id}\t${body}\n`;
    this.pendingProfiles.push(line);
    return id;
  }

  /** The profile COPY lines added since the last call (the loader writes them to `import_profile`). */
  takeProfiles(): string {
    const out = this.pendingProfiles.join('');
    this.pendingProfiles = [];
    return out;
  }

  private err(
    code: string,
    row: number,
    col: PlannedColumn | undefined,
    raw: string,
    message: LocalisedText,
  ): RowError {
    const kept = keptValue(col?.field, raw);
    return { code, row, column: col?.header ?? '', ...(kept !== null && { rawValue: safeRaw(kept) }), message };
  }

  warn(code: string, col: PlannedColumn, raw: string, row: number): void {
    if (this.collecting) {
      this.collecting.push([code, col, raw]);
      return;
    }
    // A value of an id, date or free-text column (or one that reads like a narrative) is never kept: its warnings
    // are grouped without it.
    raw = keptValue(col.field, raw) ?? '';
    let k = `${code}\u0000${col.index}\u0000${raw}`;
    // Past a bound, further distinct values share one "other values" warning per code and column.
    if (this.warnings.size >= MAX_DISTINCT_WARNINGS && !this.warnings.has(k)) {
      k = `${code}\u0000${col.index}\u0000\u0000other`;
      raw = '…';
    }
    const w = this.warnings.get(k);
    if (w) {
      w.count++;
      if (w.rows.length < 10) w.rows.push(row);
    } else
      this.warnings.set(k, {
        code,
        column: col.header,
        field: col.field ?? '',
        rawValue: safeRaw(raw),
        count: 1,
        rows: [row],
      });
  }

  /**
   * What the accepted rows were read as, for the report's "what was understood": the profiles with their row
   * counts, and each body column's raw values with their row counts (from the memos; rows past the memo bound are
   * counted in `untalliedRows` only).
   */
  tallies(): {
    profiles: { body: string; rows: number }[];
    values: Map<PlannedColumn, Map<string, number>>;
    untalliedRows: number;
  } {
    const profiles: { body: string; rows: number }[] = [];
    this.profileRows.forEach((rows, id) => {
      const body = this.profileBodies[id];
      if (body !== undefined && rows) profiles.push({ body, rows });
    });
    const byIndex = new Map<number, PlannedColumn>();
    for (const cols of Object.values(this.col)) for (const c of cols ?? []) byIndex.set(c.index, c);
    const values = new Map<PlannedColumn, Map<string, number>>();
    this.bodyColumns.forEach((index, k) => {
      const col = byIndex.get(index)!;
      const m = new Map<string, number>();
      for (const memo of this.memos) m.set(memo.cells[k], (m.get(memo.cells[k]) ?? 0) + memo.rows);
      values.set(col, m);
    });
    return { profiles, values, untalliedRows: this.untalliedRows };
  }

  /** The codes a raw cell of a column resolves to (channels and platforms together for recruitment). */
  codesOf(col: PlannedColumn, raw: string): { codes: string[]; platforms: string[] } {
    const field = col.field!;
    if (col.status === 'wide') return { codes: [], platforms: [] };
    if (MULTI_FIELDS.has(field)) {
      const r = this.cache(`${field}:${col.index}`).get(raw) ?? this.resolveMulti(field, raw);
      return { codes: r.codes, platforms: r.platforms ?? [] };
    }
    if (field === 'exploitationCountry') {
      const code = this.profileValue(field, raw) ?? resolveCountry(raw);
      return { codes: code ? [code] : [], platforms: [] };
    }
    const list = SINGLE_LISTS[field];
    if (!list) return { codes: [], platforms: [] };
    return { codes: (this.cache(field).get(raw) ?? this.resolveSingle(field, list, raw)).codes, platforms: [] };
  }

  groupedWarnings(): GroupedWarning[] {
    return [...this.warnings.values()].sort((a, b) => b.count - a.count);
  }

  private cache(name: string): Map<string, Resolved> {
    let m = this.caches.get(name);
    if (!m) this.caches.set(name, (m = new Map()));
    return m;
  }

  /** Profile value synonym for a field, if any. */
  private profileValue(field: string, raw: string): string | undefined {
    return this.values.get(field)?.get(labelKey(raw));
  }

  private resolveSingle(field: string, list: CodeListName, raw: string): Resolved {
    if (looksLikeFormula(raw)) return { codes: ['unknown'], formula: true };
    const n = normaliseLabel(raw);
    if (n === '') return { codes: ['unknown'] };
    const code = this.profileValue(field, raw) ?? resolveCode(list, raw);
    if (code) return { codes: [code] };
    if (isUnknownToken(n)) return { codes: ['unknown'] };
    return { codes: ['unknown'], unknownParts: [raw.trim()] };
  }

  private single(
    cols: PlannedColumn[] | undefined,
    list: CodeListName,
    cells: readonly string[],
    row: number,
    fallback: string,
  ): string {
    const col = cols?.[0];
    if (!col) return fallback;
    const raw = cells[col.index] ?? '';
    const r = this.resolved(col.field!, raw, () => this.resolveSingle(col.field!, list, raw));
    this.warnResolved(r, col, raw, row);
    return r.codes[0];
  }

  /** A raw cell's resolution, computed once per distinct value of the cache `name` (up to MEMO_LIMIT values). */
  private resolved(name: string, raw: string, resolve: () => Resolved): Resolved {
    const cache = this.cache(name);
    let r = cache.get(raw);
    if (!r) {
      r = resolve();
      if (cache.size < MEMO_LIMIT) cache.set(raw, r);
    }
    return r;
  }

  /** What a resolution tells the report about the cell: a formula, or the parts that were not recognised. */
  private warnResolved(r: Resolved, col: PlannedColumn, raw: string, row: number): void {
    if (r.formula) this.warn('formula_value', col, raw, row);
    else if (r.unknownParts) for (const p of r.unknownParts) this.warn('unknown_value', col, p, row);
  }

  private singleCountry(cols: PlannedColumn[] | undefined, cells: readonly string[], row: number): string | null {
    const col = cols?.[0];
    if (!col) return null;
    const raw = cells[col.index] ?? '';
    const r = this.resolved(col.field!, raw, () => this.resolveCountryCell(col.field!, raw));
    this.warnResolved(r, col, raw, row);
    return r.codes[0] ?? null;
  }

  /** A cell naming one country: the profile's synonym or the country lists; at most one part not recognised. */
  private resolveCountryCell(field: string, raw: string): Resolved {
    if (looksLikeFormula(raw)) return { codes: [], formula: true };
    const n = normaliseLabel(raw);
    const code = this.profileValue(field, raw) ?? (n ? resolveCountry(raw) : null);
    if (code) return { codes: [code] };
    return n && !isUnknownToken(n) ? { codes: [], unknownParts: [raw.trim()] } : { codes: [] };
  }

  /** One part of a multi-valued cell, resolved for a field. */
  private resolvePart(field: CanonicalField, part: string): { codes: string[]; platforms?: string[] } | null {
    const synonym = this.profileValue(field, part);
    switch (field) {
      case 'citizenship': {
        const code = synonym ?? resolveCountry(part);
        return code ? { codes: [code] } : null;
      }
      case 'exploitationTypes': {
        const code = synonym ?? resolveCode('exploitationType', part);
        return code ? { codes: [code] } : null;
      }
      case 'exploitationPlatforms': {
        const code = synonym ?? resolveCode('recruitmentPlatform', part);
        return code ? { codes: [code] } : null;
      }
      case 'recruitmentChannels':
      case 'recruitmentPlatforms': {
        if (synonym) {
          const implied = platformChannel(synonym);
          return implied || resolveCode('recruitmentPlatform', synonym) === synonym
            ? { codes: implied ? [implied] : [], platforms: [synonym] }
            : { codes: [synonym], platforms: [] };
        }
        const r = resolveRecruitment(part);
        if (r) return { codes: r.channels, platforms: r.platforms };
        if (field === 'recruitmentPlatforms') {
          const p = resolveCode('recruitmentPlatform', part);
          if (p) return { codes: [], platforms: [p] };
        }
        return null;
      }
      default:
        return null;
    }
  }

  /**
   * A multi-valued cell: the whole cell is tried first ("Amis / connaissances", "Conjoint / petit ami" are single
   * values that contain a separator), then each part.
   */
  private resolveMulti(field: CanonicalField, raw: string): Resolved {
    if (looksLikeFormula(raw)) return { codes: [], platforms: [], formula: true };
    const trimmed = raw.trim();
    if (normaliseLabel(trimmed) === '') return { codes: [], platforms: [] };
    const whole = this.resolvePart(field, trimmed);
    if (whole) return { codes: whole.codes, platforms: whole.platforms ?? [] };
    const codes: string[] = [];
    const platforms: string[] = [];
    const unknownParts: string[] = [];
    for (const part of trimmed.split(this.separators)) {
      const n = normaliseLabel(part);
      if (!n) continue;
      const r = this.resolvePart(field, part);
      if (r) {
        codes.push(...r.codes);
        if (r.platforms) platforms.push(...r.platforms);
      } else if (isUnknownToken(n)) codes.push('unknown');
      else {
        unknownParts.push(part.trim());
        codes.push('unknown');
      }
    }
    return { codes, platforms, ...(unknownParts.length > 0 && { unknownParts }) };
  }

  private multiResolved(col: PlannedColumn, cells: readonly string[], row: number): Resolved {
    const raw = cells[col.index] ?? '';
    if (col.status === 'wide') {
      // ✓ and ✔ have no letter: normaliseLabel empties them, so they are compared as written.
      const n = raw.length < 20 ? normaliseLabel(raw) || raw.trim() : 'invalid';
      if (this.truthy.has(n)) {
        const code = col.wideCode!;
        if (col.field === 'recruitmentChannels' || col.field === 'recruitmentPlatforms') {
          const r = this.resolvePart(col.field, code);
          return r ? { codes: r.codes, platforms: r.platforms ?? [] } : { codes: [code], platforms: [] };
        }
        return { codes: [code] };
      }
      if (!isFalsy(n)) this.warn('wide_value', col, raw, row);
      return { codes: [], platforms: [] };
    }
    const r = this.resolved(`${col.field}:${col.index}`, raw, () => this.resolveMulti(col.field!, raw));
    this.warnResolved(r, col, raw, row);
    return r;
  }

  /** PostgreSQL array literal of a multi-valued field; `{unknown}` when nothing is known. */
  private multi(cols: PlannedColumn[] | undefined, cells: readonly string[], row: number): string {
    if (!cols) return '{unknown}';
    if (cols.length === 1) {
      const r = this.multiResolved(cols[0], cells, row);
      return finalise(r.codes);
    }
    const all: string[] = [];
    for (const col of cols) all.push(...this.multiResolved(col, cells, row).codes);
    return finalise(all);
  }

  /** Channels and platforms together: a named platform also gives the channel it implies. */
  private recruitment(cells: readonly string[], row: number): string {
    const acc: Recruitment = { channels: new Set(), platforms: new Set() };
    for (const field of ['recruitmentChannels', 'recruitmentPlatforms'] as const) {
      for (const col of this.col[field] ?? []) {
        const r = this.multiResolved(col, cells, row);
        for (const code of r.codes) acc.channels.add(code);
        for (const p of r.platforms ?? []) acc.platforms.add(p);
      }
    }
    return `${finalise([...acc.channels])}\t${finalise([...acc.platforms])}`;
  }
}

const MULTI_FIELDS = new Set<string>([
  'citizenship',
  'exploitationTypes',
  'recruitmentChannels',
  'recruitmentPlatforms',
  'exploitationPlatforms',
]);
const SINGLE_LISTS: Partial<Record<string, CodeListName>> = {
  gender: 'gender',
  recruiterRelation: 'recruiterRelation',
  onlineExploitation: 'yesNoUnknown',
  onlineControl: 'yesNoUnknown',
};

/** Full years between a birth date and a later date. */
function ageAt(birth: { year: number; month: number; day: number }, at: { year: number; month: number; day: number }) {
  const before = at.month < birth.month || (at.month === birth.month && at.day < birth.day);
  return at.year - birth.year - (before ? 1 : 0);
}

/** Sorted, deduplicated; `unknown` only when nothing else is known. */
function finalise(codes: string[]): string {
  if (codes.length === 0) return '{unknown}';
  if (codes.length === 1) return `{${codes[0]}}`;
  const set = new Set(codes);
  if (set.size > 1) set.delete('unknown');
  return pgArray([...set].sort());
}

/** Turns grouped warnings into report issues with their localised message. */
export function warningMessage(w: GroupedWarning): LocalisedText {
  switch (w.code) {
    case 'formula_value':
      return msg.formulaValue(w.column, w.count);
    case 'age_unreadable':
      return msg.ageUnreadable(w.column, w.count);
    case 'case_id_missing':
      return msg.caseIdMissing(w.column, w.count);
    case 'wide_value':
      return msg.wideValue(w.column, w.count);
    default:
      return msg.unknownValue(w.column, w.field, w.count);
  }
}
