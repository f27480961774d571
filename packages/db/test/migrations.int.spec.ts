import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../src/testing/database.js';
import { runMigrations } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

describe('migrations on real PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'));
  });
  afterAll(() => db.drop());

  it('the template holds every migration, and running them again applies nothing', async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query('SELECT name FROM typeorm_migrations ORDER BY id');
    await c.end();
    expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => new m().name));
    expect(await runMigrations(db.url)).toEqual([]);
  });

  it('concurrent migrators serialise on the advisory lock', async () => {
    const other = await createTestDatabase(inject('pgServerUrl'));
    const c = new pg.Client({ connectionString: other.url });
    await c.connect();
    await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await c.end();
    const results = await Promise.all([runMigrations(other.url), runMigrations(other.url)]);
    expect(results.flat().length).toBe(migrations.length);
    await other.drop();
  });

  it('CaseProfile: existing records move to profiles and entries, the view reads them back, and down restores them', async () => {
    const other = await createTestDatabase(inject('pgServerUrl'));
    const c = new pg.Client({ connectionString: other.url });
    await c.connect();
    await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    // The schema as it was before CaseProfile, with records in it.
    const before = new DataSource({
      type: 'postgres',
      url: other.url,
      migrations: migrations.slice(0, -1),
      migrationsTableName: 'typeorm_migrations',
    });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    await before.destroy();
    const [{ id: assoc }] = (await c.query(`INSERT INTO association (slug, name) VALUES ('asso-m', 'M') RETURNING id`))
      .rows;
    const [{ id: batch }] = (
      await c.query(
        `INSERT INTO import_batch (association_id, content_hash, status) VALUES ($1, 'h', 'committed') RETURNING id`,
        [assoc],
      )
    ).rows;
    for (const [year, key, gender, minor, country] of [
      [2020, 'k1', 'female', true, 'FR'],
      [2020, 'k2', 'female', true, 'FR'],
      [2021, 'k3', 'male', null, null],
    ] as const) {
      await c.query(
        `INSERT INTO case_record (association_id, reference_year, case_key, gender, is_minor, exploitation_country,
           citizenship, batch_id, source_row) VALUES ($1, $2, $3, $4, $5, $6, '{NG,RO}', $7, $8)`,
        [assoc, year, key, gender, minor, country, batch, year],
      );
    }
    const columns = `id, association_id, reference_year, case_key, gender, age_band, is_minor, citizenship,
      exploitation_types, recruitment_channels, recruitment_platforms, online_exploitation, exploitation_platforms,
      online_control, exploitation_country, recruiter_relation, batch_id, source_row`;
    const read = async () => (await c.query(`SELECT ${columns} FROM case_record ORDER BY id`)).rows;
    const old = await read();

    expect(await runMigrations(other.url)).toEqual(['CaseProfile1764700000000']);
    expect(await read()).toEqual(old);
    expect((await c.query('SELECT count(*)::int AS n FROM case_profile')).rows[0].n).toBe(2);
    // Inserting into the view finds the existing profile (null columns included) or adds one.
    await c.query(
      `INSERT INTO case_record (association_id, reference_year, case_key, gender, citizenship, batch_id, source_row)
       VALUES ($1, 2022, 'k4', 'male', '{NG,RO}', $2, 9), ($1, 2022, 'k5', 'trans', '{}', $2, 10)`,
      [assoc, batch],
    );
    expect((await c.query('SELECT count(*)::int AS n FROM case_profile')).rows[0].n).toBe(3);
    expect((await c.query(`SELECT gender FROM case_record WHERE case_key = 'k5'`)).rows).toEqual([{ gender: 'trans' }]);

    // Down: the table comes back with the same rows.
    const all = await read();
    const ds = new DataSource({
      type: 'postgres',
      url: other.url,
      migrations,
      migrationsTableName: 'typeorm_migrations',
    });
    await ds.initialize();
    await ds.undoLastMigration({ transaction: 'each' });
    await ds.destroy();
    expect(await read()).toEqual(all);
    expect((await c.query(`SELECT relkind FROM pg_class WHERE relname = 'case_record'`)).rows).toEqual([
      { relkind: 'r' },
    ]);

    // Up again, then deleting the association deletes its entries (what the foreign key's cascade did).
    await runMigrations(other.url);
    await c.query(`DELETE FROM association WHERE id = $1`, [assoc]);
    expect((await c.query('SELECT count(*)::int AS n FROM case_entry')).rows[0].n).toBe(0);
    await c.end();
    await other.drop();
  });
});
