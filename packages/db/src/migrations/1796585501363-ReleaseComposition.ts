import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a public release page needs besides the cells, all safe on existing data:
 * - `association.name_public`: whether a member association consents to its name being published with the
 *   releases it contributes to (false by default: nobody is named without saying yes);
 * - on `release`, written in the same INSERT as the rest (the row is immutable afterwards): the contributing
 *   associations' ids (internal, never served: they tell which associations joined or left between releases),
 *   the associations that consented at publication time (id, slug, name) and the release's annotations.
 *   Existing releases keep NULL ids (composition unknown) and no annotations;
 * - `release_notice`: errata and retractions attached to a published release afterwards, without touching its
 *   numbers. Notices are append-only (a trigger refuses updates and deletes) so a correction stays on record.
 */
export class ReleaseComposition1796585501363 implements MigrationInterface {
  name = 'ReleaseComposition1796585501363';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE association ADD COLUMN name_public boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE association ADD COLUMN name_public_changed_at timestamptz`);
    // ADD COLUMN does not fire the row triggers that refuse updates: existing releases are not rewritten.
    await q.query(`ALTER TABLE release ADD COLUMN association_ids uuid[]`);
    await q.query(`ALTER TABLE release ADD COLUMN consenting_associations jsonb`);
    await q.query(`ALTER TABLE release ADD COLUMN annotations jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`
      CREATE TABLE release_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        release_id uuid NOT NULL REFERENCES release(id),
        kind text NOT NULL CHECK (kind IN ('erratum', 'retraction')),
        text jsonb NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX release_notice_release_idx ON release_notice (release_id, created_at)`);
    await q.query(`
      CREATE FUNCTION release_notice_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'release notices are append-only (% on release_notice)', TG_OP USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`
      CREATE TRIGGER release_notice_append_only BEFORE UPDATE OR DELETE ON release_notice
      FOR EACH ROW EXECUTE FUNCTION release_notice_append_only()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE release_notice`);
    await q.query(`DROP FUNCTION release_notice_append_only()`);
    await q.query(`ALTER TABLE release DROP COLUMN annotations`);
    await q.query(`ALTER TABLE release DROP COLUMN consenting_associations`);
    await q.query(`ALTER TABLE release DROP COLUMN association_ids`);
    await q.query(`ALTER TABLE association DROP COLUMN name_public_changed_at`);
    await q.query(`ALTER TABLE association DROP COLUMN name_public`);
  }
}
