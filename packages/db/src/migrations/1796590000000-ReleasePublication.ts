import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: what a release says about its own publication: the published mass of each chart's default view
 * (computed by the project, which knows the true counts) and the years carried forward unchanged from earlier
 * releases. Adding columns is not an UPDATE: the immutability triggers are not involved, and releases already
 * published read as "no figure" and "no frozen year".
 */
export class ReleasePublication1796590000000 implements MigrationInterface {
  name = 'ReleasePublication1796590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE release
      ADD COLUMN published_mass jsonb NOT NULL DEFAULT '{}'::jsonb,
      ADD COLUMN frozen_years integer[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE release DROP COLUMN published_mass, DROP COLUMN frozen_years`);
  }
}
