import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { config } from '@observatoire/config';
import { startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from '../embedded.js';
import { runMigrations } from '../migrate.js';

export const TEMPLATE_DB = 'observatoire_template';

interface ProvideContext {
  provide(key: string, value: unknown): void;
}

/**
 * Vitest global setup: one real PostgreSQL for the whole run (embedded, or `TEST_DATABASE_URL`), migrated once
 * into a template database that each test file clones (`createTestDatabase`).
 */
export async function setupTestPostgres(ctx: ProvideContext): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | null = null;
  let tmp: string | null = null;
  let serverUrl = config().TEST_DATABASE_URL;
  if (!serverUrl) {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'observatoire-test-'));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });
    serverUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  // Another run may have left the template: it is rebuilt so that it always matches the current migrations.
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  await runMigrations(withDatabase(serverUrl, TEMPLATE_DB));
  ctx.provide('pgServerUrl', serverUrl);
  return async () => {
    if (embedded) await embedded.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  };
}

export default setupTestPostgres;
