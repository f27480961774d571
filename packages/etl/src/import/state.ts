import type pg from 'pg';
import {
  MAX_REPORTED_ERRORS,
  type FieldReading,
  type ImportIssue,
  type ImportOutcome,
  type ImportReport,
  type ImportYearChange,
  type LocalisedText,
  type MappingProfile,
  type RejectedRows,
} from '@observatoire/schema';
import type { EtlError } from '../errors.js';
import type { ColumnPlan, HeaderChanges } from '../mapping/plan.js';
import { msg } from '../messages.js';
import type { ReadLimits, TableSource } from '../readers/index.js';
import type { KeyHasher } from '../privacy/key-hasher.js';
import { retentionSettings } from '../privacy/retention-settings.js';

export { MAX_REPORTED_ERRORS };

export interface RunImportInput {
  /** The process's pool (migrated database): the import holds one of its connections while it runs. */
  db: pg.Pool;
  /** Path of the file on disk. */
  file: string;
  /** Name the user gave the file (for the extension and the report); default: the path's base name. */
  fileName?: string;
  /** The association: its slug or its id. Never taken from the file. */
  association: string;
  /** A mapping profile for this upload; default: the association's stored profile. */
  profile?: unknown;
  /** Store `profile` as the association's profile once the import committed. */
  saveProfile?: boolean;
  /** Same report, nothing written (not even the batch). */
  dryRun?: boolean;
  /** Load the valid rows even when some rows are rejected (default: a file with row errors loads nothing). */
  skipInvalidRows?: boolean;
  /**
   * Years whose stored cases this upload may remove (the association's explicit decision). Default none: a load that
   * would remove stored cases of any other year fails, naming the years and the counts, and changes nothing.
   */
  replaceYears?: readonly number[];
  /** An existing `received` batch (API upload + queue); default: a new batch is recorded. */
  batchId?: string;
  createdByUserId?: string;
  /** Pseudonym key; default: `loadPseudonymKey()`. */
  pseudonymKey?: Buffer;
  limits?: Partial<ReadLimits>;
  /** Called every 10,000 data rows and at the end. */
  onProgress?: (p: { rowsRead: number; done: boolean }) => void;
  /** Runs inside the load transaction just before COMMIT (the queue completes its job there). */
  beforeCommit?: (db: pg.ClientBase) => Promise<void>;
  /** Duration of each phase (read+normalise+COPY, checks, merge, commit), for benchmarks and logs. */
  onPhase?: (phase: string, ms: number) => void;
  /** Receives unexpected errors (with their stack) for the logs; the report never carries them. */
  logError?: (err: unknown) => void;
  /**
   * Compute case keys in a worker thread (beside parsing and normalising); default: for files of at least 4 MB,
   * where it saves more than the worker's start-up costs. Same keys either way.
   */
  keyWorker?: boolean;
  /** Rows staged and merged per chunk (default 100,000; tests use small chunks). */
  chunkRows?: number;
  /** Days the rejected rows are kept with the batch (default: `retentionSettings().rejectedRowsDays`). */
  rejectedRowsDays?: number;
}

export interface ImportResult {
  outcome: ImportOutcome;
  batchId: string | null;
  report: ImportReport;
  /**
   * The rejected rows as they may be kept (coded columns only), or null. Already stored with the batch when there is
   * one; a dry run's caller stores them with its preview.
   */
  rejectedRows: RejectedRows | null;
}

/** What the report will say, filled in stage by stage. */
export interface ReportDraft {
  source?: TableSource;
  headerRow: number | null;
  plan?: ColumnPlan;
  headerChanges: HeaderChanges | null;
  /** Warnings and notes (and, first, the issues of the stage that stopped the import). */
  issues: ImportIssue[];
  /** Row errors, in row order (at most `MAX_REPORTED_ERRORS`); `errorsTotal` counts them all. */
  errors: ImportIssue[];
  errorsTotal: number;
  counts: ImportReport['counts'];
  declaredTotal: number | null;
  years: number[];
  /** Per year, the stored cases before and after (once merged or compared). */
  yearChanges: ImportYearChange[] | null;
  /** Rejected rows, coded columns only (see `keptValue`), for the rejected-rows file. */
  rejected: RejectedRows | null;
  /** How each field's values were read (see `fieldReadings`). */
  understood?: FieldReading[];
}

/**
 * One import on its way through the stages (see `loadFile`): what it was given, the connection it runs on, the
 * report so far, and what is open (released whatever happens).
 */
