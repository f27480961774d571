import { beforeAll, describe, expect, it } from 'vitest';
import { receiveImport } from '@observatoire/etl';
import { useTestApp, useWorldIn } from './harness.js';
import { login } from './fixtures.js';

type Role = 'anonymous' | 'memberA' | 'memberB' | 'admin';
const ROLES: Role[] = ['anonymous', 'memberA', 'memberB', 'admin'];
const PUBLIC = 'public' as const;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * Every route of the OpenAPI document, with the status each caller must get. `public` means: the same answer for
 * everyone and never 401/403. A route missing here fails the test, so a new route cannot ship unreviewed.
 */
interface Case {
  path?: (ids: { importA: string }) => string;
  body?: unknown;
  expect: typeof PUBLIC | Record<Role, number>;
}

const member = (a: number, b: number, admin: number) => ({ anonymous: 401, memberA: a, memberB: b, admin });
const adminOnly = (admin: number) => ({ anonymous: 401, memberA: 403, memberB: 403, admin });

const matrix: Record<string, Case> = {
  'GET /api/health': { expect: PUBLIC },
  'POST /api/v1/auth/login': { body: {}, expect: PUBLIC },
  'GET /api/v1/auth/me': { expect: member(200, 200, 200) },
  'GET /api/v1/admin/associations': { expect: adminOnly(200) },
  'POST /api/v1/admin/associations': { body: {}, expect: adminOnly(400) },
  'POST /api/v1/admin/associations/{id}/withdraw': { path: () => UNKNOWN, expect: adminOnly(404) },
  'POST /api/v1/admin/associations/{id}/name-public': { path: () => UNKNOWN, body: {}, expect: adminOnly(400) },
  'GET /api/v1/admin/releases/notices': { expect: adminOnly(200) },
  'POST /api/v1/admin/releases/{id}/notices': { path: () => UNKNOWN, body: {}, expect: adminOnly(400) },
  'GET /api/v1/admin/users': { expect: adminOnly(200) },
  'POST /api/v1/admin/users': { body: {}, expect: adminOnly(400) },
  'POST /api/v1/admin/users/{id}/disable': { path: () => UNKNOWN, expect: adminOnly(404) },
  'GET /api/v1/admin/tokens': { expect: adminOnly(200) },
  'POST /api/v1/admin/tokens': { body: {}, expect: adminOnly(400) },
  'POST /api/v1/admin/tokens/{id}/revoke': { path: () => UNKNOWN, expect: adminOnly(404) },
  'GET /api/v1/admin/audit': { expect: adminOnly(200) },
  'GET /api/v1/admin/imports/failures': { expect: adminOnly(200) },
  'GET /api/v1/admin/imports': { expect: adminOnly(200) },
  'POST /api/v1/admin/releases': { body: {}, expect: adminOnly(409) },
  'POST /api/v1/releases': { body: {}, expect: adminOnly(409) },
  // A JSON body instead of multipart: members get 415; the admin acts for no association.
  'POST /api/v1/imports': { body: {}, expect: member(415, 415, 403) },
  'GET /api/v1/imports': { expect: member(200, 200, 200) },
  'GET /api/v1/imports/retention': { expect: member(200, 200, 200) },
  'GET /api/v1/imports/{id}': { path: (ids) => ids.importA, expect: member(200, 404, 200) },
  'POST /api/v1/imports/{id}/confirm': { path: (ids) => ids.importA, expect: member(409, 404, 403) },
  // A received batch has no report yet (404 for its owner too) and is not waiting for a new preview (409).
  'GET /api/v1/imports/{id}/rejected.csv': { path: (ids) => ids.importA, expect: member(404, 404, 404) },
  'POST /api/v1/imports/{id}/rerun': { path: (ids) => ids.importA, expect: member(409, 404, 403) },
  'GET /api/v1/associations/me/mapping-profile': { expect: member(200, 200, 403) },
  'PUT /api/v1/associations/me/mapping-profile': { body: { version: 1 }, expect: member(200, 200, 403) },
  'GET /api/v1/records.csv': { expect: member(200, 200, 400) },
  'GET /api/v1/releases': { expect: PUBLIC },
  'GET /api/v1/releases/{id}': { path: () => UNKNOWN, expect: PUBLIC },
  'GET /api/v1/releases/{id}/summary/{file}': { path: () => UNKNOWN, expect: PUBLIC },
  'GET /api/v1/releases/{id}/files/{file}': { path: () => UNKNOWN, expect: PUBLIC },
  'GET /api/v1/releases/{id}/page': { path: () => UNKNOWN, expect: PUBLIC },
  'GET /api/v1/releases/{id}/notices': { path: () => UNKNOWN, expect: PUBLIC },
  'GET /api/v1/stats/series': { expect: PUBLIC },
  'GET /api/v1/stats/breakdown': { expect: PUBLIC },
  'GET /api/v1/stats/composition': { expect: PUBLIC },
  // Last: it ends the sessions used above.
  'POST /api/v1/auth/logout': { expect: member(204, 204, 204) },
};

