import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  mappingProfileSchema,
  normaliseLabel,
  type ImportIssue,
  type ImportOutcome,
  type ImportReport,
  type LocalisedText,
  type MappingProfile,
  type RejectedRows,
} from '@observatoire/schema';
import { EtlError, isEtlError } from './errors.js';
import { openTable } from './readers/index.js';
import type { RawRow, ReadLimits, TableSource } from './readers/index.js';
import { detectHeaderRow, HEADER_SEARCH_ROWS, isBlankRow, totalRow } from './mapping/header-row.js';
import { diffHeaders, planColumns, type ColumnPlan, type HeaderChanges } from './mapping/plan.js';
import { msg } from './messages.js';
import { RowNormaliser, warningMessage, safeRaw, type PendingRows } from './normalise/record.js';
import { ContentScan, looksLikeFreeText } from './privacy/identifiers.js';
import { keptValue } from './privacy/kept-values.js';
import { retentionSettings } from './privacy/retention-settings.js';
import { loadPseudonymKey } from './privacy/pseudonym.js';
import { inlineKeyHasher, workerKeyHasher, type KeyHasher } from './privacy/key-hasher.js';
import {
  BATCH_LOCK_CLASS,
  createBatch,
  findSameFile,
  getBatch,
  recoverInterruptedBatches,
  setBatchStatus,
  zeroCounts,
} from './load/batches.js';
import {
  COPY_PROFILE_SQL,
  COPY_STAGING_SQL,
  createStaging,
  dropDuplicateRows,
  findDuplicateRows,
  finishMerge,
  lockAssociation,
  mergeChunk,
} from './load/staging.js';

/** How many row errors a report lists (the count is always exact). */
export const MAX_REPORTED_ERRORS = 1000;
/** COPY writes are batched: one write per this many bytes of normalised rows. */
const COPY_CHUNK_BYTES = 1 << 18;
/**
 * Rows staged per chunk: each chunk is merged into `case_entry` while the next one is read (PostgreSQL writes the
 * records while Node parses). Meanwhile at most `MAX_HELD_CHARS` of COPY text wait in memory.
 */
const CHUNK_ROWS = 100_000;
const MAX_HELD_CHARS = 8 << 20;
/** Rows whose keys are computed in one batch, and batches in flight (bounded memory, overlap with the worker). */
const KEY_BATCH_ROWS = 4096;
const KEY_BATCHES_IN_FLIGHT = 3;
const KEY_WORKER_MIN_BYTES = 4 * 1024 * 1024;

/** A COPY FROM STDIN on the import's connection, whose completion (or error) is awaited later. */
function openCopy(db: pg.ClientBase, sql: string) {
  const stream = db.query(copyFrom(sql));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // A COPY error must not surface as an unhandled rejection while we are still reading.
  done.catch(() => {});
  return { stream, done };
}

/** Writes one string through a one-shot COPY. */
async function copyText(db: pg.ClientBase, sql: string, text: string): Promise<void> {
  const c = openCopy(db, sql);
  for (let i = 0; i < text.length; i += COPY_CHUNK_BYTES) {
    if (!c.stream.write(text.slice(i, i + COPY_CHUNK_BYTES))) await once(c.stream, 'drain');
  }
  c.stream.end();
  await c.done;
}

