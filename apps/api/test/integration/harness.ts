import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@observatoire/db/testing';
import { createApp, type AppOptions } from '../../src/main.js';
import { PG_POOL } from '../../src/database/database.module.js';
import type { ApiConfig } from '../../src/config/config.js';
import { buildWorld, type World } from './fixtures.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** The application's one pool (what the ETL and statistics use inside it). */
  pool: pg.Pool;
  uploadDir: string;
  close(): Promise<void>;
}

/** The real application on its own cloned database (migrated template) and its own upload folder. */
export async function startTestApp(overrides: Partial<ApiConfig> = {}, options: AppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase(inject('pgServerUrl'), 'api');
  const uploadDir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-uploads-'));
  process.env.LOG_LEVEL ??= 'warn';
  // Tests never touch the repository's .data/ key file.
  process.env.OBSERVATOIRE_PSEUDONYM_KEY ??= 'a1'.repeat(32);
  const app = await createApp(
    {
      databaseUrl: db.url,
      skipMigrations: true,
      uploadDir,
      importWorker: false,
      ...overrides,
    },
    options,
  );
  return {
    app,
    db,
    pool: app.get<pg.Pool>(PG_POOL),
    uploadDir,
    close: async () => {
      await app.close();
      await db.drop();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body for app.inject (one file part plus text fields). */
export function multipart(
  file: { name: string; content: Buffer },
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----observatoire${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A log destination that keeps the JSON lines written to it, parsed (createApp's `logStream`). */
export function logLines(): { stream: { write(line: string): void }; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return { stream: { write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) }, lines };
}

export const TEST_ORIGIN = 'http://127.0.0.1:3000';

/** One file uploaded through the real route, as the dashboard sends it (session cookie, an allowed Origin). */
export function uploadFile(
  app: NestFastifyApplication,
  cookie: string,
  file: { name: string; content: Buffer },
  fields: Record<string, string> = {},
) {
  const body = multipart(file, fields);
  return app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { cookie, origin: TEST_ORIGIN, ...body.headers },
    payload: body.payload,
  });
}

/** Polls an upload until the import worker is done with it; a dry run stops at its preview (validated). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function settledImport(app: NestFastifyApplication, id: string, cookie: string): Promise<any> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const body = (await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { cookie } })).json();
    const moving = ['received', 'loading'].includes(body.status) || (body.status === 'validated' && !body.dryRun);
    if (!moving) return body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${body.status}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * A describe block's application (startTestApp), started before its tests and closed after them (after the block's
 * own afterAll hooks): `const t = useTestApp({ importWorker: true })`, then `t.app` in tests and hooks.
 */
export function useTestApp(overrides: Partial<ApiConfig> = {}, options: AppOptions = {}): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    Object.assign(t, await startTestApp(overrides, options));
  });
  afterAll(() => t.close?.());
  return t;
}

/** The fixtures' world (two associations, their members, an admin, a token) built in `t` before the tests. */
export function useWorldIn(t: TestApp): World {
  const w = {} as World;
  beforeAll(async () => {
    Object.assign(w, await buildWorld(t.app));
  });
  return w;
}

/** Both: `const s = useWorld({ importWorker: true })`, then `s.t.app`, `s.w.admin`. */
export function useWorld(overrides: Partial<ApiConfig> = {}): { readonly t: TestApp; readonly w: World } {
  const t = useTestApp(overrides);
  return { t, w: useWorldIn(t) };
}
