import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../src/testing/database.js';
import { ensureDatabase, runMigrations } from '../src/migrate.js';
import { migrations } from '../src/migrations/index.js';
import { caseRecordFieldDocs, importReportSchema } from '@observatoire/schema';
import { CaseRecordEntity, entities } from '../src/entities/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

/** Runs the migrations up to `name` (excluded, or included) on an emptied database: the schema as it was then. */
async function migrateTo(url: string, name: string, include: boolean): Promise<string[]> {
  const end = migrations.findIndex((m) => new m().name === name) + (include ? 1 : 0);
  const ds = new DataSource({
    type: 'postgres',
    url,
    migrations: migrations.slice(0, end),
    migrationsTableName: 'typeorm_migrations',
  });
  await ds.initialize();
  try {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
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

  it('commands creating the same database at once all succeed (fresh data folder)', async () => {
    const url = new URL(inject('pgServerUrl'));
    url.pathname = `/ensure_${process.pid}_${Date.now()}`;
    await Promise.all(Array.from({ length: 6 }, () => ensureDatabase(url.toString())));
    const c = new pg.Client({ connectionString: inject('pgServerUrl') });
    await c.connect();
    await c.query(`DROP DATABASE ${url.pathname.slice(1)}`);
    await c.end();
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

  it('every entity names the columns of its migrated table; case_record in the order of the data dictionary', async () => {
    const ds = new DataSource({ type: 'postgres', url: db.url, entities });
    await ds.initialize();
    try {
      const columnsOf = async (table: string): Promise<string[]> =>
        (
          await ds.query(
            `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1
              ORDER BY ordinal_position`,
            [table],
          )
        ).map((r: { column_name: string }) => r.column_name);
      for (const entity of entities) {
        const meta = ds.getMetadata(entity);
        expect(meta.columns.map((c) => c.databaseName).sort(), meta.tableName).toEqual(
          (await columnsOf(meta.tableName)).sort(),
        );
      }
      // The entity's declaration order is the view's, and the dictionary documents the same columns in that order
      // (the ETL's profile lines follow it: packages/etl/test/import/profile-columns.int.spec.ts).
      const view = await columnsOf('case_record');
      expect(ds.getMetadata(CaseRecordEntity).columns.map((c) => c.databaseName)).toEqual(view);
      // Every documented column is in the view; the profile columns (after the key) in the dictionary's order.
      const documented = caseRecordFieldDocs.map((d) => d.column);
      expect(view.filter((c) => documented.includes(c)).sort()).toEqual([...documented].sort());
      const profile = (columns: string[]) =>
        columns.slice(columns.indexOf('case_key') + 1).filter((c) => documented.includes(c));
      expect(profile(view)).toEqual(profile(documented));
    } finally {
      await ds.destroy();
    }
  });

  it('CaseProfile: existing records move to profiles and entries, the view reads them back, and down restores them', async () => {
    const other = await createTestDatabase(inject('pgServerUrl'));
    const c = new pg.Client({ connectionString: other.url });
    await c.connect();
    await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    // The schema as it was before CaseProfile, with records in it.
    await migrateTo(other.url, 'CaseProfile1764700000000', false);
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

    expect(await migrateTo(other.url, 'CaseProfile1764700000000', true)).toEqual(['CaseProfile1764700000000']);
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
      migrations: migrations.slice(0, migrations.findIndex((m) => new m().name === 'CaseProfile1764700000000') + 1),
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
    await migrateTo(other.url, 'CaseProfile1764700000000', true);
    await c.query(`DELETE FROM association WHERE id = $1`, [assoc]);
    expect((await c.query('SELECT count(*)::int AS n FROM case_entry')).rows[0].n).toBe(0);
    await c.end();
    await other.drop();
  });

  it('ImportRetention: a batch left as {"interrupted": true} gets a valid failed report; raw values of id, date and free-text columns leave stored reports', async () => {
    const other = await createTestDatabase(inject('pgServerUrl'));
    const c = new pg.Client({ connectionString: other.url });
    await c.connect();
    await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await migrateTo(other.url, 'ImportRetention1764800000000', false);
    const [{ id: assoc }] = (await c.query(`INSERT INTO association (slug, name) VALUES ('asso-r', 'R') RETURNING id`))
      .rows;
    const [{ id: broken }] = (
      await c.query(
        `INSERT INTO import_batch (association_id, content_hash, status, original_name, report, rows_read)
         VALUES ($1, 'h1', 'failed', 'export 2024.csv', '{"interrupted": true}', 12) RETURNING id`,
        [assoc],
      )
    ).rows;
    const narrative = 'Elle a été contactée par un homme sur Facebook qui promettait un travail';
    const report = {
      outcome: 'rejected',
      batchId: null,
      association: 'asso-r',
      fileName: 'x.csv',
      format: 'csv',
      contentHash: 'h2',
      dryRun: false,
      headerRow: 1,
      columns: [
        { index: 0, header: 'N° dossier', field: 'caseId', status: 'mapped' },
        { index: 1, header: 'Année', field: 'referenceYear', status: 'mapped' },
        { index: 2, header: 'Canal', field: 'recruitmentChannels', status: 'mapped' },
        { index: 3, header: 'Date', field: 'referenceDate', status: 'dropped' },
      ],
      headerChanges: null,
      referenceYears: [],
      counts: {},
      declaredTotal: null,
      summary: { fr: 's', en: 's' },
      errors: [
        {
          code: 'year_invalid',
          severity: 'error',
          message: { fr: 'a', en: 'a' },
          row: 2,
          column: 'Année',
          rawValue: 'deux mille',
        },
        {
          code: 'x',
          severity: 'error',
          message: { fr: 'a', en: 'a' },
          row: 3,
          column: 'N° dossier',
          rawValue: 'D-2024-17',
        },
      ],
      warnings: [
        {
          code: 'unknown_value',
          severity: 'warning',
          message: { fr: 'a', en: 'a' },
          column: 'Canal',
          rawValue: 'Pigeon',
        },
        {
          code: 'unknown_value',
          severity: 'warning',
          message: { fr: 'a', en: 'a' },
          column: 'Canal',
          rawValue: narrative,
        },
        { code: 'cell_too_long', severity: 'error', message: { fr: 'a', en: 'a' }, column: 4, rawValue: narrative },
      ],
      errorsTruncated: 0,
      durationMs: 1,
    };
    const [{ id: rejected }] = (
      await c.query(
        `INSERT INTO import_batch (association_id, content_hash, status, report) VALUES ($1, 'h2', 'failed', $2) RETURNING id`,
        [assoc, JSON.stringify(report)],
      )
    ).rows;

    expect((await runMigrations(other.url))[0]).toBe('ImportRetention1764800000000');
    const get = async (id: string) =>
      (await c.query(`SELECT report, rows_read FROM import_batch WHERE id = $1`, [id])).rows[0];
    const repaired = await get(broken);
    expect(importReportSchema.safeParse(repaired.report).success).toBe(true);
    expect(repaired.report).toMatchObject({
      outcome: 'failed',
      batchId: broken,
      association: 'asso-r',
      fileName: 'export 2024.csv',
    });
    expect(repaired.report.errors[0].message.fr).toMatch(/interrompu.*Envoyez-le à nouveau/);
    expect(repaired.report.errors[0].message.en).toMatch(/interrupted.*Upload it again/);
    expect(repaired.rows_read).toBe(0);
    const scrubbed = (await get(rejected)).report;
    expect(scrubbed.errors.map((e: { rawValue?: string }) => e.rawValue)).toEqual(['deux mille', undefined]);
    expect(scrubbed.warnings.map((e: { rawValue?: string }) => e.rawValue)).toEqual(['Pigeon', undefined, undefined]);
    expect(JSON.stringify(scrubbed)).not.toContain('D-2024-17');
    expect(JSON.stringify(scrubbed)).not.toContain('Facebook');
    await c.end();
    await other.drop();
  });

  it('ReleaseComposition: existing releases and associations stay as they were; nobody is named by default', async () => {
    const other = await createTestDatabase(inject('pgServerUrl'));
    const c = new pg.Client({ connectionString: other.url });
    await c.connect();
    try {
      await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      await migrateTo(other.url, 'ReleaseComposition1796585501363', false);
      await c.query(`INSERT INTO association (slug, name) VALUES ('asso-c', 'C')`);
      const [{ id }] = (
        await c.query(
          `INSERT INTO release (slug, title, disclosure_rule, schema_version, reference_years, contributing_associations,
             contributing_by_year, year_fingerprints, cell_count, withheld_count)
           VALUES ('old', '{"fr":"a","en":"a"}', '{}', '1', '{2024}', 1, '{}', '{}', 0, 0) RETURNING id`,
        )
      ).rows;
      expect(await runMigrations(other.url)).toContain('ReleaseComposition1796585501363');
      const [release] = (
        await c.query(`SELECT association_ids, consenting_associations, annotations FROM release WHERE id = $1`, [id])
      ).rows;
      expect(release).toEqual({ association_ids: null, consenting_associations: null, annotations: [] });
      const [a] = (await c.query(`SELECT name_public FROM association WHERE slug = 'asso-c'`)).rows;
      expect(a.name_public).toBe(false);
      await c.query(
        `INSERT INTO release_notice (release_id, kind, text) VALUES ($1, 'retraction', '{"fr":"x","en":"x"}')`,
        [id],
      );
      await expect(
        c.query(`INSERT INTO release_notice (release_id, kind, text) VALUES ($1, 'oops', '{}')`, [id]),
      ).rejects.toThrow(/check/);
      await expect(c.query(`DELETE FROM release_notice`)).rejects.toThrow(/append-only/);
    } finally {
      await c.end();
      await other.drop();
    }
  });
});
