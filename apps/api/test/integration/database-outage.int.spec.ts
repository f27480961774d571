/**
 * Security and operations regression suite, database outage (issue 12, finding 7): with PostgreSQL really
 * stopped, every route of the OpenAPI document that needs the database answers 503 problem+json in French and
 * English with Retry-After (public reads and login answered 500 "internal error"), nothing else; once
 * PostgreSQL is back, the same API serves again without a restart. The suite runs its own embedded PostgreSQL,
 * since stopping the shared one would stop every other test file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureDatabase,
  runMigrations,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedDatabase,
} from '@observatoire/db';
import { createApp } from '../../src/main.js';
import { TEST_ORIGIN } from './harness.js';
import { buildWorld, PASSWORD, type World } from './fixtures.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A request that reaches the database on each route, as the caller who gets that far (not 401/403/400). */
function requestFor(route: string, w: World) {
  const [method, template] = route.split(' ');
  const url = template
    .replace('{id}', UNKNOWN)
    .replace('{file}', template.includes('/files/') ? 'all-years.csv' : '2024.csv')
    .concat(template.endsWith('/stats/breakdown') ? '?dimension=gender' : '')
    .concat(template.endsWith('/stats/series') ? '?dimension=gender' : '');
  const member = /\/(imports|records\.csv|associations\/me)/.test(template) && !template.includes('/admin/');
  const headers: Record<string, string> = { origin: TEST_ORIGIN, cookie: member ? w.memberA.cookie : w.admin.cookie };
  const bodies: Record<string, unknown> = {
    'POST /api/v1/auth/login': { email: w.memberA.email, password: PASSWORD },
    'POST /api/v1/admin/associations': { slug: 'asso-new', name: 'Nouvelle' },
    'POST /api/v1/admin/users': { email: 'n@example.org', password: 'une phrase de quatre mots', role: 'admin' },
    'POST /api/v1/admin/tokens': { association: 'asso-a', label: 'x' },
    'PUT /api/v1/associations/me/mapping-profile': { version: 1 },
  };
  const body = bodies[route] ?? (method === 'GET' ? undefined : {});
  return { method: method as 'GET', url, headers, ...(body !== undefined && { payload: body as object }) };
}

describe('database outage: 503 with Retry-After on every route that needs the database, then recovery', () => {
  let dir: string;
  let pg: EmbeddedDatabase;
  let app: NestFastifyApplication;
  let w: World;
  let routes: string[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-outage-'));
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg') });
    const url = withDatabase(pg.url, 'observatoire');
    await ensureDatabase(url);
    await runMigrations(url);
    process.env.OBSERVATOIRE_PSEUDONYM_KEY ??= 'a1'.repeat(32);
    app = await createApp({
      databaseUrl: url,
      skipMigrations: true,
      uploadDir: path.join(dir, 'uploads'),
      importWorker: false,
      rateLimitLoginPerMinute: 0,
    });
    w = await buildWorld(app);
    const doc = (await app.inject({ method: 'GET', url: '/api/docs.json' })).json();
    routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await pg?.stop().catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('answers 503 problem+json in French and English with Retry-After while PostgreSQL is stopped', async () => {
    await pg.stop();
    const answers: Record<string, number> = {};
    for (const route of routes) {
      const res = await app.inject(requestFor(route, w));
      answers[route] = res.statusCode;
      if (route === 'GET /api/health') {
        // The probe's own shape: what load balancers and `observatoire start` read.
        expect(res.json()).toMatchObject({ status: 'degraded', database: 'down' });
        continue;
      }
      if (res.statusCode !== 503) continue;
      expect(res.headers['content-type'], route).toContain('application/problem+json');
      expect(Number(res.headers['retry-after']), route).toBeGreaterThan(0);
      const body = res.json();
      expect(body.code, route).toBe('database_unavailable');
      expect(body.messages.fr, route).toMatch(/momentanément indisponible/);
      expect(body.messages.en, route).toMatch(/temporarily unavailable/);
      expect(res.body).not.toMatch(/ECONNREFUSED|terminat|postgres/i);
    }
    // Every route needs the database: none may answer anything but 503.
    expect(JSON.stringify(Object.entries(answers).filter(([, s]) => s !== 503))).toBe('[]');
  });

  it('serves again once PostgreSQL is back, without a restart of the API', async () => {
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg') });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: w.memberA.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/releases' })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/imports', headers: { cookie: w.memberA.cookie } })).statusCode,
    ).toBe(200);
  });
});
