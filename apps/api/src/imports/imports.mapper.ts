import type { ImportView } from './imports.dto.js';
import { batchRetention, type RetentionPolicy } from './retention.js';

export const IMPORT_COLUMNS = `b.id, b.association_id, a.slug AS association_slug, a.name AS association_name, b.status,
  b.dry_run, b.format, b.reference_years, b.superseded_years, b.rows_read, b.rows_accepted, b.rows_rejected,
  b.records_new, b.records_replaced, b.records_unchanged, b.records_removed, b.created_at, b.finished_at, b.report,
  b.stored_file IS NOT NULL AS file_kept, b.rejected_rows_until`;

/** import_batch row → wire shape. The stored file path and the client's file name never leave the API. */
export function mapImport(r: Record<string, unknown>, policy: RetentionPolicy): ImportView {
  return {
    id: r.id as string,
    associationId: r.association_id as string,
    associationSlug: r.association_slug as string,
    associationName: r.association_name as string,
    status: r.status as ImportView['status'],
    dryRun: r.dry_run as boolean,
    format: (r.format as string | null) ?? null,
    referenceYears: (r.reference_years as number[]) ?? [],
    supersededYears: (r.superseded_years as number[]) ?? [],
    counts: {
      rowsRead: r.rows_read as number,
      rowsAccepted: r.rows_accepted as number,
      rowsRejected: r.rows_rejected as number,
      recordsNew: r.records_new as number,
      recordsReplaced: r.records_replaced as number,
      recordsUnchanged: r.records_unchanged as number,
      recordsRemoved: r.records_removed as number,
    },
    createdAt: new Date(r.created_at as string).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at as string).toISOString() : null,
    report: (r.report as ImportView['report']) ?? null,
    retention: batchRetention(
      {
        status: r.status as string,
        dryRun: r.dry_run as boolean,
        fileKept: r.file_kept as boolean,
        createdAt: new Date(r.created_at as string),
        rejectedRowsUntil: r.rejected_rows_until ? new Date(r.rejected_rows_until as string) : null,
        committed: r.status === 'committed' || r.status === 'superseded',
      },
      policy,
    ),
  };
}