describe('authorization matrix over every route', () => {
  const t = useTestApp();
  const w = useWorldIn(t);
  let importA: string;
  let routes: string[];
  let security: Record<string, unknown[]>;
  beforeAll(async () => {
    const received = await receiveImport(t.pool, {
      associationId: w.assocA.id,
      contentHash: 'f'.repeat(64),
      storedFile: '/nonexistent',
    });
    importA = received.batchId!;
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs.json' })).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>).flatMap(
      ([p, byMethod]) => Object.entries(byMethod).map(([m, op]) => [`${m.toUpperCase()} ${p}`, op] as const),
    );
    routes = ops.map(([route]) => route);
    security = Object.fromEntries(ops.map(([route, op]) => [route, op.security ?? doc.security]));
  });

  it('covers exactly the documented routes', () => {
    expect([...routes].sort()).toEqual(Object.keys(matrix).sort());
  });

  it('documents each route’s security as the guard applies it: none, the admin’s session, or session or token', () => {
    for (const [route, c] of Object.entries(matrix)) {
      const expected =
        c.expect === PUBLIC ? [] : c.expect.memberA === 403 ? [{ session: [] }] : [{ session: [] }, { token: [] }];
      expect(security[route], route).toEqual(expected);
    }
  });

  const headersFor = (role: Role): Record<string, string> => {
    const origin = { origin: 'http://127.0.0.1:3000' };
    if (role === 'anonymous') return origin;
    if (role === 'memberA') return { ...origin, cookie: w.memberA.cookie };
    if (role === 'memberB') return { ...origin, cookie: w.memberB.cookie };
    return { ...origin, cookie: w.admin.cookie };
  };

  for (const [route, c] of Object.entries(matrix)) {
    it(route, async () => {
      const [method, template] = route.split(' ');
      let url = template.replace('{id}', () => c.path!({ importA }));
      url = url.replace('{file}', '2024.csv');
      if (url.endsWith('/stats/breakdown')) url += '?dimension=gender';
      const statuses: Record<string, number> = {};
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          headers: headersFor(role),
          ...(c.body !== undefined && { payload: c.body as object }),
        });
        statuses[role] = res.statusCode;
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        // Nothing but a public read's answer may be kept by a browser or a shared cache.
        if (c.expect !== PUBLIC || res.statusCode >= 400) {
          expect(res.headers['cache-control'], `${route} as ${role}`).toBe('no-store');
        }
      }
      if (c.expect === PUBLIC) {
        expect(new Set(Object.values(statuses)).size, JSON.stringify(statuses)).toBe(1);
        expect([401, 403]).not.toContain(statuses.anonymous);
      } else {
        expect(statuses).toEqual(c.expect);
      }
    });
  }

  it('an association token reaches only its own association', async () => {
    const bearer = { authorization: `Bearer ${w.tokenA}` };
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${importA}`, headers: bearer });
    expect(own.statusCode).toBe(200);
    const admin = await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: bearer });
    expect(admin.statusCode).toBe(403);
    // Another association's session cannot see it either, even after logging in again.
    const b = await login(t.app, w.memberB.email);
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${importA}`, headers: { cookie: b } });
    expect(other.statusCode).toBe(404);
  });
});
