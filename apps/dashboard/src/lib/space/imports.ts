/**
 * The space's view of an upload, read from the API's JSON. The wire shape is owned by @observatoire/schema
 * (`importReportSchema`); this module only picks what the pages show and gives every field a safe default, so
 * a report from an older ETL version still renders instead of breaking the page.
 */
import { localePath } from '$lib/paths.js';
import type {
  FieldReading,
  ImportColumn,
  ImportCounts as SchemaImportCounts,
  ImportYearChange,
  LocalisedText,
} from '@observatoire/schema';
import type { Lang } from '$lib/i18n/index.js';

/** A French-and-English text: the schema's. */
export type Localised = LocalisedText;

export interface ImportIssueView {
  /** The ETL's stable code (internal_error, xlsx_corrupt, replace_not_confirmed…), when it gave one. */
  code: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
  message: Localised;
  fix: Localised | null;
}

export interface ImportWarningView {
  code: string;
  column: string | null;
  /** The code list the value should belong to (gender, recruitmentChannel...), when the ETL says so. */
  field: string | null;
  value: string | null;
  count: number;
  message: Localised;
  /** An unrecognised value: the closest codes of its field, closest first. */
  candidates: string[];
}

/** The import's control totals the pages show: the schema's, but rows skipped (blank lines, totals rows). */
export type ImportCounts = Omit<SchemaImportCounts, 'rowsSkipped'>;

export interface ImportView {
  id: string;
  status: string;
  /** The ETL's outcome (committed, dry_run, rejected, refused, duplicate, failed), once processed. */
  outcome: string | null;
  dryRun: boolean;
  /** SHA-256 of the file, from the report: ties a preview to its confirmation or its re-run. */
  contentHash: string | null;
  /** A preview already confirmed or previewed again: the later upload of the same file. */
  closedBy: string | null;
  format: string | null;
  originalName: string | null;
  createdAt: string | null;
  finishedAt: string | null;
  referenceYears: number[];
  supersededYears: number[];
  counts: ImportCounts;
  /** Per reference year, the stored cases before and after this upload (the ETL's comparison). */
  yearChanges: ImportYearChange[];
  issues: ImportIssueView[];
  issuesTotal: number;
  warnings: ImportWarningView[];
  /** The report's columns: how each was mapped, and for the mapping screen what the others look like. */
  columns: ImportColumn[];
  /** How each field's values were read ("what was understood"). */
  understood: FieldReading[];
  notes: Localised[];
  summary: Localised | null;
  /** What is kept of this upload and for how long (the API's statement). */
  retention: Localised | null;
  refusal: Localised | null;
  failure: Localised | null;
  associationSlug: string | null;
  associationName: string | null;
}

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(...candidates: unknown[]): number {
  for (const c of candidates) if (typeof c === 'number' && Number.isFinite(c)) return c;
  return 0;
}

function str(...candidates: unknown[]): string | null {
  for (const c of candidates) {
    if (typeof c === 'string') return c;
    if (typeof c === 'number') return String(c);
  }
  return null;
}

/** A localised message: `{fr, en}`, or a plain string used for both languages. */
export function localised(v: unknown): Localised | null {
  if (isObj(v) && (typeof v.fr === 'string' || typeof v.en === 'string')) {
    const fr = typeof v.fr === 'string' ? v.fr : String(v.en);
    const en = typeof v.en === 'string' ? v.en : fr;
    return { fr, en };
  }
  if (typeof v === 'string' && v) return { fr: v, en: v };
  return null;
}

export function pick(text: Localised | null | undefined, locale: Lang): string {
  if (!text) return '';
  return locale === 'fr' ? text.fr : text.en;
}

function years(v: unknown): number[] {
  return Array.isArray(v) ? v.filter((y): y is number => typeof y === 'number').sort((a, b) => a - b) : [];
}

function toIssue(v: unknown): ImportIssueView | null {
  if (!isObj(v)) return null;
  const message = localised(v.message) ?? { fr: String(v.code ?? ''), en: String(v.code ?? '') };
  return {
    code: str(v.code),
    row: typeof v.row === 'number' ? v.row : null,
    column: str(v.column, v.header),
    value: str(v.rawValue, v.raw, v.value),
    message,
    fix: localised(v.fix) ?? localised(v.hint),
  };
}

