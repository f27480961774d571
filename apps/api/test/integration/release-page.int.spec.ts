import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { releaseNoticeSchema, releasePageSchema, releaseSchema } from '@observatoire/schema';
import { startTestApp, type TestApp } from './harness.js';
import { buildWorld, type World } from './fixtures.js';
import { loadSamples } from './seed.js';

describe('release page, consent to be named, annotations and notices', () => {
  let t: TestApp;
  let w: World;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.app);
    await loadSamples(t.app.get(DataSource));
    const rows = await t.app.get(DataSource).query(`SELECT id, slug FROM association`);
    for (const r of rows) ids.set(r.slug, r.id);
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const post = (url: string, cookie: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, origin: 'http://127.0.0.1:3000' }, payload });

  it('records consent through the admin API only, and shows it in the association list', async () => {
    const url = `/api/v1/admin/associations/${ids.get('aurore-paris')}/name-public`;
    expect((await post(url, w.memberA.cookie, { namePublic: true })).statusCode).toBe(403);
    expect((await post(url, w.admin.cookie, { namePublic: 'yes' })).statusCode).toBe(400);
    const res = await post(url, w.admin.cookie, { namePublic: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug: 'aurore-paris', namePublic: true });
    const audit = await get('/api/v1/admin/audit', { cookie: w.admin.cookie });
    expect(audit.json().some((e: { action: string }) => e.action === 'association.name_public')).toBe(true);
  });

  it('publishes with annotations; refuses an annotation outside the release’s years in French and English', async () => {
    const bad = await post('/api/v1/admin/releases', w.admin.cookie, {
      slug: 'bad',
      annotations: [{ year: 2001, text: { fr: 'trop tôt', en: 'too early' } }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().messages.fr).toMatch(/2001 n’est pas couverte/);
    expect(bad.json().messages.en).toMatch(/2001 is not covered/);
    const res = await post('/api/v1/admin/releases', w.admin.cookie, {
      slug: 'edition-1',
      annotations: [{ year: 2020, text: { fr: 'confinement', en: 'lockdown' } }],
    });
    expect(res.statusCode).toBe(201);
    expect(releaseSchema.parse(res.json()).annotations).toEqual([
      { year: 2020, text: { fr: 'confinement', en: 'lockdown' } },
    ]);
  });

  it('serves the page, immutable, naming only the associations that consented', async () => {
    const res = await get('/api/v1/releases/edition-1/page');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    const page = releasePageSchema.parse(res.json());
    expect(page.associations.named).toEqual([{ slug: 'aurore-paris', name: 'aurore-paris' }]);
    expect(page.associations.unnamed).toBe(page.associations.total - 1);
    expect(page.changes).toBeNull();
    expect(res.body).not.toContain(ids.get('amarre-nantes'));
    expect((await get('/api/v1/releases/nope/page')).statusCode).toBe(404);
  });

  it('lets the admin attach an erratum, public at once, never cached as immutable', async () => {
    const before = await get('/api/v1/releases/edition-1/notices');
    expect(before.json()).toEqual([]);
    expect(before.headers['cache-control']).not.toContain('immutable');
    const body = { kind: 'erratum', text: { fr: 'Le total 2022 est corrigé.', en: 'The 2022 total is corrected.' } };
    expect((await post('/api/v1/admin/releases/edition-1/notices', w.memberA.cookie, body)).statusCode).toBe(403);
    const empty = await post('/api/v1/admin/releases/edition-1/notices', w.admin.cookie, {
      kind: 'erratum',
      text: { fr: ' ', en: 'x' },
    });
    expect(empty.statusCode).toBe(400);
    const res = await post('/api/v1/admin/releases/edition-1/notices', w.admin.cookie, body);
    expect(res.statusCode).toBe(201);
    const notice = releaseNoticeSchema.parse(res.json());
    const after = await get('/api/v1/releases/edition-1/notices');
    expect(after.json()).toEqual([notice]);
    const all = await get('/api/v1/admin/releases/notices', { cookie: w.admin.cookie });
    expect(all.json()).toEqual([notice]);
    expect((await post('/api/v1/admin/releases/nope/notices', w.admin.cookie, body)).statusCode).toBe(404);
  });
});
