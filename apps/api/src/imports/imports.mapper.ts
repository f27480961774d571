import type { BatchView } from '@observatoire/db/import-batch';
import type { ImportView } from './imports.dto.js';
import { batchRetention, type RetentionPolicy } from './retention.js';

/** A batch as the repository reads it → wire shape. The stored file path and the client's file name never leave the API. */
export function mapImport(b: BatchView, policy: RetentionPolicy): ImportView {
  return {
    id: b.id,
    associationId: b.associationId,
    associationSlug: b.associationSlug,
    associationName: b.associationName,
    status: b.status,
    dryRun: b.dryRun,
    format: b.format,
    referenceYears: b.referenceYears,
    supersededYears: b.supersededYears,
    counts: b.counts,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
    report: (b.report as ImportView['report']) ?? null,
    retention: batchRetention(
      {
        status: b.status,
        dryRun: b.dryRun,
        fileKept: b.fileKept,
        createdAt: b.createdAt,
        rejectedRowsUntil: b.rejectedRowsUntil,
        committed: b.status === 'committed' || b.status === 'superseded',
      },
      policy,
    ),
  };
}