export interface RunImportInput {
  /** PostgreSQL connection string (migrated database). */
  databaseUrl: string;
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

export class AssociationNotFoundError extends EtlError {
  constructor(readonly association: string) {
    super('association_not_found', {
      fr: `L'association « ${association} » n'existe pas. Créez-la d'abord : npx observatoire admin association:create --slug ${association} --name "…" (ou relancez l'import avec --create-association).`,
      en: `Association "${association}" does not exist. Create it first: npx observatoire admin association:create --slug ${association} --name "…" (or run the import again with --create-association).`,
    });
  }
}

export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

interface Ctx {
  input: RunImportInput;
  started: number;
  association: { id: string; slug: string };
  contentHash: string;
  fileName: string;
  source?: TableSource;
  headerRow: number | null;
  plan?: ColumnPlan;
  headerChanges: HeaderChanges | null;
  issues: ImportIssue[];
  errors: ImportIssue[];
  errorsTotal: number;
  counts: ImportReport['counts'];
  declaredTotal: number | null;
  years: number[];
  batchId: string | null;
  /** Rejected rows, coded columns only (see `keptValue`), for the rejected-rows file. */
  rejected: RejectedRows | null;
}

function issue(
  code: string,
  severity: ImportIssue['severity'],
  message: LocalisedText,
  extra: Partial<ImportIssue> = {},
) {
  return { code, severity, message, ...extra } as ImportIssue;
}

function summaryOf(outcome: ImportOutcome, ctx: Ctx): LocalisedText {
  const c = ctx.counts;
  const years = ctx.years.join(', ');
  switch (outcome) {
    case 'committed':
      return {
        fr: `Import terminé : ${c.rowsAccepted} dossiers chargés (${c.recordsNew} nouveaux, ${c.recordsReplaced} modifiés, ${c.recordsUnchanged} inchangés, ${c.recordsRemoved} retirés) pour ${years}; ${c.rowsRejected} ligne(s) rejetée(s).`,
        en: `Import complete: ${c.rowsAccepted} cases loaded (${c.recordsNew} new, ${c.recordsReplaced} changed, ${c.recordsUnchanged} unchanged, ${c.recordsRemoved} removed) for ${years}; ${c.rowsRejected} row(s) rejected.`,
      };
    case 'dry_run':
      return {
        fr: `Essai à blanc : ${c.rowsAccepted} dossiers seraient chargés (${c.recordsNew} nouveaux, ${c.recordsReplaced} modifiés, ${c.recordsUnchanged} inchangés, ${c.recordsRemoved} retirés) pour ${years || '—'}; ${c.rowsRejected} ligne(s) rejetée(s). Rien n'a été enregistré.`,
        en: `Dry run: ${c.rowsAccepted} cases would be loaded (${c.recordsNew} new, ${c.recordsReplaced} changed, ${c.recordsUnchanged} unchanged, ${c.recordsRemoved} removed) for ${years || '—'}; ${c.rowsRejected} row(s) rejected. Nothing was stored.`,
      };
    case 'duplicate':
      return {
        fr: 'Ce fichier a déjà été importé pour cette association : rien n’a changé.',
        en: 'This file was already imported for this association: nothing changed.',
      };
    case 'refused':
      return {
        fr: "Fichier refusé : il contient des données identifiantes. Rien n'a été importé et le fichier n'a pas été conservé.",
        en: 'File refused: it contains identifying data. Nothing was imported and the file was not kept.',
      };
    case 'rejected':
      return msg.rowsRejected(c.rowsRejected);
    default:
      return {
        fr: "L'import a échoué : rien n'a été importé. Lisez le message ci-dessous, corrigez le fichier et réessayez.",
        en: 'The import failed: nothing was imported. Read the message below, fix the file and try again.',
      };
  }
}

function buildReport(outcome: ImportOutcome, ctx: Ctx, summary?: LocalisedText): ImportReport {
  const errors = ctx.errors.slice(0, MAX_REPORTED_ERRORS);
  return {
    outcome,
    batchId: ctx.batchId,
    association: ctx.association.slug,
    fileName: ctx.fileName,
    format: ctx.source?.format ?? null,
    ...(ctx.source?.encoding && { encoding: ctx.source.encoding }),
    ...(ctx.source?.delimiter && { delimiter: ctx.source.delimiter }),
    ...(ctx.source?.sheetName && { sheet: ctx.source.sheetName }),
    contentHash: ctx.contentHash,
    dryRun: Boolean(ctx.input.dryRun),
    headerRow: ctx.headerRow,
    columns: (ctx.plan?.columns ?? []).map((c) => ({
      index: c.index,
      header: c.header,
      field: c.field,
      status: c.status,
      ...(c.suggestion && { suggestion: c.suggestion.header }),
    })),
    headerChanges: ctx.headerChanges,
    referenceYears: ctx.years,
    counts: ctx.counts,
    declaredTotal: ctx.declaredTotal,
    summary: summary ?? summaryOf(outcome, ctx),
    errors,
    warnings: ctx.issues,
    errorsTruncated: Math.max(0, ctx.errorsTotal - errors.length),
    durationMs: Date.now() - ctx.started,
  };
}

/**
 * Rows whose number of cells differs from the header's. A row with more cells than the header has columns loses
 * the extra ones (they have no column title); one with fewer is read with the missing cells empty. Both are said in
 * the report with their first rows. Fewer cells are only counted in delimited text: a spreadsheet row simply ends
 * at its last filled cell.
 */
class RaggedRows {
  private static readonly SHOWN = 10;
  private readonly width: number;
  private readonly filled: number;
  private readonly long = { count: 0, rows: [] as number[] };
  private readonly short = { count: 0, rows: [] as number[] };

  constructor(
    headers: readonly string[],
    private readonly countShort: boolean,
  ) {
    this.width = headers.length;
    // Trailing untitled header cells ("a;b;c;;") do not make shorter rows ragged.
    let filled = headers.length;
    while (filled > 0 && (headers[filled - 1] ?? '').trim() === '') filled--;
    this.filled = filled;
  }

  observe(row: number, cells: readonly string[]): void {
    if (cells.length > this.width) {
      for (let i = this.width; i < cells.length; i++) {
        if ((cells[i] ?? '').trim() !== '') {
          this.add(this.long, row);
          return;
        }
      }
    } else if (this.countShort && cells.length < this.filled) this.add(this.short, row);
  }

