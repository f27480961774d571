import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_NAME, PG_POOL, POOL_SIZE } from '../../src/database/database.module.js';
import { buildWorld, type World } from './fixtures.js';
import { settledImport, startTestApp, uploadFile, type TestApp } from './harness.js';

const SAMPLE = fileURLToPath(
  new URL('../../../../packages/etl/test/fixtures/safe-harbour-nice-export.csv', import.meta.url),
);

describe('the API reaches PostgreSQL through one pool', () => {
  let t: TestApp;
  let w: World;
  let watch: pg.Client;
  beforeAll(async () => {
    t = await startTestApp({ importWorker: true });
    w = await buildWorld(t.app);
    watch = new pg.Client({ connectionString: t.db.url });
    await watch.connect();
  });
  afterAll(async () => {
    await watch?.end();
    await t?.close();
  });

  /** The API's live connections to its database, by the name they give (the watcher's own aside). */
  const connections = async () =>
    (
      await watch.query<{ name: string; n: number }>(
        `SELECT application_name AS name, count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1 ORDER BY 1`,
      )
    ).rows;

  it('previews, an upload loaded by the worker, statistics and health: every connection is the pool’s', async () => {
    const content = await readFile(SAMPLE);
    // Previews run the ETL in the request, the upload goes through the queue to the in-process worker.
    for (let i = 0; i < 3; i++) {
      const preview = await uploadFile(
        t.app,
        w.memberA.cookie,
        { name: `apercu-${i}.csv`, content },
        { dryRun: 'true' },
      );
      expect(preview.statusCode).toBe(200);
    }
    const upload = await uploadFile(t.app, w.memberA.cookie, { name: 'export.csv', content });
    expect(upload.statusCode).toBe(202);
    expect((await settledImport(t.app, upload.json().id, w.memberA.cookie)).status).toBe('committed');
    for (const url of ['/api/v1/releases', '/api/v1/health', '/api/v1/imports']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: w.memberA.cookie } });
      expect(res.statusCode).toBeLessThan(500);
    }
    // Statistics, the ETL, the import queue and the application's own queries share the data source's pool: no
    // second pool, no connection of its own (pg-boss's would say `pgboss`, a bare pg client nothing).
    const live = await connections();
    expect(live).toEqual([{ name: APPLICATION_NAME, n: expect.any(Number) }]);
    const pool = t.app.get<pg.Pool>(PG_POOL);
    expect(live[0].n).toBe(pool.totalCount);
    expect(pool.totalCount).toBeLessThanOrEqual(POOL_SIZE);
  });
});
