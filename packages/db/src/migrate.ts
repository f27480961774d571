import pg from 'pg';
import { createDataSource } from './data-source.js';

/** Arbitrary constant shared by every process that migrates this database. */
const MIGRATION_LOCK_KEY = 0x0b5e7a70;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so that several API instances or workers starting
 * together migrate once. Returns the names of the migrations applied.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    // The lock is held by one session of the data source's own pool (TypeORM migrates on another).
    const lock = ds.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      await lock.release();
    }
  } finally {
    await ds.destroy();
  }
}

/** Creates the database named in `url` when it does not exist (embedded or local servers). */
export async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      try {
        await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } catch (err) {
        // Another command created it meanwhile (two commands on a fresh folder): that is what was wanted.
        const code = (err as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw err;
      }
    }
  } finally {
    await c.end();
  }
}
