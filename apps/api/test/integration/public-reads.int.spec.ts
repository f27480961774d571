import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { releaseSchema, seriesSetSchema, type Release } from '@observatoire/schema';
import { logLines, startTestApp, TEST_ORIGIN, type TestApp } from './harness.js';
import { buildWorld, type World } from './fixtures.js';
import { loadSamples } from './seed.js';

const PINNED = 'public, max-age=31536000, immutable';
const CURRENT = 'public, max-age=60, s-maxage=300, stale-while-revalidate=3600';

/** The application with the sample exports loaded and published as a first release. */
async function publishedApp(...args: Parameters<typeof startTestApp>) {
  const t = await startTestApp(...args);
  const w: World = await buildWorld(t.app);
  await loadSamples(t.app.get(DataSource));
  const publish = (slug?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/releases',
      headers: { cookie: w.admin.cookie, origin: TEST_ORIGIN },
      payload: slug ? { slug } : {},
    });
  const first = releaseSchema.parse((await publish()).json());
  return { t, first, publish };
}

/**
 * Public reads (releases, statistics, summaries) are ordinary routes: cached bytes with an ETag, Cache-Control that
 * lets a reverse proxy or CDN carry the readers, one rate-limit budget per client, one log line per request.
 */
describe('public reads', () => {
  let t: TestApp;
  let first: Release;
  let publish: (slug?: string) => ReturnType<TestApp['app']['inject']>;
  const log = logLines();

  beforeAll(async () => {
    ({ t, first, publish } = await publishedApp(
      { rateLimitPublicPerMinute: 3, logLevel: 'info' },
      { logStream: log.stream },
    ));
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'GET', url, headers, remoteAddress });

  /** Each public URL, with how long it stays true. */
  const urls = (): [string, string][] => [
    ['/api/v1/stats/series?dimension=recruitmentChannelGroup', CURRENT],
    ['/api/v1/stats/series', CURRENT],
    ['/api/v1/stats/series?dimension=gender&release=latest', CURRENT],
    [`/api/v1/stats/series?dimension=recruitmentChannel&release=${first.id}`, PINNED],
    [`/api/v1/stats/series?release=${first.slug}&dimension=gender&yearFrom=2020`, PINNED],
    ['/api/v1/stats/breakdown?dimension=recruitmentPlatform', CURRENT],
    [`/api/v1/stats/breakdown?dimension=gender&release=${first.id}`, PINNED],
    ['/api/v1/releases', CURRENT],
    ['/api/v1/releases/latest', CURRENT],
    [`/api/v1/releases/${first.id}`, PINNED],
    [`/api/v1/releases/${first.slug}`, PINNED],
    [`/api/v1/releases/${first.slug}/summary/${first.referenceYears.at(-1)}.csv`, PINNED],
  ];

  it('answers with the bytes, an ETag, how caches may keep them, and the security headers', async () => {
    for (const [url, cacheControl] of urls()) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe(cacheControl);
      expect(res.headers.etag, url).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['x-request-id'], url).toBeTruthy();
      const again = await get(url);
      expect(again.rawPayload.equals(res.rawPayload), url).toBe(true);
      expect(again.headers.etag, url).toBe(res.headers.etag);
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const url = '/api/v1/stats/breakdown?dimension=exploitationType';
    const full = await get(url);
    const head = await t.app.inject({ method: 'HEAD', url });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    for (const name of ['etag', 'cache-control', 'content-type', 'content-security-policy']) {
      expect(head.headers[name], name).toBe(full.headers[name]);
    }
  });

  it('answers If-None-Match with 304 and no body, for pinned and current URLs alike', async () => {
    for (const [url, cacheControl] of urls()) {
      const { etag } = (await get(url)).headers as { etag: string };
      const res = await get(url, { 'if-none-match': etag });
      expect(res.statusCode, url).toBe(304);
      expect(res.body, url).toBe('');
      expect(res.headers.etag, url).toBe(etag);
      expect(res.headers['cache-control'], url).toBe(cacheControl);
      expect((await get(url, { 'if-none-match': `"other", ${etag}` })).statusCode, url).toBe(304);
      expect((await get(url, { 'if-none-match': '*' })).statusCode, url).toBe(304);
      expect((await get(url, { 'if-none-match': '"other"' })).statusCode, url).toBe(200);
    }
  });

  it('refuses invalid queries with a 400 problem in French and English, never cached', async () => {
    for (const url of [
      '/api/v1/stats/series?dimension=shoeSize',
      '/api/v1/stats/series?dimension=recruitmentChannelGroup&foo=1',
      '/api/v1/stats/series?dimension=recruitmentChannelGroup&dimension=gender',
      '/api/v1/stats/breakdown',
      '/api/v1/stats/series?yearFrom=1800',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.json().title).toMatch(/ \/ /);
      expect(res.json().errors[0].message.fr).toBeTruthy();
    }
    expect((await get('/api/v1/stats/series?release=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('/api/v1/releases/no-such-release')).statusCode).toBe(404);
  });

  it('counts every public read of a client in one budget, whatever the route (429 problem with Retry-After)', async () => {
    expect((await get('/api/v1/stats/series?dimension=gender', {}, '10.8.8.8')).statusCode).toBe(200);
    expect((await get('/api/v1/releases', {}, '10.8.8.8')).statusCode).toBe(200);
    expect((await get(`/api/v1/releases/${first.id}`, {}, '10.8.8.8')).statusCode).toBe(200);
    const limited = await get('/api/v1/stats/breakdown?dimension=gender', {}, '10.8.8.8');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['x-request-id']).toBeTruthy();
    expect(limited.json().messages.fr).toMatch(/Trop de requêtes/);
    // A 304 is a read too.
    const { etag } = (await get('/api/v1/releases')).headers as { etag: string };
    expect((await get('/api/v1/releases', { 'if-none-match': etag }, '10.8.8.8')).statusCode).toBe(429);
    // Another client has its own budget; loopback (the dashboard's server) has none.
    expect((await get('/api/v1/releases', {}, '10.8.8.9')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await get('/api/v1/releases')).statusCode).toBe(200);
  });

  it('serves a newly published release as "latest" at once, with a new ETag, and keeps the older one by id', async () => {
    const url = '/api/v1/stats/series?dimension=recruitmentChannelGroup';
    const old = await get(url);
    expect(seriesSetSchema.parse(old.json()).releaseId).toBe(first.id);
    const second = releaseSchema.parse((await publish('edition-2')).json());
    const latest = await get(url);
    expect(seriesSetSchema.parse(latest.json()).releaseId).toBe(second.id);
    expect(latest.headers.etag).not.toBe(old.headers.etag);
    expect((await get(url, { 'if-none-match': old.headers.etag as string })).statusCode).toBe(200);
    expect(releaseSchema.parse((await get('/api/v1/releases/latest')).json()).id).toBe(second.id);
    expect((await get('/api/v1/releases')).json()[0].id).toBe(second.id);
    const pinned = await get(`/api/v1/stats/series?dimension=recruitmentChannelGroup&release=${first.id}`);
    expect(seriesSetSchema.parse(pinned.json()).releaseId).toBe(first.id);
    expect(pinned.headers['cache-control']).toBe(PINNED);
  });

  it('logs one line per request: request id, method, route, status and time, nothing from the query', async () => {
    const url = '/api/v1/stats/series?dimension=gender&yearFrom=2020';
    const ok = await get(url);
    const notModified = await get(url, { 'if-none-match': ok.headers.etag as string });
    const lineOf = (res: typeof ok) => log.lines.filter((l) => l.reqId === res.headers['x-request-id']);
    for (const [res, status] of [
      [ok, 200],
      [notModified, 304],
    ] as const) {
      expect(lineOf(res)).toEqual([
        {
          level: 30,
          time: expect.any(Number),
          pid: expect.any(Number),
          hostname: expect.any(String),
          reqId: res.headers['x-request-id'],
          method: 'GET',
          route: '/api/v1/stats/series',
          status,
          ms: expect.any(Number),
          msg: 'request',
        },
      ]);
    }
    expect(JSON.stringify(log.lines)).not.toContain('yearFrom');
  });
});

describe('public reads behind a trusted proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await publishedApp({
      trustProxy: '10.0.0.0/8',
      rateLimitPublicPerMinute: 2,
      rateLimitAllowList: ['198.51.100.9'],
    }));
  });
  afterAll(() => t?.close());

  /** A read forwarded by the proxy at 10.1.1.1 (the dashboard) for a client. */
  const from = (client: string, url = '/api/v1/releases') =>
    t.app.inject({ method: 'GET', url, remoteAddress: '10.1.1.1', headers: { 'x-forwarded-for': client } });

  it('counts each forwarded client address on its own, and exempts the allowed one', async () => {
    expect((await from('192.0.2.1')).statusCode).toBe(200);
    expect((await from('192.0.2.1', '/api/v1/stats/series?dimension=gender')).statusCode).toBe(200);
    expect((await from('192.0.2.1')).statusCode).toBe(429);
    expect((await from('192.0.2.2')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await from('198.51.100.9')).statusCode).toBe(200);
  });

  it('does not believe X-Forwarded-For from an address that is not the proxy', async () => {
    const direct = (spoofed: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/releases',
        remoteAddress: '203.0.113.5',
        headers: { 'x-forwarded-for': spoofed },
      });
    expect((await direct('192.0.2.50')).statusCode).toBe(200);
    expect((await direct('192.0.2.51')).statusCode).toBe(200);
    // Both counted as 203.0.113.5, whatever they claimed.
    expect((await direct('192.0.2.52')).statusCode).toBe(429);
  });
});
