import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Frozen copies (a migration never imports code that may change): the coded fields whose raw values an import
 * report may keep, the ETL's test for narrative-looking values, and the interrupted-import texts.
 */
const KEPT_VALUE_FIELDS = new Set([
  'referenceYear',
  'gender',
  'age',
  'ageBand',
  'citizenship',
  'exploitationTypes',
  'recruitmentChannels',
  'recruitmentPlatforms',
  'onlineExploitation',
  'exploitationPlatforms',
  'onlineControl',
  'exploitationCountry',
  'recruiterRelation',
]);
const looksLikeFreeText = (v: string) => v.length >= 40 && v.split(/\s+/).length >= 6;
const INTERRUPTED = {
  fr: "L'import a été interrompu (le serveur s'est arrêté pendant l'enregistrement) : rien de ce fichier n'a été enregistré et le fichier a été supprimé. Envoyez-le à nouveau.",
  en: 'The import was interrupted (the server stopped while saving): nothing from this file was stored and the file was deleted. Upload it again.',
};
const INTERRUPTED_SUMMARY = {
  fr: "Import interrompu : rien n'a été enregistré. Envoyez le fichier à nouveau.",
  en: 'Import interrupted: nothing was stored. Upload the file again.',
};

type Json = Record<string, unknown>;
type Issue = { column?: string | number; rawValue?: string } & Json;

/** Drops the raw values a report kept of columns that are not coded ones (ids, dates, free text, file errors). */
function scrubReport(report: Json): boolean {
  const fieldOf = new Map<string, string | null>();
  for (const c of (report.columns as Json[] | undefined) ?? []) {
    const coded = c.status === 'mapped' || c.status === 'wide';
    fieldOf.set(String(c.header), coded ? ((c.field as string | null) ?? null) : null);
  }
  let changed = false;
  for (const list of [report.errors, report.warnings] as (Issue[] | undefined)[]) {
    for (const issue of list ?? []) {
      if (issue.rawValue === undefined) continue;
      const field = typeof issue.column === 'string' ? fieldOf.get(issue.column) : null;
      if (!field || !KEPT_VALUE_FIELDS.has(field) || looksLikeFreeText(issue.rawValue)) {
        delete issue.rawValue;
        changed = true;
      }
    }
  }
  return changed;
}

/**
 * Retention of what an import leaves behind:
 * - `rejected_rows` / `rejected_rows_until`: the rejected rows of an import (coded columns only), built at import
 *   time and kept until the given date, instead of reading the raw file again (which is no longer kept);
 * - batches that `recoverInterruptedBatches` left with the report `{"interrupted": true}` (which the report schema
 *   refuses, so the association's space failed) get a complete `failed` report that says what happened;
 * - stored reports lose the raw values of columns that are not coded ones.
 * Files already left under the upload folder are deleted by the import queue's sweep when the API or a worker
 * starts (a migration does not know the upload folder).
 */
export class ImportRetention1764800000000 implements MigrationInterface {
  name = 'ImportRetention1764800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE import_batch ADD COLUMN rejected_rows jsonb, ADD COLUMN rejected_rows_until timestamptz`,
    );
    await q.query(
      `UPDATE import_batch b SET
         rows_read = 0, rows_accepted = 0, rows_rejected = 0, records_new = 0, records_replaced = 0,
         records_unchanged = 0, records_removed = 0,
         report = jsonb_build_object(
           'outcome', 'failed', 'batchId', b.id, 'association', a.slug, 'fileName', COALESCE(b.original_name, ''),
           'format', b.format, 'contentHash', b.content_hash, 'dryRun', false, 'headerRow', NULL,
           'columns', '[]'::jsonb, 'headerChanges', NULL, 'referenceYears', '[]'::jsonb,
           'counts', jsonb_build_object('rowsRead', 0, 'rowsAccepted', 0, 'rowsRejected', 0, 'rowsSkipped', 0,
             'recordsNew', 0, 'recordsReplaced', 0, 'recordsUnchanged', 0, 'recordsRemoved', 0),
           'declaredTotal', NULL, 'summary', $2::jsonb,
           'errors', jsonb_build_array(jsonb_build_object('code', 'import_interrupted', 'severity', 'error',
             'message', $1::jsonb)),
           'warnings', '[]'::jsonb, 'errorsTruncated', 0, 'durationMs', 0)
       FROM association a
       WHERE a.id = b.association_id AND b.report ? 'interrupted' AND NOT b.report ? 'outcome'`,
      [JSON.stringify(INTERRUPTED), JSON.stringify(INTERRUPTED_SUMMARY)],
    );
    const rows: { id: string; report: Json }[] = await q.query(
      `SELECT id, report FROM import_batch WHERE report IS NOT NULL AND jsonb_typeof(report) = 'object'`,
    );
    for (const r of rows) {
      if (scrubReport(r.report)) {
        await q.query(`UPDATE import_batch SET report = $2::jsonb WHERE id = $1`, [r.id, JSON.stringify(r.report)]);
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    // Repaired reports and dropped raw values stay as they are: they were never meant to be kept.
    await q.query(`ALTER TABLE import_batch DROP COLUMN rejected_rows, DROP COLUMN rejected_rows_until`);
  }
}