function toYearChanges(v: unknown): ImportYearChange[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((c): c is Json => isObj(c) && typeof c.year === 'number')
    .map((c) => ({
      year: c.year as number,
      before: num(c.before),
      after: num(c.after),
      new: num(c.new),
      replaced: num(c.replaced),
      unchanged: num(c.unchanged),
      removed: num(c.removed),
      partial: c.partial === true,
    }));
}

/**
 * The years whose stored cases an upload would remove or change: confirming it replaces them, which the
 * association decides explicitly (the API refuses a removal of cases of a year the confirmation does not name).
 */
export function yearsToReplace(changes: readonly ImportYearChange[]): ImportYearChange[] {
  return changes.filter((c) => c.before > 0 && (c.removed > 0 || c.replaced > 0));
}

function toWarning(v: unknown, fieldOf: Map<string, string>): ImportWarningView | null {
  if (!isObj(v)) return null;
  const column = str(v.column, v.header);
  const count = num(v.count, Array.isArray(v.rows) ? v.rows.length : undefined, 1);
  return {
    code: str(v.code) ?? 'warning',
    column,
    field: str(v.field) ?? (column !== null ? (fieldOf.get(column) ?? null) : null),
    value: str(v.rawValue, v.raw, v.value),
    count,
    message: localised(v.message) ?? { fr: '', en: '' },
    candidates: Array.isArray(v.candidates) ? v.candidates.filter((c): c is string => typeof c === 'string') : [],
  };
}

/** The report's columns, each field checked (an older report lacks the mapping screen's ones: they stay absent). */
function toColumns(raw: unknown): ImportColumn[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObj).map((c) => ({
    index: num(c.index),
    header: str(c.header) ?? '',
    field: str(c.field),
    status: (str(c.status) ?? 'unmapped') as ImportColumn['status'],
    ...(typeof c.suggestion === 'string' && { suggestion: c.suggestion }),
    ...(typeof c.suggestedField === 'string' && { suggestedField: c.suggestedField }),
    ...(typeof c.reading === 'string' && { reading: c.reading as ImportColumn['reading'] }),
    ...(isObj(c.suggestedCode) && { suggestedCode: c.suggestedCode as { field: string; code: string } }),
    ...(c.needsDecision === true && { needsDecision: true }),
    ...(c.doubtful === true && { doubtful: true }),
    ...(Array.isArray(c.samples) && { samples: c.samples.filter(isObj) as { value: string; count: number }[] }),
  }));
}

/** Reads one item of `GET /api/v1/imports` or the body of `GET /api/v1/imports/:id`. */
export function toImportView(raw: unknown): ImportView {
  const b: Json = isObj(raw) ? raw : {};
  const report: Json = isObj(b.report) ? b.report : {};
  const rc: Json = isObj(report.counts) ? report.counts : {};
  const bc: Json = isObj(b.counts) ? b.counts : {};
  // The report holds the ETL's counts for every outcome; the batch columns are filled only once loaded.
  const c = (key: keyof ImportCounts) => num(rc[key], bc[key], b[key]);
  // The report names each column's header and the field it was mapped to: warnings only carry the header.
  const fieldOf = new Map<string, string>();
  if (Array.isArray(report.columns)) {
    for (const col of report.columns) {
      if (isObj(col) && typeof col.header === 'string' && typeof col.field === 'string') {
        fieldOf.set(col.header, col.field);
        if (typeof col.index === 'number') fieldOf.set(String(col.index), col.field);
      }
    }
  }
  const issuesRaw = Array.isArray(report.errors) ? report.errors : Array.isArray(report.issues) ? report.issues : [];
  const allWarnings = Array.isArray(report.warnings) ? report.warnings : [];
  // A refusal or a whole-file failure lists its reasons among the report's issues with severity "error".
  const fileErrors = allWarnings.filter((w) => isObj(w) && w.severity === 'error');
  const issues = [...fileErrors, ...issuesRaw].map(toIssue).filter((i): i is ImportIssueView => i !== null);
  const others = allWarnings.filter((w) => !(isObj(w) && w.severity === 'error'));
  // Grouped value warnings carry the raw value; the rest (header changes...) are notes about the file.
  const warningsRaw = others.filter((w) => isObj(w) && typeof w.rawValue === 'string');
  const notes = others
    .filter((w) => !(isObj(w) && typeof w.rawValue === 'string'))
    .map((w) => (isObj(w) ? localised(w.message) : null))
    .filter((m): m is Localised => m !== null);
  const status = str(b.status) ?? 'received';
  const outcome = str(report.outcome);
  const summary = localised(report.summary);
  const refused = status === 'refused' || outcome === 'refused';
  const assoc: Json = isObj(b.association) ? b.association : {};
  return {
    id: str(b.id, report.batchId) ?? '',
    status,
    outcome,
    dryRun: b.dryRun === true || report.dryRun === true,
    contentHash: str(report.contentHash),
    closedBy: null,
    format: str(b.format, report.format),
    originalName: str(b.originalName, b.fileName, report.fileName),
    createdAt: str(b.createdAt, b.receivedAt),
    finishedAt: str(b.finishedAt),
    referenceYears: years(b.referenceYears ?? report.referenceYears),
    supersededYears: years(b.supersededYears),
    yearChanges: toYearChanges(report.yearChanges),
    counts: {
      rowsRead: c('rowsRead'),
      rowsAccepted: c('rowsAccepted'),
      rowsRejected: c('rowsRejected'),
      recordsNew: c('recordsNew'),
      recordsReplaced: c('recordsReplaced'),
      recordsUnchanged: c('recordsUnchanged'),
      recordsRemoved: c('recordsRemoved'),
    },
    issues,
    issuesTotal: issues.length + num(report.errorsTruncated),
    notes,
    warnings: warningsRaw.map((w) => toWarning(w, fieldOf)).filter((w): w is ImportWarningView => w !== null),
    columns: toColumns(report.columns),
    understood: Array.isArray(report.understood) ? (report.understood.filter(isObj) as FieldReading[]) : [],
    summary,
    retention: isObj(b.retention) ? localised(b.retention.message) : null,
    refusal: refused ? (localised(b.refusalReason) ?? summary) : null,
    failure: status === 'failed' ? (localised(b.error) ?? summary) : null,
    associationSlug: str(assoc.slug, b.associationSlug, report.association),
    associationName: str(assoc.name, b.associationName),
  };
}

