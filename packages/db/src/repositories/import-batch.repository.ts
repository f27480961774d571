import type { ImportCounts } from '@observatoire/schema';
import type { ImportBatchStatus } from '../entities/import-batch.entity.js';
import type { Queryable } from '../queryable.js';

/*
 * Every read and write of `import_batch` as named operations (one repository per table). The ETL, the import queue,
 * the retention sweep, the API and the account commands all go through here: nothing else holds SQL on this table. Imported as `import * as importBatches from
 * '@observatoire/db/import-batch'`; it loads neither TypeORM nor an entity (an import does not need them).
 *
 * A batch's life: `create` (received) → `setStatus` validated → `lockLoad` + `setStatus` loading → `commit`, or
 * `settle` as failed or refused. A preview (a dry run kept for confirmation) is written once by `recordPreview`.
 */

export type { ImportBatchStatus, Queryable };

/** Statuses in which the same file is "live" for an association (the partial unique index says the same). */
const LIVE = `('received', 'validated', 'loading', 'committed')`;
/** Statuses in which a batch still needs its stored file: queued or being read, or a preview awaiting confirmation. */
const FILE_NEEDED = `('received', 'validated', 'loading')`;
/** Session advisory lock class (first int of the two-int form) held by the process loading a batch. */
const LOAD_LOCK_CLASS = 0x0b5e7a71;

export interface BatchRow {
  id: string;
  associationId: string;
  contentHash: string;
  status: ImportBatchStatus;
  /** A preview (kept for confirmation) or a dry run's scratch batch, not a load. */
  dryRun: boolean;
  report: unknown;
  storedFile: string | null;
  originalName: string | null;
  createdByUserId: string | null;
  createdAt: Date;
}

const BATCH_COLUMNS = `id, association_id AS "associationId", content_hash AS "contentHash", status,
  dry_run AS "dryRun", report,
  stored_file AS "storedFile", original_name AS "originalName", created_by_user_id AS "createdByUserId",
  created_at AS "createdAt"`;

/** The control totals stored beside a report: its counts but the rows skipped, which live in the report only. */
export type BatchCounts = Omit<ImportCounts, 'rowsSkipped'>;

/** Rejected rows kept with a batch (`RejectedRows` of the schema) and for how many days. */
export interface KeptRejectedRows {
  rows: unknown;
  days: number;
}

