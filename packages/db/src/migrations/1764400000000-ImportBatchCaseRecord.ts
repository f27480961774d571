import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CASE_RECORD_TABLE_1764400000000 } from './case-record-table-1764400000000.js';

/**
 * The ETL's tables: one row per upload (import_batch, with its state machine and report) and the canonical
 * anonymised case records, plus the per-association aggregates refreshed after each load.
 */
export class ImportBatchCaseRecord1764400000000 implements MigrationInterface {
  name = 'ImportBatchCaseRecord1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE association ADD COLUMN mapping_profile jsonb, ADD COLUMN last_headers jsonb`);
    await q.query(`
      CREATE TABLE import_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        content_hash text NOT NULL,
        status text NOT NULL DEFAULT 'received' CHECK (status IN
          ('received', 'validated', 'loading', 'committed', 'failed', 'refused', 'superseded')),
        format text,
        dry_run boolean NOT NULL DEFAULT false,
        original_name text,
        rows_read integer NOT NULL DEFAULT 0,
        rows_accepted integer NOT NULL DEFAULT 0,
        rows_rejected integer NOT NULL DEFAULT 0,
        records_new integer NOT NULL DEFAULT 0,
        records_replaced integer NOT NULL DEFAULT 0,
        records_unchanged integer NOT NULL DEFAULT 0,
        records_removed integer NOT NULL DEFAULT 0,
        reference_years integer[] NOT NULL DEFAULT '{}',
        superseded_years integer[] NOT NULL DEFAULT '{}',
        report jsonb,
        stored_file text,
        created_by_user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    // Same file twice for the same association is one batch; failed/refused/superseded ones do not block a retry.
    await q.query(`
      CREATE UNIQUE INDEX import_batch_association_content_uq ON import_batch (association_id, content_hash)
      WHERE NOT dry_run AND status IN ('received', 'validated', 'loading', 'committed')`);
    await q.query(`CREATE INDEX import_batch_association_idx ON import_batch (association_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX import_batch_status_idx ON import_batch (status) WHERE status IN ('received', 'validated', 'loading')`,
    );
    for (const sql of CASE_RECORD_TABLE_1764400000000) await q.query(sql);
    // Counts per association, year, dimension and code, rebuilt for the (association, years) a load touches.
    await q.query(`
      CREATE TABLE case_aggregate (
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        reference_year smallint NOT NULL,
        dimension text NOT NULL,
        code text NOT NULL,
        cases integer NOT NULL,
        PRIMARY KEY (association_id, reference_year, dimension, code)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_aggregate`);
    await q.query(`DROP TABLE case_record`);
    await q.query(`DROP TABLE import_batch`);
    await q.query(`ALTER TABLE association DROP COLUMN mapping_profile, DROP COLUMN last_headers`);
  }
}