export interface ImportState {
  readonly input: RunImportInput;
  readonly db: pg.ClientBase;
  readonly started: number;
  readonly association: { id: string; slug: string };
  readonly profile: MappingProfile | null;
  /** The headers of the association's previous upload (the report says what changed). */
  readonly lastHeaders: string[] | null;
  readonly fileName: string;
  readonly contentHash: string;
  /** The batch being loaded; null for a dry run. */
  batchId: string | null;
  readonly draft: ReportDraft;
  readonly open: {
    source?: TableSource;
    hasher?: KeyHasher;
    loadLocked: boolean;
    inTransaction: boolean;
    /** The session could not be left clean (see `release`): the connection is closed, not reused. */
    broken: boolean;
  };
}

/** A stage's verdict that the import ends here, with this outcome and these issues (`settle` records it). */
export interface Stop {
  stop: Exclude<ImportOutcome, 'committed' | 'dry_run' | 'duplicate'>;
  issues: Partial<ImportIssue>[];
}

export const stop = (outcome: Stop['stop'], issues: Partial<ImportIssue>[] = []): Stop => ({ stop: outcome, issues });
export const isStop = (x: unknown): x is Stop => typeof x === 'object' && x !== null && 'stop' in x;

export function issue(
  code: string,
  severity: ImportIssue['severity'],
  message: LocalisedText,
  extra: Partial<ImportIssue> = {},
): ImportIssue {
  return { code, severity, message, ...extra } as ImportIssue;
}

/**
 * A reader's refusal as a report issue. Its raw value (a cell too long, say: most likely a narrative) is dropped:
 * the message gives the row and column, and a report never keeps a value of a column that is not a coded one.
 */
export function fileIssue(err: EtlError): Partial<ImportIssue> {
  const { rawValue: _dropped, ...rest } = err.toJSON();
  void _dropped;
  return { ...rest, severity: 'error' };
}

/** The control totals of an import before it has read anything. */
export function zeroCounts(): ImportReport['counts'] {
  return {
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    rowsSkipped: 0,
    recordsNew: 0,
    recordsReplaced: 0,
    recordsUnchanged: 0,
    recordsRemoved: 0,
  };
}

export function emptyDraft(): ReportDraft {
  return {
    headerRow: null,
    headerChanges: null,
    issues: [],
    errors: [],
    errorsTotal: 0,
    counts: zeroCounts(),
    declaredTotal: null,
    years: [],
    yearChanges: null,
    rejected: null,
  };
}

export function buildReport(outcome: ImportOutcome, s: ImportState, summary?: LocalisedText): ImportReport {
  const d = s.draft;
  const errors = d.errors.slice(0, MAX_REPORTED_ERRORS);
  return {
    outcome,
    batchId: s.batchId,
    association: s.association.slug,
    fileName: s.fileName,
    format: d.source?.format ?? null,
    ...(d.source?.encoding && { encoding: d.source.encoding }),
    ...(d.source?.delimiter && { delimiter: d.source.delimiter }),
    ...(d.source?.sheetName && { sheet: d.source.sheetName }),
    contentHash: s.contentHash,
    dryRun: Boolean(s.input.dryRun),
    headerRow: d.headerRow,
    columns: (d.plan?.columns ?? []).map((c) => ({
      index: c.index,
      header: c.header,
      field: c.field,
      status: c.status,
      ...(c.suggestion && { suggestion: c.suggestion.header, suggestedField: c.suggestion.field }),
      ...(c.reading && { reading: c.reading }),
      ...(c.suggestedCode && { suggestedCode: c.suggestedCode }),
      ...(c.needsDecision && { needsDecision: true }),
      ...(c.doubtful && { doubtful: true }),
      ...(c.samples && { samples: c.samples }),
    })),
    headerChanges: d.headerChanges,
    referenceYears: d.years,
    counts: d.counts,
    ...(d.yearChanges && { yearChanges: d.yearChanges }),
    declaredTotal: d.declaredTotal,
    summary: summary ?? msg.summary(outcome, d.counts, d.years),
    errors,
    warnings: d.issues,
    errorsTruncated: Math.max(0, d.errorsTotal - errors.length),
    durationMs: Date.now() - s.started,
    ...(d.understood && { understood: d.understood }),
  };
}

/** The rejected rows worth keeping: none when no row was rejected (or none could be read back). */
export function keptRejected(s: ImportState): RejectedRows | null {
  const r = s.draft.rejected;
  return r && r.rows.length > 0 ? r : null;
}

export function rejectedRowsDays(s: ImportState): number {
  return s.input.rejectedRowsDays ?? retentionSettings().rejectedRowsDays;
}

/** Reports each phase's duration to `onPhase` (benchmarks and logs). */
export function phaseClock(s: ImportState): (name: string) => void {
  let since = Date.now();
  return (name) => {
    const now = Date.now();
    s.input.onPhase?.(name, now - since);
    since = now;
  };
}