/** The batch `id`; with `associationId`, only if it is that association's (null otherwise, as for an unknown id). */
export async function get(q: Queryable, id: string, associationId?: string | null): Promise<BatchRow | null> {
  const { rows } = await q.query<BatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM import_batch WHERE id = $1 AND ($2::uuid IS NULL OR association_id = $2::uuid)`,
    [id, associationId ?? null],
  );
  return rows[0] ?? null;
}

/** The rejected rows kept with the batch (`RejectedRows` of the schema), or null once their days are over. */
export async function rejectedRows(q: Queryable, id: string): Promise<unknown> {
  const { rows } = await q.query<{ rejected_rows: unknown }>(`SELECT rejected_rows FROM import_batch WHERE id = $1`, [
    id,
  ]);
  return rows[0]?.rejected_rows ?? null;
}

/** A batch as its association and the admins see it: its association named, its totals, what is kept of it. */
export interface BatchView {
  id: string;
  associationId: string;
  associationSlug: string;
  associationName: string;
  status: ImportBatchStatus;
  dryRun: boolean;
  format: string | null;
  referenceYears: number[];
  supersededYears: number[];
  counts: BatchCounts;
  createdAt: Date;
  finishedAt: Date | null;
  report: unknown;
  /** The stored file is still on disk (a preview awaiting confirmation, or an import not yet settled). */
  fileKept: boolean;
  rejectedRowsUntil: Date | null;
}

const VIEW_COLUMNS = `b.id, b.association_id AS "associationId", a.slug AS "associationSlug",
  a.name AS "associationName", b.status, b.dry_run AS "dryRun", b.format, b.reference_years AS "referenceYears",
  b.superseded_years AS "supersededYears",
  json_build_object('rowsRead', b.rows_read, 'rowsAccepted', b.rows_accepted, 'rowsRejected', b.rows_rejected,
    'recordsNew', b.records_new, 'recordsReplaced', b.records_replaced, 'recordsUnchanged', b.records_unchanged,
    'recordsRemoved', b.records_removed) AS counts,
  b.created_at AS "createdAt", b.finished_at AS "finishedAt", b.report, b.stored_file IS NOT NULL AS "fileKept",
  b.rejected_rows_until AS "rejectedRowsUntil"`;

/** The batch `id` as shown; with `associationId`, only if it is that association's. */
export async function view(q: Queryable, id: string, associationId: string | null): Promise<BatchView | null> {
  const { rows } = await q.query<BatchView>(
    `SELECT ${VIEW_COLUMNS} FROM import_batch b JOIN association a ON a.id = b.association_id
      WHERE b.id = $1 AND ($2::uuid IS NULL OR b.association_id = $2::uuid)`,
    [id, associationId],
  );
  return rows[0] ?? null;
}

/** The latest `limit` batches, newest first: an association's, or everyone's when `associationId` is null. */
export async function listViews(q: Queryable, associationId: string | null, limit: number): Promise<BatchView[]> {
  const { rows } = await q.query<BatchView>(
    `SELECT ${VIEW_COLUMNS} FROM import_batch b JOIN association a ON a.id = b.association_id
      WHERE ($1::uuid IS NULL OR b.association_id = $1::uuid)
      ORDER BY b.created_at DESC LIMIT $2`,
    [associationId, limit],
  );
  return rows;
}

/** The latest `limit` batches that failed or were refused, across associations, newest first. */
export async function listFailures(q: Queryable, limit: number): Promise<BatchView[]> {
  const { rows } = await q.query<BatchView>(
    `SELECT ${VIEW_COLUMNS} FROM import_batch b JOIN association a ON a.id = b.association_id
      WHERE b.status IN ('failed', 'refused')
      ORDER BY b.created_at DESC LIMIT $1`,
    [limit],
  );
  return rows;
}

/** When each association (or only `associationId`) last uploaded a file, by association id. */
export async function lastUploads(q: Queryable, associationId?: string | null): Promise<Map<string, Date>> {
  const { rows } = await q.query<{ associationId: string; at: Date }>(
    `SELECT association_id AS "associationId", max(created_at) AS at FROM import_batch
      WHERE $1::uuid IS NULL OR association_id = $1::uuid
      GROUP BY association_id`,
    [associationId ?? null],
  );
  return new Map(rows.map((r) => [r.associationId, r.at]));
}

/** The live batch (received, validated, loading or committed) of the same file for the same association. */
export async function findLiveSameFile(
  q: Queryable,
  associationId: string,
  contentHash: string,
  exceptId?: string | null,
): Promise<BatchRow | null> {
  const { rows } = await q.query<BatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM import_batch
     WHERE association_id = $1 AND content_hash = $2 AND NOT dry_run
       AND status IN ${LIVE} AND superseded_years = '{}'
       AND id IS DISTINCT FROM $3
     ORDER BY created_at LIMIT 1`,
    [associationId, contentHash, exceptId ?? null],
  );
  return rows[0] ?? null;
}

export interface NewBatch {
  associationId: string;
  contentHash: string;
  originalName?: string | null;
  storedFile?: string | null;
  createdByUserId?: string | null;
}

/**
 * Records an upload as `received`. Returns null when the same file is already live for the association (the
 * partial unique index makes two concurrent uploads of one file end as one batch).
 */
export async function create(q: Queryable, b: NewBatch): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO import_batch (association_id, content_hash, status, original_name, stored_file, created_by_user_id)
     VALUES ($1, $2, 'received', $3, $4, $5)
     ON CONFLICT (association_id, content_hash)
       WHERE NOT dry_run AND status IN ${LIVE} AND superseded_years = '{}'
       DO NOTHING
     RETURNING id`,
    [b.associationId, b.contentHash, b.originalName ?? null, b.storedFile ?? null, b.createdByUserId ?? null],
  );
  return rows[0]?.id ?? null;
}

/**
 * A throwaway batch for a dry run's records to name, written inside the load transaction that the dry run rolls
 * back: it never outlives the transaction.
 */
export async function createScratch(q: Queryable, associationId: string, contentHash: string): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO import_batch (association_id, content_hash, status, dry_run) VALUES ($1, $2, 'loading', true)
     RETURNING id`,
    [associationId, contentHash],
  );
  return rows[0].id;
}

