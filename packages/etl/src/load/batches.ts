import type pg from 'pg';
import type { ImportBatchStatus } from '@observatoire/db';
import type { ImportReport, RejectedRows } from '@observatoire/schema';
import { msg } from '../messages.js';

/** Advisory lock class ids (first int of the two-int form), constant across processes. */
export const BATCH_LOCK_CLASS = 0x0b5e7a71;
export const ASSOCIATION_LOCK_CLASS = 0x0b5e7a72;
/** Held (to the end of its transaction) by a load adding profiles to `case_profile`. */
export const PROFILE_LOCK_CLASS = 0x0b5e7a73;

export interface BatchRow {
  id: string;
  associationId: string;
  contentHash: string;
  status: ImportBatchStatus;
  report: unknown;
  storedFile: string | null;
  createdAt: Date;
}

const BATCH_COLUMNS = `id, association_id AS "associationId", content_hash AS "contentHash", status, report,
  stored_file AS "storedFile", created_at AS "createdAt"`;

export async function getBatch(db: pg.ClientBase, id: string): Promise<BatchRow | null> {
  const { rows } = await db.query<BatchRow>(`SELECT ${BATCH_COLUMNS} FROM import_batch WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** The live batch (received, validated, loading or committed) of the same file for the same association. */
export async function findSameFile(
  db: pg.ClientBase,
  associationId: string,
  contentHash: string,
  exceptId?: string,
): Promise<BatchRow | null> {
  const { rows } = await db.query<BatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM import_batch
     WHERE association_id = $1 AND content_hash = $2 AND NOT dry_run
       AND status IN ('received', 'validated', 'loading', 'committed') AND superseded_years = '{}'
       AND id IS DISTINCT FROM $3
     ORDER BY created_at LIMIT 1`,
    [associationId, contentHash, exceptId ?? null],
  );
  return rows[0] ?? null;
}

export interface NewBatch {
  associationId: string;
  contentHash: string;
  format?: string | null;
  originalName?: string | null;
  storedFile?: string | null;
  createdByUserId?: string | null;
}

/**
 * Records an upload as `received`. Returns null when the same file is already live for the association (the
 * partial unique index makes two concurrent uploads of one file end as one batch).
 */
