/**
 * The `case_record` table as migration ImportBatchCaseRecord1764400000000 created it, which
 * CaseProfile1764700000000 restores on `down()`. Frozen like the migrations that use it: never edit it; a
 * later change to the table is a new migration.
 */
export const CASE_RECORD_TABLE_1764400000000 = [
  `
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
      )`,
  `CREATE INDEX case_record_batch_idx ON case_record (batch_id)`,
];