/** A step of a running import: validated (its columns are known), then loading. */
export async function setStatus(
  q: Queryable,
  id: string,
  status: 'validated' | 'loading',
  format?: string | null,
): Promise<void> {
  await q.query(`UPDATE import_batch SET status = $2, format = COALESCE($3, format) WHERE id = $1`, [
    id,
    status,
    format ?? null,
  ]);
}

/** `rejected_rows_until` for rejected rows given as `$n` (jsonb or null) kept for `$m` days. */
const keptUntil = (rows: string, days: string) =>
  `CASE WHEN ${rows}::jsonb IS NULL THEN NULL ELSE now() + make_interval(days => ${days}::int) END`;

/**
 * An import that ended without loading anything (failed, or refused for identifying data): its report, and the
 * rejected rows worth keeping. The batch no longer needs its stored file, which its owner then deletes
 * (`releaseSettledFiles`).
 */
export async function settle(
  q: Queryable,
  id: string,
  status: 'failed' | 'refused',
  s: { report: unknown; format?: string | null; rejectedRows?: KeptRejectedRows | null },
): Promise<void> {
  await q.query(
    `UPDATE import_batch SET status = $2, report = $3::jsonb, format = COALESCE($4, format), finished_at = now(),
       rejected_rows = COALESCE($5::jsonb, rejected_rows),
       rejected_rows_until = COALESCE(${keptUntil('$5', '$6')}, rejected_rows_until)
     WHERE id = $1`,
    [id, status, JSON.stringify(s.report), s.format ?? null, ...rejectedParams(s.rejectedRows)],
  );
}

function rejectedParams(r: KeptRejectedRows | null | undefined): [string | null, number | null] {
  return r ? [JSON.stringify(r.rows), r.days] : [null, null];
}

/** The control-total columns of a settled batch, in the order of `countValues`. */
const COUNT_COLUMNS = `rows_read, rows_accepted, rows_rejected, records_new, records_replaced, records_unchanged,
  records_removed, reference_years`;

function countValues(c: BatchCounts, years: readonly number[]): unknown[] {
  return [
    c.rowsRead,
    c.rowsAccepted,
    c.rowsRejected,
    c.recordsNew,
    c.recordsReplaced,
    c.recordsUnchanged,
    c.recordsRemoved,
    years,
  ];
}

export interface BatchOutcome {
  format: string | null;
  counts: BatchCounts;
  years: readonly number[];
  report: unknown;
  rejectedRows: KeptRejectedRows | null;
}

/**
 * A load's last write, in its transaction: the batch is committed with its control totals, report and rejected
 * rows. It no longer needs its stored file, which its owner deletes right after (and the start-up sweep,
 * `releaseSettledFiles`, if the process dies in between).
 */
export async function commit(q: Queryable, id: string, o: BatchOutcome): Promise<void> {
  await q.query(
    `UPDATE import_batch SET status = 'committed', format = $2, report = $3::jsonb, finished_at = now(),
       rejected_rows = $4::jsonb, rejected_rows_until = ${keptUntil('$4', '$5')},
       (${COUNT_COLUMNS}) = ROW($6, $7, $8, $9, $10, $11, $12, $13::int[])
     WHERE id = $1`,
    [id, o.format, JSON.stringify(o.report), ...rejectedParams(o.rejectedRows), ...countValues(o.counts, o.years)],
  );
}

/**
 * The association's earlier committed batches whose years the batch `batchId` now holds: those years become
 * superseded, and a batch all of whose years are superseded becomes `superseded`. In the load's transaction.
 */
export async function supersedeYears(
  q: Queryable,
  associationId: string,
  batchId: string,
  years: readonly number[],
): Promise<void> {
  await q.query(
    `UPDATE import_batch b SET
       superseded_years = ARRAY(SELECT DISTINCT y FROM unnest(b.superseded_years || b.reference_years) y
                                WHERE y = ANY(b.superseded_years) OR y = ANY($3::int[]) ORDER BY y),
       status = CASE WHEN b.reference_years <@ (b.superseded_years || $3::int[]) THEN 'superseded' ELSE b.status END
     WHERE b.association_id = $1 AND b.id <> $2 AND b.status = 'committed' AND b.reference_years && $3::int[]`,
    [associationId, batchId, years],
  );
}

