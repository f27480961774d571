import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataSource } from 'typeorm';
import type { LightMyRequestResponse } from 'fastify';
import { releaseSchema, seriesSetSchema } from '@observatoire/schema';
import { PublicCacheService } from '../../src/releases/public-cache.service.js';
import { ReleasesService } from '../../src/releases/releases.service.js';
import { captureRequestLog, startTestApp, type TestApp } from './harness.js';
import { buildWorld, type World } from './fixtures.js';
import { loadSamples } from './seed.js';

/**
 * Cached public reads are answered by the route handler itself (src/releases/public-fast-path.ts), the rest by
 * the Nest controller. The first request of a URL goes through the controller and fills the cache, the second
 * is a hit: both must be the same answer, byte for byte and header for header.
 */
describe('public fast path', () => {
  let t: TestApp;
  let w: World;
  let first: { id: string; slug: string };
  let service: ReleasesService;
  let cache: PublicCacheService;
  let serviceCalls: () => number;

  beforeAll(async () => {
    t = await startTestApp({ rateLimitPublicPerMinute: 3 });
    w = await buildWorld(t.app);
    await loadSamples(t.app.get(DataSource), t.db.url);
    first = releaseSchema.parse((await publish()).json());
    service = t.app.get(ReleasesService);
    cache = t.app.get(PublicCacheService);
    const spies = (['list', 'release', 'series', 'breakdown'] as const).map((m) => vi.spyOn(service, m));
    serviceCalls = () => spies.reduce((n, s) => n + s.mock.calls.length, 0);
  });
  afterAll(() => t?.close());

  const publish = (slug?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/releases',
      headers: { cookie: w.admin.cookie, origin: 'http://127.0.0.1:3000' },
      payload: slug ? { slug } : {},
    });
  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'GET', url, headers, remoteAddress });
  /** Every header but the per-request id, which both must carry. */
  const headersOf = (res: LightMyRequestResponse) => {
    const { 'x-request-id': id, date: _date, ...rest } = res.headers;
    expect(id).toBeTruthy();
    return rest;
  };

  const urls = () => [
    '/api/v1/stats/series?dimension=recruitmentChannelGroup',
    '/api/v1/stats/series',
    `/api/v1/stats/series?dimension=recruitmentChannel&release=${first.id}`,
    `/api/v1/stats/series?release=${first.slug}&dimension=gender&yearFrom=2020`,
    '/api/v1/stats/breakdown?dimension=recruitmentPlatform',
    `/api/v1/stats/breakdown?dimension=gender&release=${first.id}`,
    '/api/v1/releases',
    '/api/v1/releases/latest',
    `/api/v1/releases/${first.id}`,
    `/api/v1/releases/${first.slug}`,
  ];

  it('answers a repeated read from memory with the same status, headers and bytes as the controller', async () => {
    for (const url of urls()) {
      cache.clear();
      const before = serviceCalls();
      const controller = await get(url);
      expect(serviceCalls(), url).toBe(before + 1);
      expect(controller.statusCode, url).toBe(200);
      const fast = await get(url);
      expect(serviceCalls(), `${url} answered from memory`).toBe(before + 1);
      expect(fast.statusCode, url).toBe(200);
      expect(fast.rawPayload.equals(controller.rawPayload), url).toBe(true);
      expect(headersOf(fast), url).toEqual(headersOf(controller));
      expect(fast.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(fast.headers['x-request-id']).not.toBe(controller.headers['x-request-id']);
    }
  });

  it('answers HEAD from memory like the controller: same headers, no body', async () => {
    const url = '/api/v1/stats/breakdown?dimension=exploitationType';
    const controller = await t.app.inject({ method: 'HEAD', url });
    const before = serviceCalls();
    const fast = await t.app.inject({ method: 'HEAD', url });
    expect(serviceCalls()).toBe(before);
    expect(fast.statusCode).toBe(200);
    expect(fast.body).toBe('');
    expect(headersOf(fast)).toEqual(headersOf(controller));
  });

  it('answers If-None-Match with 304 and no body, immutable URLs included', async () => {
    for (const url of urls()) {
      const { etag } = (await get(url)).headers as { etag: string };
      const before = serviceCalls();
      const res = await get(url, { 'if-none-match': etag });
      expect(serviceCalls(), url).toBe(before);
      expect(res.statusCode, url).toBe(304);
      expect(res.body, url).toBe('');
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toMatch(/^public, max-age=/);
      expect((await get(url, { 'if-none-match': `"other", ${etag}` })).statusCode).toBe(304);
      expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    }
  });

  it('leaves invalid queries to the controller: 400 problem+json, French first, for a query seen valid before', async () => {
    await get('/api/v1/stats/series?dimension=recruitmentChannelGroup');
    for (const url of [
      '/api/v1/stats/series?dimension=shoeSize',
      '/api/v1/stats/series?dimension=recruitmentChannelGroup&foo=1',
      '/api/v1/stats/series?dimension=recruitmentChannelGroup&dimension=gender',
      '/api/v1/stats/breakdown',
      '/api/v1/stats/series?yearFrom=1800',
    ]) {
      const a = await get(url);
      const b = await get(url);
      expect(a.statusCode, url).toBe(400);
      expect(a.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(a.headers['cache-control']).toBe('no-store');
      expect(a.json().title).toMatch(/ \/ /);
      expect(a.json().errors[0].message.fr).toBeTruthy();
      const { requestId: _a, ...bodyA } = a.json();
      const { requestId: _b, ...bodyB } = b.json();
      expect(bodyB).toEqual(bodyA);
      expect(headersOf(b)).toEqual(headersOf(a));
    }
    const unknown = await get('/api/v1/stats/series?release=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect((await get('/api/v1/releases/no-such-release')).statusCode).toBe(404);
  });

  it('counts answers from memory against the rate limit (429 problem with Retry-After)', async () => {
    const url = '/api/v1/stats/series?dimension=recruitmentChannelGroup';
    await get(url);
    const before = serviceCalls();
    for (let i = 0; i < 3; i++) expect((await get(url, {}, '10.8.8.8')).statusCode).toBe(200);
    expect(serviceCalls()).toBe(before);
    const limited = await get(url, {}, '10.8.8.8');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['x-request-id']).toBeTruthy();
    expect(limited.json().messages.fr).toMatch(/Trop de requêtes/);
    expect((await get(url, {}, '10.8.8.9')).statusCode).toBe(200);
  });

  it('serves a newly published release as "latest" at once, and keeps the older one by id', async () => {
    const url = '/api/v1/stats/series?dimension=recruitmentChannelGroup';
    const old = await get(url);
    expect(seriesSetSchema.parse(old.json()).releaseId).toBe(first.id);
    const second = releaseSchema.parse((await publish('edition-fast-2')).json());
    const latest = await get(url);
    expect(seriesSetSchema.parse(latest.json()).releaseId).toBe(second.id);
    expect(latest.headers.etag).not.toBe(old.headers.etag);
    expect((await get(url, { 'if-none-match': old.headers.etag as string })).statusCode).toBe(200);
    expect(releaseSchema.parse((await get('/api/v1/releases/latest')).json()).id).toBe(second.id);
    expect((await get('/api/v1/releases')).json()[0].id).toBe(second.id);
    const pinned = await get(`/api/v1/stats/series?dimension=recruitmentChannelGroup&release=${first.id}`);
    expect(seriesSetSchema.parse(pinned.json()).releaseId).toBe(first.id);
  });

  it('logs one line per answer from memory, with the route, status and request id', async () => {
    const url = '/api/v1/stats/series?dimension=gender';
    await get(url);
    const { result: fast, lines } = await captureRequestLog(t.app, () => get(url));
    expect(fast.statusCode).toBe(200);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        reqId: fast.headers['x-request-id'],
        method: 'GET',
        route: '/api/v1/stats/series',
        status: 200,
        msg: 'request',
      }),
    ]);
  });
});