  private add(group: { count: number; rows: number[] }, row: number): void {
    group.count++;
    if (group.rows.length < RaggedRows.SHOWN) group.rows.push(row);
  }

  issues(): ImportIssue[] {
    const out: ImportIssue[] = [];
    for (const [group, more] of [
      [this.long, true],
      [this.short, false],
    ] as const) {
      if (group.count === 0) continue;
      out.push(
        issue(
          more ? 'ragged_row_long' : 'ragged_row_short',
          'warning',
          msg.raggedRows(this.filled, group.count, group.rows, more),
          {
            count: group.count,
            rows: group.rows,
            row: group.rows[0],
          },
        ),
      );
    }
    return out;
  }
}

/** Turns JSON records into header + cells rows (keys of the first record, then any new key appended). */
function jsonRowsAdapter() {
  const headers: string[] = [];
  const index = new Map<string, number>();
  const toCells = (r: RawRow): string[] => {
    const rec = r.record ?? {};
    for (const k of Object.keys(rec)) {
      if (!index.has(k)) {
        index.set(k, headers.length);
        headers.push(k);
      }
    }
    const cells = new Array<string>(headers.length).fill('');
    for (const [k, v] of Object.entries(rec)) {
      cells[index.get(k)!] =
        v === null || v === undefined
          ? ''
          : Array.isArray(v)
            ? v.map(String).join('|')
            : typeof v === 'object'
              ? JSON.stringify(v)
              : String(v);
    }
    return cells;
  };
  return { headers, toCells };
}

/**
 * The whole pipeline for one file: read, detect the header, map, guard privacy, normalise, pseudonymise, COPY into
 * a staging table and merge, in one transaction. Never throws for a bad file: the outcome and the report say what
 * happened. Throws only for an unknown association (`AssociationNotFoundError`) or an invalid profile.
 */
export async function runImport(input: RunImportInput): Promise<ImportResult> {
  const started = Date.now();
  const fileName = input.fileName ?? basename(input.file);
  const db = new pg.Client({ connectionString: input.databaseUrl });
  await db.connect();
  // A dead connection surfaces as a rejected query below; the listener keeps it from crashing the process.
  db.on('error', () => {});
  try {
    await recoverInterruptedBatches(db);
    const { rows: assoc } = await db.query<{
      id: string;
      slug: string;
      mapping_profile: unknown;
      last_headers: string[] | null;
    }>(
      `SELECT id, slug, mapping_profile, last_headers FROM association
       WHERE slug = $1 OR (id::text = $1) LIMIT 1`,
      [input.association],
    );
    if (!assoc[0]) throw new AssociationNotFoundError(input.association);
    const association = { id: assoc[0].id, slug: assoc[0].slug };
    const rawProfile = input.profile ?? assoc[0].mapping_profile ?? null;
    let profile: MappingProfile | null = null;
    if (rawProfile) {
      const parsed = mappingProfileSchema.safeParse(rawProfile);
      if (!parsed.success) throw invalidProfile(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      profile = parsed.data;
    }
    // Batch: an existing one (queue) may already be settled (a redelivered job): its file is gone, nothing changes.
    let existing: Awaited<ReturnType<typeof getBatch>> = null;
    if (input.batchId) {
      existing = await getBatch(db, input.batchId);
      if (!existing) throw new Error(`import batch ${input.batchId} not found`);
      if (['committed', 'refused', 'failed', 'superseded'].includes(existing.status)) {
        return {
          outcome: (existing.report as ImportReport | null)?.outcome ?? 'failed',
          batchId: existing.id,
          report: existing.report as ImportReport,
          rejectedRows: null,
        };
      }
    }
    let contentHash: string | null;
    try {
      contentHash = await hashFile(input.file);
    } catch (err) {
      // A queued batch whose stored file is gone (deleted by hand, a lost volume): it fails with a clear message.
      if (!existing || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      contentHash = null;
    }
    const ctx: Ctx = {
      input,
      started,
      association,
      contentHash: contentHash ?? existing!.contentHash,
      fileName,
      headerRow: null,
      headerChanges: null,
      issues: [],
      errors: [],
      errorsTotal: 0,
      counts: zeroCounts(),
      declaredTotal: null,
      years: [],
      batchId: input.batchId ?? null,
      rejected: null,
    };

    if (contentHash === null)
      return await settle(db, ctx, 'failed', [issue('file_missing', 'error', msg.fileMissing())]);
    // A new batch, unless the queue gave one; the same live file is reported as a duplicate.
    if (!input.dryRun) {
      const same = await findSameFile(db, association.id, ctx.contentHash, input.batchId);
      if (same) {
        const report = buildReport('duplicate', ctx, {
          fr: `Ce fichier a déjà été importé pour cette association le ${same.createdAt.toISOString().slice(0, 10)} (import ${same.id}) : rien n'a changé.`,
          en: `This file was already imported for this association on ${same.createdAt.toISOString().slice(0, 10)} (import ${same.id}): nothing changed.`,
        });
        if (input.batchId) await setBatchStatus(db, input.batchId, 'failed', { report, finished: true });
        return { outcome: 'duplicate', batchId: same.id, report, rejectedRows: null };
      }
      if (!input.batchId) {
        ctx.batchId = await createBatch(db, {
          associationId: association.id,
          contentHash: ctx.contentHash,
          originalName: fileName,
          createdByUserId: input.createdByUserId ?? null,
        });
        if (!ctx.batchId) {
          // Lost a race with a concurrent upload of the same file.
          const report = buildReport('duplicate', ctx);
          return { outcome: 'duplicate', batchId: null, report, rejectedRows: null };
        }
      }
    }
    return await loadFile(db, ctx, profile, assoc[0].last_headers);
  } finally {
    await db.end().catch(() => {});
  }
}

/**
 * A reader's refusal as a report issue. Its raw value (a cell too long, say: most likely a narrative) is dropped:
 * the message gives the row and column, and a report never keeps a value of a column that is not a coded one.
 */
function fileIssue(err: EtlError): Partial<ImportIssue> {
  const { rawValue: _dropped, ...rest } = err.toJSON();
  void _dropped;
  return { ...rest, severity: 'error' };
}

function invalidProfile(problems: string[]): EtlError {
  const list = problems.slice(0, 10).join('; ');
  return new EtlError('invalid_mapping_profile', {
    fr: `Le profil de correspondance est invalide (${list}). Corrigez-le (voir docs/mapping-profiles.md) et réessayez.`,
    en: `The mapping profile is invalid (${list}). Fix it (see docs/mapping-profiles.md) and try again.`,
  });
}

async function settle(
  db: pg.Client,
  ctx: Ctx,
  outcome: ImportOutcome,
  extra: Partial<ImportIssue>[] = [],
): Promise<ImportResult> {
  ctx.issues.unshift(...(extra as ImportIssue[]));
  const report = buildReport(outcome, ctx);
  // A refused file keeps nothing, not even its coded cells.
  const rejectedRows = outcome === 'refused' ? null : keptRejected(ctx);
  if (ctx.batchId && !ctx.input.dryRun) {
    // The batch is settled: its stored file, if any, is now deleted by its owner (`releaseSettledFiles`).
    await setBatchStatus(db, ctx.batchId, outcome === 'refused' ? 'refused' : 'failed', {
      report,
      format: ctx.source?.format ?? null,
      finished: true,
      rejectedRows: rejectedRows && { rows: rejectedRows, days: rejectedRowsDays(ctx) },
    });
  }
  return { outcome, batchId: ctx.batchId, report, rejectedRows };
}

function rejectedRowsDays(ctx: Ctx): number {
  return ctx.input.rejectedRowsDays ?? retentionSettings().rejectedRowsDays;
}

/** The rejected rows worth keeping: none when no row was rejected (or none could be read back). */
function keptRejected(ctx: Ctx): RejectedRows | null {
  return ctx.rejected && ctx.rejected.rows.length > 0 ? ctx.rejected : null;
}

async function loadFile(
  db: pg.Client,
  ctx: Ctx,
  profile: MappingProfile | null,
  lastHeaders: string[] | null,
): Promise<ImportResult> {
  const input = ctx.input;
  const key = input.pseudonymKey ?? (await loadPseudonymKey());
  let iterator: AsyncIterator<RawRow[]> | null = null;
  let locked = false;
  let inTransaction = false;
  let hasher: KeyHasher | undefined;
  try {
    try {
      ctx.source = await openTable(
        { path: input.file, fileName: ctx.fileName },
        { ...(profile?.sheet && { sheet: profile.sheet }), ...(input.limits && { limits: input.limits }) },
      );
    } catch (err) {
      if (isEtlError(err)) return settle(db, ctx, 'failed', [fileIssue(err)]);
      throw err;
    }
    iterator = ctx.source.batches[Symbol.asyncIterator]();
    const isJson = ctx.source.format === 'json' || ctx.source.format === 'ndjson';
    const json = isJson ? jsonRowsAdapter() : null;
    const toCells = json?.toCells ?? null;

    // Header: buffered search among the first rows.
    const head: { row: number; cells: string[] }[] = [];
    let pending: RawRow[] = [];
    let exhausted = false;
    const nextBatch = async (): Promise<RawRow[] | null> => {
      const r = await iterator!.next();
      if (r.done) {
        exhausted = true;
        return null;
      }
      return r.value;
    };
    try {
      if (isJson) {
        // Every JSON record carries its keys: the header is the union of keys, rows are data from the first one.
        const first = await nextBatch();
        pending = first ?? [];
      } else {
        while (head.length < HEADER_SEARCH_ROWS && !exhausted) {
          const batch = await nextBatch();
          if (!batch) break;
          for (const r of batch) {
            if (head.length < HEADER_SEARCH_ROWS) head.push({ row: r.row, cells: r.cells });
            else pending.push(r);
          }
        }
      }
    } catch (err) {
      if (isEtlError(err)) return settle(db, ctx, 'failed', [fileIssue(err)]);
      throw err;
    }

    let headers: string[];
    let dataStart: { row: number; cells: string[] }[];
    if (isJson) {
      // Header of JSON: keys in first-seen order over the first batch (a key first seen later is not mapped).
      for (const r of pending) toCells!(r);
      headers = [...json!.headers];
      dataStart = [];
    } else {
      let hi: number | null;
      if (profile?.headerRow) {
        hi = head.findIndex((r) => r.row === profile.headerRow);
        if (hi < 0) hi = null;
      } else hi = detectHeaderRow(head);
      if (hi === null) {
        const empty = head.every((r) => isBlankRow(r.cells));
        return settle(db, ctx, 'failed', [
          empty ? issue('empty_file', 'error', msg.noData()) : issue('header_not_found', 'error', msg.noHeader()),
        ]);
      }
      ctx.headerRow = head[hi].row;
      headers = head[hi].cells.map((c) => c ?? '');
      dataStart = head.slice(hi + 1);
    }

    const plan = planColumns(headers, profile);
    ctx.plan = plan;
    // Rejected rows are kept with their coded columns only: never an id, a date, free text or an unmapped column.
    const keptColumns = plan.columns.filter(
      (c) => (c.status === 'mapped' || c.status === 'wide') && keptValue(c.field, '') !== null,
    );
    ctx.rejected = { columns: keptColumns.map((c) => c.header), rows: [] };
    const keepRejected = (row: number, cells: string[]): void => {
      if (ctx.rejected!.rows.length >= MAX_REPORTED_ERRORS) return;
      ctx.rejected!.rows.push({ row, cells: keptColumns.map((c) => keptValue(c.field, cells[c.index] ?? '') ?? '') });
    };
    // Ragged rows (more or fewer cells than the header): read as the header says, and reported with their rows.
    const ragged = new RaggedRows(headers, !isJson && ctx.source.format !== 'xlsx');
    ctx.headerChanges = diffHeaders(lastHeaders, headers);
    if (
      ctx.headerChanges &&
      (ctx.headerChanges.appeared.length || ctx.headerChanges.vanished.length || ctx.headerChanges.renamed.length)
    )
      ctx.issues.push(issue('headers_changed', 'info', msg.headerChanged()));

    // Privacy guard on headers: refused before a single data row is read.
    const idColumns = plan.columns.filter((c) => c.status === 'identifier');
    if (idColumns.length > 0) {
      return settle(
        db,
        ctx,
        'refused',
        idColumns.map((c) =>
          issue('identifier_column', 'error', msg.identifierHeader(c.header, c.identifierKind!), { column: c.header }),
        ),
      );
    }
    if (plan.fixedYear === null && !plan.byField.has('referenceYear') && !plan.byField.has('referenceDate')) {
      return settle(db, ctx, 'failed', [issue('year_column_missing', 'error', msg.noYearColumn())]);
    }

    if (ctx.batchId && !input.dryRun) await setBatchStatus(db, ctx.batchId, 'validated', { format: ctx.source.format });

    // Loading: the session lock marks the batch as alive (see recoverInterruptedBatches).
    if (ctx.batchId && !input.dryRun) {
      await db.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [BATCH_LOCK_CLASS, ctx.batchId]);
      locked = true;
      await setBatchStatus(db, ctx.batchId, 'loading');
    }
    await db.query('BEGIN');
    inTransaction = true;
    await createStaging(db);
    await lockAssociation(db, ctx.association.id);
    let recordsBatch = ctx.batchId;
    if (!recordsBatch) {
      // Dry run: records name their batch, so a throwaway one is written in the rolled-back transaction.
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO import_batch (association_id, content_hash, status, dry_run) VALUES ($1, $2, 'loading', true) RETURNING id`,
        [ctx.association.id, ctx.contentHash],
      );
      recordsBatch = rows[0].id;
    }
    const batchForRecords = recordsBatch;
    let phaseStart = Date.now();
    const phase = (name: string) => {
      const now = Date.now();
      input.onPhase?.(name, now - phaseStart);
      phaseStart = now;
    };
    let copy: ReturnType<typeof openCopy> | null = openCopy(db, COPY_STAGING_SQL);
    const normaliser = new RowNormaliser(plan, { associationId: ctx.association.id, key, profile });
    const scan = new ContentScan();
    const freeTextHits = new Map<number, number>();
    const unmapped = plan.columns.filter(
      (c) => c.status === 'unmapped' || c.status === 'free_text' || c.status === 'ignored',
    );
    const unmappedIdx = new Set(unmapped.map((c) => c.index));
    let buffer = '';
    let rowsRead = 0;

    // Chunks: the staging COPY takes CHUNK_ROWS rows, then is closed and merged (queries queue on the connection)
    // while reading goes on into `buffer`; the next COPY opens once that merge is done.
    const chunkLimit = input.chunkRows ?? CHUNK_ROWS;
    const keyBatchRows = Math.min(KEY_BATCH_ROWS, chunkLimit);
    let chunkRows = 0;
    let stored = 0;
    let merging: Promise<number> | null = null;
    let mergeDone = false;
    const closeChunk = (): void => {
      const current = copy!;
      copy = null;
      current.stream.end();
      const profiles = normaliser.takeProfiles();
      mergeDone = false;
      merging = (async () => {
        await current.done;
        if (profiles) await copyText(db, COPY_PROFILE_SQL, profiles);
        return mergeChunk(db, ctx.association.id, batchForRecords);
      })();
      merging.then(
        () => (mergeDone = true),
        () => (mergeDone = true),
      );
      chunkRows = 0;
    };
    /** Waits for the chunk being merged, then opens the next COPY. */
    const reopen = async (): Promise<void> => {
      if (merging) stored += await merging;
      merging = null;
      copy = openCopy(db, COPY_STAGING_SQL);
    };
    /** COPY text held (in 256 KB pieces) while a chunk is being merged. */
    let held: string[] = [];
    let heldChars = 0;
    /** Writes the COPY text, unless a merge is running and there is still room to hold more. */
    const flush = async (force: boolean): Promise<void> => {
      if (!copy) {
        if (!force && !mergeDone && heldChars < MAX_HELD_CHARS) {
          held.push(buffer);
          heldChars += buffer.length;
          buffer = '';
          return;
        }
        await reopen();
      }
      for (const piece of held) if (!copy!.stream.write(piece)) await once(copy!.stream, 'drain');
      held = [];
      heldChars = 0;
      if (buffer !== '' && !copy!.stream.write(buffer)) await once(copy!.stream, 'drain');
      buffer = '';
      if (chunkRows >= chunkLimit) closeChunk();
    };

    const useWorker = input.keyWorker ?? (await stat(input.file)).size >= KEY_WORKER_MIN_BYTES;
    hasher = useWorker ? workerKeyHasher(key) : inlineKeyHasher(key);
    const inFlight: { rows: PendingRows; keys: Promise<string[]> }[] = [];
    /** Adds the oldest batch in flight to the COPY text once its keys are there. */
    const writeOldest = async (): Promise<void> => {
      const { rows, keys } = inFlight.shift()!;
      buffer += normaliser.linesOf(rows, await keys);
      chunkRows += rows.length;
      if (buffer.length >= COPY_CHUNK_BYTES || chunkRows >= chunkLimit) await flush(false);
    };
    /** Sends the pending rows' keys to be computed; writes batches beyond the ones allowed in flight. */
    const dispatch = async (): Promise<void> => {
      const rows = normaliser.takePending();
      if (rows.length === 0) return;
      const keys = hasher!.hash(rows.inputs);
      // Awaited in order by writeOldest; a failure while reading must not surface as an unhandled rejection.
      keys.catch(() => {});
      inFlight.push({ rows, keys });
      while (inFlight.length > KEY_BATCHES_IN_FLIGHT) await writeOldest();
    };
    /** One data row, synchronously (no promise per row); true when a batch of keys is due (`dispatch`). */
    const processRow = (row: number, cells: string[]): boolean => {
      if (isBlankRow(cells)) {
        ctx.counts.rowsSkipped++;
        return false;
      }
      const total = totalRow(cells);
      if (total) {
        ctx.counts.rowsSkipped++;
        if (total.declared !== null) ctx.declaredTotal = total.declared;
        return false;
      }
      rowsRead++;
      ragged.observe(row, cells);
      for (let i = 0; i < cells.length; i++) {
        const v = cells[i];
        if (v && v.length >= 6) {
          scan.observe(i, v, row);
          if (unmappedIdx.has(i) && looksLikeFreeText(v)) freeTextHits.set(i, (freeTextHits.get(i) ?? 0) + 1);
        }
      }
      const accepted = normaliser.normalise(cells, row);
      if (!accepted) keepRejected(row, cells);
      const due = accepted && normaliser.pendingCount >= keyBatchRows;
      if (input.onProgress && rowsRead % 10_000 === 0) input.onProgress({ rowsRead, done: false });
      return due;
    };

    try {
      for (const r of dataStart) if (processRow(r.row, r.cells)) await dispatch();
      for (const r of pending) if (processRow(r.row, toCells ? toCells(r) : r.cells)) await dispatch();
      pending = [];
      while (!exhausted) {
        const batch = await nextBatch();
        if (!batch) break;
        for (const r of batch) if (processRow(r.row, toCells ? toCells(r) : r.cells)) await dispatch();
      }
    } catch (err) {
      if (copy) {
        copy.stream.destroy();
        await copy.done.catch(() => {});
      }
      await (merging as Promise<number> | null)?.catch(() => {});
      if (isEtlError(err)) {
        await db.query('ROLLBACK');
        inTransaction = false;
        return settle(db, ctx, 'failed', [fileIssue(err)]);
      }
      throw err;
    }
    await dispatch();
    while (inFlight.length > 0) await writeOldest();
    await flush(true);
    // Whatever the flush left open is the last chunk.
    if (copy) closeChunk();
    stored += await merging!;
    merging = null;
    phase('read, normalise, stage and merge chunks');
    input.onProgress?.({ rowsRead, done: true });

    ctx.counts.rowsRead = rowsRead;
    ctx.years = [...normaliser.years].sort((a, b) => a - b);

    // Privacy guard on content: any identifier-looking column refuses the whole file.
    const flagged = scan.flagged();
    if (flagged.length > 0) {
      await db.query('ROLLBACK');
      inTransaction = false;
      return settle(
        db,
        ctx,
        'refused',
        flagged.map((f) => {
          const header = plan.columns[f.column]?.header ?? `#${f.column + 1}`;
          return issue('identifier_content', 'error', msg.identifierContent(header, f.kind, f.count, f.firstRow), {
            column: header,
            row: f.firstRow,
            count: f.count,
          });
        }),
      );
    }