export interface NewPreview {
  id: string;
  associationId: string;
  contentHash: string;
  originalName: string;
  /** The stored file, kept for the confirmation (a dry run that ended otherwise keeps none). */
  storedFile: string | null;
  createdByUserId: string | null;
  /** `validated` while the preview may be confirmed; otherwise how its dry run ended. */
  status: 'validated' | 'failed' | 'refused';
  counts: BatchCounts;
  years: readonly number[];
  report: unknown;
  rejectedRows: KeptRejectedRows | null;
}

/**
 * Records a preview (a dry run kept for confirmation) as a `dry_run` batch with its report, its rejected rows (kept
 * their days) and, while it may be confirmed, its stored file.
 */
export async function recordPreview(q: Queryable, p: NewPreview): Promise<void> {
  await q.query(
    `INSERT INTO import_batch (id, association_id, content_hash, status, dry_run, report, stored_file, original_name,
       created_by_user_id, rejected_rows, rejected_rows_until, finished_at, ${COUNT_COLUMNS})
     VALUES ($1, $2, $3, $4, true, $5::jsonb, $6, $7, $8, $9::jsonb, ${keptUntil('$9', '$10')}, now(),
       $11, $12, $13, $14, $15, $16, $17, $18::int[])`,
    [
      p.id,
      p.associationId,
      p.contentHash,
      p.status,
      JSON.stringify(p.report),
      p.storedFile,
      p.originalName,
      p.createdByUserId,
      ...rejectedParams(p.rejectedRows),
      ...countValues(p.counts, p.years),
    ],
  );
}

/**
 * Takes the stored file of the association's preview `id` while it may still be confirmed (validated, file kept):
 * the preview keeps its report but not its file, so a second confirmation finds nothing. Null when there is none.
 */
export async function claimPreviewFile(
  q: Queryable,
  id: string,
  associationId: string,
): Promise<{ storedFile: string; contentHash: string; originalName: string | null } | null> {
  const { rows } = await q.query<{ storedFile: string; contentHash: string; originalName: string | null }>(
    `WITH old AS (
       SELECT id, stored_file, content_hash, original_name FROM import_batch
        WHERE id = $1 AND association_id = $2 AND dry_run AND status = 'validated' AND stored_file IS NOT NULL
        FOR UPDATE)
     UPDATE import_batch b SET stored_file = NULL FROM old WHERE b.id = old.id
     RETURNING old.stored_file AS "storedFile", old.content_hash AS "contentHash", old.original_name AS "originalName"`,
    [id, associationId],
  );
  return rows[0] ?? null;
}