/** An upload as a list shows it: without the mapping screen's columns and readings (a list holds hundreds). */
export function briefView(view: ImportView): ImportView {
  return { ...view, columns: [], understood: [] };
}

export const PENDING_STATUSES = new Set(['received', 'loading']);

/** Still moving: the page keeps polling. A dry run stops at `validated` and waits for the user's decision. */
export function isPending(view: ImportView): boolean {
  if (PENDING_STATUSES.has(view.status)) return true;
  return view.status === 'validated' && !view.dryRun;
}

export function isPreviewReady(view: ImportView): boolean {
  return view.dryRun && view.status === 'validated' && view.closedBy === null;
}

/**
 * Marks the previews whose file has since gone on: confirmed (a later upload of the same file) or previewed
 * again. The API keeps such a preview as it was; only the newest one can still be confirmed.
 */
export function markClosedPreviews(imports: ImportView[]): ImportView[] {
  return imports.map((imp) => {
    if (!imp.dryRun || imp.status !== 'validated' || !imp.contentHash) return imp;
    const later = imports
      .filter((o) => o.id !== imp.id && o.contentHash === imp.contentHash)
      .filter((o) => (o.createdAt ?? '') > (imp.createdAt ?? ''))
      .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))[0];
    return later ? { ...imp, closedBy: later.id } : imp;
  });
}

/**
 * For each reference year, the upload whose records are the ones kept: the newest committed upload that covers
 * the year and has not been superseded for it by a later one.
 */
export function currentUploadByYear(imports: ImportView[]): Map<number, string> {
  const current = new Map<number, string>();
  const sorted = [...imports]
    .filter((i) => !i.dryRun && (i.status === 'committed' || i.status === 'superseded'))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  for (const imp of sorted) {
    for (const year of imp.referenceYears) {
      if (imp.supersededYears.includes(year) || current.has(year)) continue;
      current.set(year, imp.id);
    }
  }
  return current;
}

/** The value of a Problem Details body (RFC 9457) worth showing, in the user's language. */
export function problemMessage(body: unknown, locale: Lang): string | null {
  if (!isObj(body)) return null;
  const text = localised(body.messages) ?? localised(body.message) ?? localised(body.detail);
  return text ? pick(text, locale) : null;
}

/** The report page of an upload. */
export function importPath(locale: Lang, id: string): string {
  return localePath(locale, `/space/imports/${encodeURIComponent(id)}`);
}
