import type { MigrationInterface, QueryRunner } from 'typeorm';

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
    await q.query(`
      CREATE TABLE case_record (
        id bigserial PRIMARY KEY,
        association_id uuid NOT NULL REFERENCES association(id) ON DELETE CASCADE,
        reference_year smallint NOT NULL CHECK (reference_year BETWEEN 2000 AND 2100),
        case_key text NOT NULL,
        gender text NOT NULL DEFAULT 'unknown',
        age_band text NOT NULL DEFAULT 'unknown',
        is_minor boolean,
        citizenship text[] NOT NULL DEFAULT '{}',
        exploitation_types text[] NOT NULL DEFAULT '{unknown}',
        recruitment_channels text[] NOT NULL DEFAULT '{unknown}',
        recruitment_platforms text[] NOT NULL DEFAULT '{}',
        online_exploitation text NOT NULL DEFAULT 'unknown',
        exploitation_platforms text[] NOT NULL DEFAULT '{}',
        online_control text NOT NULL DEFAULT 'unknown',
        exploitation_country text,
        recruiter_relation text NOT NULL DEFAULT 'unknown',
        batch_id uuid NOT NULL REFERENCES import_batch(id),
        source_row integer NOT NULL,
        CONSTRAINT case_record_key_uq UNIQUE (association_id, reference_year, case_key)
      )`);
    await q.query(`CREATE INDEX case_record_batch_idx ON case_record (batch_id)`);
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
