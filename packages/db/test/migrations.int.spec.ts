import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
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
});