    // Column notes: free text dropped, birth dates dropped, unmapped columns with suggestions.
    for (const c of plan.columns) {
      if (c.status === 'free_text' || (c.status === 'unmapped' && (freeTextHits.get(c.index) ?? 0) > 0)) {
        c.status = 'free_text';
        ctx.issues.push(issue('free_text_dropped', 'warning', msg.freeTextDropped(c.header), { column: c.header }));
      } else if (c.field === 'birthDate' && c.status === 'mapped') {
        ctx.issues.push(issue('birth_date_dropped', 'warning', msg.birthDateDropped(c.header), { column: c.header }));
      } else if (c.status === 'unmapped' && normaliseLabel(c.header) !== '' && !/^#\d+$/.test(c.header)) {
        ctx.issues.push(
          issue('unmapped_column', 'warning', msg.unmappedColumn(c.header, c.suggestion), { column: c.header }),
        );
      } else if (c.status === 'dropped' && c.field) {
        ctx.issues.push(
          issue('duplicate_column', 'info', msg.duplicateColumn(c.header, c.field), { column: c.header }),
        );
      }
    }
    if (!plan.byField.has('caseId')) ctx.issues.push(issue('no_case_id_column', 'info', msg.noCaseIdColumn()));
    ctx.issues.push(...ragged.issues());
    for (const w of normaliser.groupedWarnings()) {
      ctx.issues.push(
        issue(w.code, 'warning', warningMessage(w), {
          column: w.column,
          ...(w.rawValue !== '' && { rawValue: w.rawValue }),
          count: w.count,
          rows: w.rows,
        }),
      );
    }
    if (ctx.declaredTotal !== null && ctx.declaredTotal !== rowsRead) {
      ctx.issues.push(issue('control_total_mismatch', 'warning', msg.totalMismatch(ctx.declaredTotal, rowsRead)));
    }

