import path from 'node:path';
import * as importBatches from '@observatoire/db/import-batch';
import type { Queryable } from '@observatoire/db/import-batch';
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

/** What the repository records of a preview, but the report's parts: those come from the dry run's result. */
export type Preview = Pick<
  importBatches.NewPreview,
  'id' | 'associationId' | 'contentHash' | 'originalName' | 'storedFile' | 'createdByUserId'
> & {
  result: ImportResult;
  rejectedRowsDays: number;
};

/**
 * Records a preview (a dry run kept for confirmation) as a `dry_run` batch with its report, its rejected rows
 * (coded columns only, kept `rejectedRowsDays`) and, while it may be confirmed, its stored file.
 */
export async function recordPreview(q: Queryable, p: Preview): Promise<void> {
  const report = p.result.report;
  await importBatches.recordPreview(q, {
    id: p.id,
    associationId: p.associationId,
    contentHash: p.contentHash,
    originalName: p.originalName,
    storedFile: p.storedFile,
    createdByUserId: p.createdByUserId,
    status: report.outcome === 'refused' ? 'refused' : p.storedFile ? 'validated' : 'failed',
    counts: report.counts,
    years: report.referenceYears,
    report,
    rejectedRows: p.result.rejectedRows && { rows: p.result.rejectedRows, days: p.rejectedRowsDays },
  });
}

/** A form field's years ("2022, 2023"): the valid ones; anything else is ignored (nothing extra is allowed by it). */
export function parseYearList(raw: string): number[] {
  return [
    ...new Set(
      raw
        .split(/[\s,;]+/)
        .filter((p) => /^\d{4}$/.test(p))
        .map(Number),
    ),
  ];
}