/** Whether `id` is a preview that expired unconfirmed (`expirePreviews`). */
export async function isExpiredPreview(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM import_batch WHERE id = $1 AND dry_run AND (report->>'expired')::boolean`,
    [id],
  );
  return rows.length > 0;
}

/** The batch gives up its stored file (another preview took it over); the caller deletes the file after commit. */
export async function releaseFile(q: Queryable, id: string): Promise<void> {
  await q.query(`UPDATE import_batch SET stored_file = NULL WHERE id = $1`, [id]);
}

/**
 * Takes the stored-file path off every settled batch (committed, refused, failed, superseded, and previews that
 * expired or were refused) and returns those paths: the caller deletes the files once this has committed. Run after
 * each import, at start and hourly, it also catches a file left by a crash between a commit and its deletion.
 */
export async function releaseSettledFiles(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ stored_file: string }>(
    `WITH settled AS (
       SELECT id, stored_file FROM import_batch
        WHERE stored_file IS NOT NULL AND status NOT IN ${FILE_NEEDED}
        FOR UPDATE SKIP LOCKED)
     UPDATE import_batch b SET stored_file = NULL FROM settled WHERE b.id = settled.id
     RETURNING settled.stored_file`,
  );
  return rows.map((r) => r.stored_file);
}

/** Every stored file a batch still refers to (the upload folder's sweep keeps these). */
export async function referencedFiles(q: Queryable): Promise<Set<string>> {
  const { rows } = await q.query<{ stored_file: string }>(
    `SELECT stored_file FROM import_batch WHERE stored_file IS NOT NULL`,
  );
  return new Set(rows.map((r) => r.stored_file));
}

/** Drops the rejected rows kept past their date (`rejected_rows_until`); returns how many batches had some. */
export async function purgeExpiredRejectedRows(q: Queryable): Promise<number> {
  const { rowCount } = await q.query(
    `UPDATE import_batch SET rejected_rows = NULL, rejected_rows_until = NULL
      WHERE rejected_rows_until IS NOT NULL AND rejected_rows_until <= now()`,
  );
  return rowCount ?? 0;
}

/**
 * Previews (dry runs kept for confirmation) not confirmed within `maxAgeHours`: their stored files are the raw
 * exports of an association, kept only so that a confirmation need not upload again, so they do not stay on disk
 * indefinitely. The batch keeps its report, becomes `failed` and says `expired`; confirming it then answers 409.
 * Returns the files to delete (the caller deletes them once this has committed).
 */
export async function expirePreviews(q: Queryable, maxAgeHours: number): Promise<string[]> {
  const { rows } = await q.query<{ stored_file: string }>(
    `WITH old AS (
       SELECT id, stored_file FROM import_batch
        WHERE dry_run AND status = 'validated' AND stored_file IS NOT NULL
          AND created_at < now() - make_interval(hours => $1::int)
        FOR UPDATE SKIP LOCKED)
     UPDATE import_batch b SET status = 'failed', stored_file = NULL,
       report = jsonb_set(COALESCE(b.report, '{}'::jsonb), '{expired}', 'true'::jsonb)
     FROM old WHERE b.id = old.id
     RETURNING old.stored_file`,
    [maxAgeHours],
  );
  return rows.map((r) => r.stored_file);
}

/**
 * Marks the batch as being loaded by this session (a session advisory lock, released by `unlockLoad` or by the
 * session's end): `tryLockLoad` elsewhere then knows the load is alive.
 */
export async function lockLoad(q: Queryable, id: string): Promise<void> {
  await q.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [LOAD_LOCK_CLASS, id]);
}

/** Takes the batch's load lock if nobody holds it: true means no live process is loading the batch. */
export async function tryLockLoad(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok`, [
    LOAD_LOCK_CLASS,
    id,
  ]);
  return rows[0].ok;
}

export async function unlockLoad(q: Queryable, id: string): Promise<void> {
  await q.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [LOAD_LOCK_CLASS, id]);
}

/** Batches a load left unfinished (validated or loading); previews waiting for confirmation are not loads. */
export async function unfinishedLoads(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM import_batch WHERE status IN ('validated', 'loading') AND NOT dry_run ORDER BY created_at`,
  );
  return rows.map((r) => r.id);
}

export interface InterruptedBatch {
  id: string;
  associationId: string;
  slug: string;
  originalName: string | null;
  format: string | null;
  contentHash: string;
}

/** The unfinished load `id`, locked for update in the caller's transaction, or null when it has ended meanwhile. */
export async function lockUnfinished(q: Queryable, id: string): Promise<InterruptedBatch | null> {
  const { rows } = await q.query<InterruptedBatch>(
    `SELECT b.id, b.association_id AS "associationId", a.slug, b.original_name AS "originalName", b.format,
            b.content_hash AS "contentHash"
       FROM import_batch b JOIN association a ON a.id = b.association_id
      WHERE b.id = $1 AND b.status IN ('validated', 'loading') AND NOT b.dry_run
      FOR UPDATE OF b`,
    [id],
  );
  return rows[0] ?? null;
}

/** A load that a crashed process left unfinished ends as failed, with a report that says so and zero totals. */
export async function failInterrupted(q: Queryable, id: string, report: unknown): Promise<void> {
  await q.query(
    `UPDATE import_batch SET status = 'failed', finished_at = now(), report = $2::jsonb,
       (${COUNT_COLUMNS}) = ROW(0, 0, 0, 0, 0, 0, 0, reference_years)
     WHERE id = $1`,
    [id, JSON.stringify(report)],
  );
}

/**
 * Deletes an association's batches (its withdrawal): how many, and the stored files for the caller to delete once
 * its transaction has committed.
 */
export async function deleteForAssociation(
  q: Queryable,
  associationId: string,
): Promise<{ deleted: number; files: string[] }> {
  const { rows } = await q.query<{ stored_file: string | null }>(
    `DELETE FROM import_batch WHERE association_id = $1 RETURNING stored_file`,
    [associationId],
  );
  return { deleted: rows.length, files: rows.flatMap((r) => (r.stored_file ? [r.stored_file] : [])) };
}