    // Row errors, then duplicates found in staging.
    const rowErrors: ImportIssue[] = normaliser.errors.map((e) =>
      issue(e.code, 'error', e.message, {
        row: e.row,
        column: e.column,
        ...(e.rawValue !== undefined && { rawValue: e.rawValue }),
      }),
    );
    let rejected = normaliser.rejectedRows;
    let duplicateTotal = 0;
    // Rows without a case id get keys that cannot repeat; with ids, the exact check runs only when one may repeat.
    if (plan.byField.has('caseId') && normaliser.possibleDuplicates) {
      const dups = await findDuplicateRows(db, ctx.association.id, batchForRecords, MAX_REPORTED_ERRORS);
      if (dups.total > 0) {
        const header = plan.byField.get('caseId')![0].header;
        for (const row of dups.rows)
          rowErrors.push(issue('duplicate_case', 'error', msg.duplicateCase(header), { row, column: header }));
        duplicateTotal = dups.total;
        rejected += dups.total;
        if (input.skipInvalidRows) stored -= await dropDuplicateRows(db, ctx.association.id, batchForRecords);
      }
    }
    rowErrors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    phase('privacy verdict and duplicate check');
    ctx.errors = rowErrors;
    ctx.errorsTotal = normaliser.errorCount + duplicateTotal;
    ctx.counts.rowsRejected = rejected;
    ctx.counts.rowsAccepted = rowsRead - rejected;

