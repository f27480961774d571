import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openPool } from '@observatoire/db/pool';
import { createTestDatabase, type TestDatabase } from '@observatoire/db/testing';
import { runImport, type RunImportInput } from '../../src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
export const fixture = (name: string) => path.join(FIXTURES, name);

/** A fixed key: tests are deterministic and never touch .data/. */
export const TEST_KEY = Buffer.alloc(32, 7);

export interface Harness {
  db: TestDatabase;
  /** The test file's pool (the process's one pool, as in the API and the worker): imports take their connection here. */
  pool: pg.Pool;
  client: pg.Client;
  tmp: string;
  association(slug: string): Promise<string>;
  run(file: string, slug: string, extra?: Partial<RunImportInput>): ReturnType<typeof runImport>;
  snapshot(): Promise<string>;
  writeFile(name: string, content: string | Buffer): Promise<string>;
  close(): Promise<void>;
}

export async function harness(serverUrl: string): Promise<Harness> {
  const db = await createTestDatabase(serverUrl, 'etl');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const pool = openPool(db.url);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'etl-test-'));
  return {
    db,
    pool,
    client,
    tmp,
    async association(slug) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO association (slug, name) VALUES ($1, $1) ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [slug],
      );
      return rows[0].id;
    },
    run(file, slug, extra = {}) {
      return runImport({ db: pool, file, association: slug, pseudonymKey: TEST_KEY, ...extra });
    },
    /** Everything the ETL writes, as one comparable string (to prove that nothing changed). */
    async snapshot() {
      const parts: unknown[] = [];
      for (const sql of [
        `SELECT association_id, reference_year, case_key, gender, age_band, is_minor, citizenship, exploitation_types,
                recruitment_channels, recruitment_platforms, batch_id, source_row FROM case_record ORDER BY 1, 2, 3`,
        `SELECT id, status, content_hash, superseded_years FROM import_batch WHERE status = 'committed' OR status = 'superseded' ORDER BY created_at`,
        `SELECT * FROM case_aggregate ORDER BY 1, 2, 3, 4`,
        `SELECT slug, mapping_profile, last_headers FROM association ORDER BY slug`,
      ]) {
        parts.push((await client.query(sql)).rows);
      }
      return JSON.stringify(parts);
    },
    async writeFile(name, content) {
      const p = path.join(tmp, name);
      await writeFile(p, content);
      return p;
    },
    async close() {
      await pool.end();
      await client.end();
      await db.drop();
    },
  };
}

export async function copyFixture(name: string, dir: string): Promise<string> {
  const target = path.join(dir, path.basename(name));
  await cp(fixture(name), target);
  return target;
}

/**
 * The harness of one describe block: a test database of its own, created before its tests with these associations
 * and closed after them (after the block's own afterAll hooks). The object is filled in by then: read it in tests
 * and hooks, not while the block is being declared.
 */
export function useHarness(...associations: string[]): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await harness(inject('pgServerUrl')));
    for (const slug of associations) await h.association(slug);
  });
  afterAll(() => h.close());
  return h;
}