export async function createBatch(db: pg.ClientBase, b: NewBatch): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO import_batch (association_id, content_hash, status, format, original_name, stored_file, created_by_user_id)
     VALUES ($1, $2, 'received', $3, $4, $5, $6)
     ON CONFLICT (association_id, content_hash)
       WHERE NOT dry_run AND status IN ('received', 'validated', 'loading', 'committed') AND superseded_years = '{}'
       DO NOTHING
     RETURNING id`,
    [
      b.associationId,
      b.contentHash,
      b.format ?? null,
      b.originalName ?? null,
      b.storedFile ?? null,
      b.createdByUserId ?? null,
    ],
  );
  return rows[0]?.id ?? null;
}

export async function setBatchStatus(
  db: pg.ClientBase,
  id: string,
  status: ImportBatchStatus,
  extra: { report?: unknown; format?: string | null; finished?: boolean; rejectedRows?: KeptRejectedRows | null } = {},
): Promise<void> {
  await db.query(
    `UPDATE import_batch SET status = $2,
       report = COALESCE($3::jsonb, report),
       format = COALESCE($4, format),
       finished_at = CASE WHEN $5 THEN now() ELSE finished_at END,
       rejected_rows = COALESCE($6::jsonb, rejected_rows),
       rejected_rows_until = COALESCE(now() + make_interval(days => $7::int), rejected_rows_until)
     WHERE id = $1`,
    [
      id,
      status,
      extra.report === undefined ? null : JSON.stringify(extra.report),
      extra.format ?? null,
      extra.finished ?? false,
      extra.rejectedRows ? JSON.stringify(extra.rejectedRows.rows) : null,
      extra.rejectedRows ? extra.rejectedRows.days : null,
    ],
  );
}

/** Rejected rows to keep with a batch (`RejectedRows` of the schema) and for how many days. */
export interface KeptRejectedRows {
  rows: RejectedRows;
  days: number;
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

/**
 * The report of a load that a crashed process left unfinished: a complete, schema-valid `failed` report (the
 * association space and the admin list read every stored report with the report schema), saying what happened
 * and what to do.
 */
function interruptedReport(b: {
  id: string;
  slug: string;
  original_name: string | null;
  format: string | null;
  content_hash: string;
}): ImportReport {
  return {
    outcome: 'failed',
    batchId: b.id,
    association: b.slug,
    fileName: b.original_name ?? '',
    format: b.format,
    contentHash: b.content_hash,
    dryRun: false,
    headerRow: null,
    columns: [],
    headerChanges: null,
    referenceYears: [],
    counts: zeroCounts(),
    declaredTotal: null,
    summary: msg.interruptedSummary(),
    errors: [{ code: 'import_interrupted', severity: 'error', message: msg.importInterrupted() }],
    warnings: [],
    errorsTruncated: 0,
    durationMs: 0,
  };
}

/**
 * Finds batches a crashed process left in `loading` (or `validated`), and marks them failed with a report that says
 * so. A batch is being loaded exactly while its loader holds the batch's session advisory lock, so a lock we can
 * take means nobody is loading it; its transaction was rolled back by PostgreSQL, and any record carrying its id is
 * removed. Their stored files are then settled ones: `releaseSettledFiles` deletes them. Returns the ids cleaned up.
 */
export async function recoverInterruptedBatches(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    // Dry-run rows are previews waiting for the user's confirmation (API), not interrupted loads.
    `SELECT id FROM import_batch WHERE status IN ('validated', 'loading') AND NOT dry_run ORDER BY created_at`,
  );
  const cleaned: string[] = [];
  for (const { id } of rows) {
    const { rows: lock } = await db.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok`, [
      BATCH_LOCK_CLASS,
      id,
    ]);
    if (!lock[0].ok) continue;
    try {
      await db.query('BEGIN');
      const { rows: found } = await db.query<{
        id: string;
        slug: string;
        original_name: string | null;
        format: string | null;
        content_hash: string;
      }>(
        `SELECT b.id, a.slug, b.original_name, b.format, b.content_hash
           FROM import_batch b JOIN association a ON a.id = b.association_id
          WHERE b.id = $1 AND b.status IN ('validated', 'loading') AND NOT b.dry_run
          FOR UPDATE OF b`,
        [id],
      );
      if (found[0]) {
        await db.query(
          `UPDATE import_batch SET status = 'failed', finished_at = now(), report = $2::jsonb,
             rows_read = 0, rows_accepted = 0, rows_rejected = 0, records_new = 0, records_replaced = 0,
             records_unchanged = 0, records_removed = 0
           WHERE id = $1`,
          [id, JSON.stringify(interruptedReport(found[0]))],
        );
        // Belt and braces (a load commits its entries with its batch's final status, in one transaction).
        await db.query(
          `DELETE FROM case_entry WHERE association_id = (SELECT association_id FROM import_batch WHERE id = $1)
             AND batch_id = $1`,
          [id],
        );
        cleaned.push(id);
      }
      await db.query('COMMIT');
    } catch (err) {
      await db.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      await db.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [BATCH_LOCK_CLASS, id]);
    }
  }
  return cleaned;
}

/** Statuses in which a batch still needs its stored file: queued or being read, or a preview awaiting confirmation. */
const FILE_NEEDED = `('received', 'validated', 'loading')`;

/**
 * Takes the stored-file path off every settled batch (committed, refused, failed, superseded, and previews that
 * expired or were refused) and returns those paths: the caller deletes the files once this has committed. Run after
 * each import, at start and hourly, it also catches a file left by a crash between a commit and its deletion.
 */
export async function releaseSettledFiles(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ stored_file: string }>(
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
export async function referencedFiles(db: pg.ClientBase): Promise<Set<string>> {
  const { rows } = await db.query<{ stored_file: string }>(
    `SELECT stored_file FROM import_batch WHERE stored_file IS NOT NULL`,
  );
  return new Set(rows.map((r) => r.stored_file));
}

/** Drops the rejected rows kept past their date (`rejected_rows_until`); returns how many batches had some. */
export async function purgeExpiredRejectedRows(db: pg.ClientBase): Promise<number> {
  const { rowCount } = await db.query(
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
export async function expirePreviews(db: pg.ClientBase, maxAgeHours: number): Promise<string[]> {
  const { rows } = await db.query<{ stored_file: string }>(
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