    if (rowsRead === 0) {
      await db.query('ROLLBACK');
      inTransaction = false;
      return settle(db, ctx, 'failed', [issue('no_data', 'error', msg.noData())]);
    }
    if (rejected > 0 && !input.skipInvalidRows) {
      await db.query('ROLLBACK');
      inTransaction = false;
      ctx.counts.rowsAccepted = rowsRead - rejected;
      return settle(db, ctx, 'rejected');
    }
    if (ctx.counts.rowsAccepted === 0) {
      await db.query('ROLLBACK');
      inTransaction = false;
      return settle(db, ctx, 'rejected');
    }

    // Merge: the upload replaces its association's records for its years.
    const merged = await finishMerge(db, ctx.association.id, batchForRecords, {
      years: ctx.years,
      rows: ctx.counts.rowsAccepted,
    });
    Object.assign(ctx.counts, {
      recordsNew: merged.recordsNew,
      recordsReplaced: merged.recordsReplaced,
      recordsUnchanged: merged.recordsUnchanged,
      recordsRemoved: merged.recordsRemoved,
    });
    ctx.years = merged.years;
    phase('merge and aggregates');
    // Control totals: what was stored for the batch (the inserts' own counts) must be exactly the rows accepted.
    if (stored !== ctx.counts.rowsAccepted) {
      throw new Error(`control totals differ: ${stored} stored, ${ctx.counts.rowsAccepted} accepted`);
    }

