import path from 'node:path';
import type { EntityManager } from 'typeorm';
import type { ImportResult } from '@observatoire/etl';

/** The name the user gave the file, as the reports show it: its base name, without control characters, bounded. */
export function displayName(raw: string | undefined): string {
  const name = path
    .basename((raw ?? '').replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return name.length > 200 ? `${name.slice(0, 197)}…` : name;
}

export interface PreviewRow {
  id: string;
  associationId: string;
  contentHash: string;
  originalName: string;
  /** The stored file, kept for the confirmation (a dry run that ended otherwise keeps none). */
  storedFile: string | null;
  createdByUserId: string | null;
  result: ImportResult;
  rejectedRowsDays: number;
}

/**
 * Records a preview (a dry run kept for confirmation) as a `dry_run` batch with its report, its rejected rows
 * (coded columns only, kept `rejectedRowsDays`) and, while it may be confirmed, its stored file.
 */
export async function insertPreview(m: Pick<EntityManager, 'query'>, p: PreviewRow): Promise<void> {
  const report = p.result.report;
  const c = report.counts;
  const status = report.outcome === 'refused' ? 'refused' : p.storedFile ? 'validated' : 'failed';
  await m.query(
    `INSERT INTO import_batch (id, association_id, content_hash, status, dry_run, report, stored_file, original_name,
       created_by_user_id, rows_read, rows_accepted, rows_rejected, records_new, records_replaced,
       records_unchanged, records_removed, reference_years, rejected_rows, rejected_rows_until, finished_at)
     VALUES ($1, $2, $3, $4, true, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::jsonb,
       CASE WHEN $17::jsonb IS NULL THEN NULL ELSE now() + make_interval(days => $18::int) END, now())`,
    [
      p.id,
      p.associationId,
      p.contentHash,
      status,
      JSON.stringify(report),
      p.storedFile,
      p.originalName,
      p.createdByUserId,
      c.rowsRead ?? 0,
      c.rowsAccepted ?? 0,
      c.rowsRejected ?? 0,
      c.recordsNew ?? 0,
      c.recordsReplaced ?? 0,
      c.recordsUnchanged ?? 0,
      c.recordsRemoved ?? 0,
      report.referenceYears ?? [],
      p.result.rejectedRows ? JSON.stringify(p.result.rejectedRows) : null,
      p.rejectedRowsDays,
    ],
  );
}
