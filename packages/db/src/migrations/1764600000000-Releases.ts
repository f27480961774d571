import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Releases: immutable snapshots of the disclosure-controlled cells. Triggers refuse any UPDATE or DELETE, and
 * cells can only be added in the transaction that created their release, so a published release never changes.
 */
export class Releases1764600000000 implements MigrationInterface {
  name = 'Releases1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE release (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        title jsonb NOT NULL,
        notes jsonb,
        disclosure_rule jsonb NOT NULL,
        schema_version text NOT NULL,
        reference_years integer[] NOT NULL,
        contributing_associations integer NOT NULL,
        demo boolean NOT NULL DEFAULT false,
        contributing_by_year jsonb NOT NULL,
        year_fingerprints jsonb NOT NULL,
        supersedes_id uuid REFERENCES release(id),
        published_by text,
        cell_count integer NOT NULL,
        withheld_count integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX release_published_idx ON release (published_at DESC)`);
    await q.query(`
      CREATE TABLE release_cell (
        release_id uuid NOT NULL REFERENCES release(id),
        view text NOT NULL,
        dimension text NOT NULL,
        reference_year smallint NOT NULL,
        code text NOT NULL,
        value integer CHECK (value >= 0),
        reason text,
        CONSTRAINT release_cell_value_or_reason CHECK ((value IS NULL) <> (reason IS NULL)),
        PRIMARY KEY (release_id, view, dimension, reference_year, code)
      )`);
    await q.query(`
      CREATE FUNCTION release_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'release % is immutable (% on %)', OLD.id, TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`
      CREATE FUNCTION release_cell_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          -- now() is the transaction's start: a release created by an earlier transaction is sealed.
          IF EXISTS (SELECT 1 FROM release WHERE id = NEW.release_id AND created_at < now()) THEN
            RAISE EXCEPTION 'release % is immutable (INSERT on release_cell)', NEW.release_id USING ERRCODE = 'P0001';
          END IF;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'release % is immutable (% on release_cell)', OLD.release_id, TG_OP USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`
      CREATE TRIGGER release_immutable BEFORE UPDATE OR DELETE ON release
      FOR EACH ROW EXECUTE FUNCTION release_immutable()`);
    await q.query(`
      CREATE TRIGGER release_cell_immutable BEFORE INSERT OR UPDATE OR DELETE ON release_cell
      FOR EACH ROW EXECUTE FUNCTION release_cell_immutable()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE release_cell`);
    await q.query(`DROP TABLE release`);
    await q.query(`DROP FUNCTION release_cell_immutable()`);
    await q.query(`DROP FUNCTION release_immutable()`);
  }
}