    if (input.dryRun) {
      await db.query('ROLLBACK');
      inTransaction = false;
      return {
        outcome: 'dry_run',
        batchId: null,
        report: buildReport('dry_run', ctx),
        rejectedRows: keptRejected(ctx),
      };
    }
    const report = buildReport('committed', ctx);
    const rejectedRows = keptRejected(ctx);
    // Committed: the batch no longer needs its stored file, which its owner deletes right after (and the start-up
    // sweep, `releaseSettledFiles`, if the process dies in between).
    await db.query(
      `UPDATE import_batch SET status = 'committed', format = $2, rows_read = $3, rows_accepted = $4, rows_rejected = $5,
         records_new = $6, records_replaced = $7, records_unchanged = $8, records_removed = $9,
         reference_years = $10::int[], report = $11::jsonb, finished_at = now(),
         rejected_rows = $12::jsonb, rejected_rows_until = CASE WHEN $12::jsonb IS NULL THEN NULL
           ELSE now() + make_interval(days => $13::int) END
       WHERE id = $1`,
      [
        ctx.batchId,
        ctx.source.format,
        rowsRead,
        ctx.counts.rowsAccepted,
        ctx.counts.rowsRejected,
        merged.recordsNew,
        merged.recordsReplaced,
        merged.recordsUnchanged,
        merged.recordsRemoved,
        merged.years,
        JSON.stringify(report),
        rejectedRows ? JSON.stringify(rejectedRows) : null,
        rejectedRowsDays(ctx),
      ],
    );
    await db.query(
      `UPDATE association SET last_headers = $2::jsonb${input.saveProfile && profile ? ', mapping_profile = $3::jsonb' : ''} WHERE id = $1`,
      [
        ctx.association.id,
        JSON.stringify(headers.map((h) => (h ?? '').trim()).filter(Boolean)),
        ...(input.saveProfile && profile ? [JSON.stringify(profile)] : []),
      ],
    );
    if (input.beforeCommit) await input.beforeCommit(db);
    await db.query('COMMIT');
    inTransaction = false;
    phase('batch bookkeeping and commit');
    return { outcome: 'committed', batchId: ctx.batchId, report, rejectedRows };
  } catch (err) {
    if (inTransaction) await db.query('ROLLBACK').catch(() => {});
    input.logError?.(err);
    const failure = issue('internal_error', 'error', {
      fr: "Erreur interne pendant l'import : rien n'a été enregistré. Réessayez ; si le problème persiste, contactez l'équipe de l'Observatoire.",
      en: 'Internal error during the import: nothing was stored. Try again; if the problem persists, contact the Observatoire team.',
    });
    try {
      return await settle(db, ctx, 'failed', [failure]);
    } catch {
      return { outcome: 'failed', batchId: ctx.batchId, report: buildReport('failed', ctx), rejectedRows: null };
    }
  } finally {
    await hasher?.close().catch(() => {});
    if (iterator?.return) await iterator.return(undefined).catch(() => {});
    // The iterator is driven by hand: close() releases the file or the XLSX worker whatever happened.
    await ctx.source?.close().catch(() => {});
    if (locked && ctx.batchId) {
      await db.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [BATCH_LOCK_CLASS, ctx.batchId]).catch(() => {});
    }
  }
}

export { safeRaw };
