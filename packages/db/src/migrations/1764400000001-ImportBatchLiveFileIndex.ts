import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A file counts as "already imported" only while its batch is still the truth for all its years: once a later
 * upload replaced some of its years, uploading it again must load it again (and replace those years back).
 */
export class ImportBatchLiveFileIndex1764400000001 implements MigrationInterface {
  name = 'ImportBatchLiveFileIndex1764400000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX import_batch_association_content_uq`);
    await q.query(`
      CREATE UNIQUE INDEX import_batch_association_content_uq ON import_batch (association_id, content_hash)
      WHERE NOT dry_run AND status IN ('received', 'validated', 'loading', 'committed') AND superseded_years = '{}'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX import_batch_association_content_uq`);
    await q.query(`
      CREATE UNIQUE INDEX import_batch_association_content_uq ON import_batch (association_id, content_hash)
      WHERE NOT dry_run AND status IN ('received', 'validated', 'loading', 'committed')`);
  }
}
