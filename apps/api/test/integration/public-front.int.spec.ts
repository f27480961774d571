import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { DataSource } from 'typeorm';
import { releaseSchema } from '@observatoire/schema';
import { PublicCacheService } from '../../src/releases/public-cache.service.js';
import type { PublicFront } from '../../src/releases/public-front.js';
import { captureRequestLog, startTestApp, type TestApp } from './harness.js';
import { buildWorld, type World } from './fixtures.js';
import { loadSamples } from './seed.js';

interface Answer {
  status: number;
  /** Raw header lines in the order they came, names as sent. */
  raw: string[];
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Real connections: the front sits in the HTTP server, which app.inject() never reaches. */
function request(base: string, path: string, options: http.RequestOptions & { body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(base + path, { agent: keepAlive, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, raw: res.rawHeaders, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** Header lines but the date and the request id, which differ between any two answers. */
const stable = (a: Answer) => {
  const out: string[] = [];
  for (let i = 0; i < a.raw.length; i += 2) {
    const name = a.raw[i].toLowerCase();
    if (name !== 'date' && name !== 'x-request-id') out.push(`${name}: ${a.raw[i + 1]}`);
  }
  return out;
};

/** The application with the sample exports loaded and published as a first release. */
async function publishedApp(overrides: Parameters<typeof startTestApp>[0]) {
  const t = await startTestApp(overrides);
  const w: World = await buildWorld(t.app);
  await loadSamples(t.app.get(DataSource), t.db.url);
  const published = await t.app.inject({
    method: 'POST',
    url: '/api/v1/releases',
    headers: { cookie: w.admin.cookie, origin: 'http://127.0.0.1:3000' },
    payload: {},
  });
  return { t, first: releaseSchema.parse(published.json()) };
}

async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/**
 * A cached public read is answered by the front of the HTTP server (src/releases/public-front.ts), before Fastify;
 * the first read of a URL and everything else goes through Fastify and the controller. Both must give the same
 * answer: status, header lines in the same order, bytes, rate limit, request log.
 */
describe('public front of the HTTP server', () => {
  let t: TestApp;
  let base: string;
  let first: { id: string; slug: string };
  let cache: PublicCacheService;
  let answered: MockInstance<PublicFront['answer']>;
  const byFront = () => answered.mock.results.filter((r) => r.value === true).length;

  beforeAll(async () => {
    // The test client comes from loopback: nothing is exempt, so every answer is counted (the limit itself is
    // tested behind a proxy below, where each test can be its own client).
    ({ t, first } = await publishedApp({ rateLimitPublicPerMinute: 1000, rateLimitAllowList: [] }));
    cache = t.app.get(PublicCacheService);
    answered = vi.spyOn(t.app.getHttpAdapter().getInstance().publicFront, 'answer');
    base = await listen(t);
  });
  afterAll(async () => {
    keepAlive.destroy();
    await t?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => request(base, path, { headers });

  it('answers a repeated read before Fastify, with the same status, header lines and bytes', async () => {
    const urls = [
      '/api/v1/stats/series?dimension=recruitmentChannelGroup',
      `/api/v1/stats/series?dimension=gender&release=${first.slug}&yearFrom=2020`,
      `/api/v1/stats/breakdown?dimension=recruitmentPlatform&release=${first.id}`,
      '/api/v1/releases',
      '/api/v1/releases/latest',
      `/api/v1/releases/${first.id}`,
    ];
    for (const url of urls) {
      cache.clear();
      const before = byFront();
      const route = await get(url, { 'x-request-id': `route-read-${byFront()}` });
      expect(route.status, url).toBe(200);
      expect(byFront(), `${url}: first read through Fastify`).toBe(before);
      const front = await get(url, { 'x-request-id': `front-read-${byFront()}` });
      expect(byFront(), `${url}: second read by the front`).toBe(before + 1);
      expect(front.status, url).toBe(200);
      expect(front.body.equals(route.body), url).toBe(true);
      expect(stable(front), url).toEqual(stable(route));
      expect(front.headers['x-request-id']).toBe(`front-read-${before}`);
      expect(front.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('answers If-None-Match with the same 304 as the route', async () => {
    const url = '/api/v1/stats/breakdown?dimension=exploitationType';
    cache.clear();
    const fresh = await get(url);
    const etag = fresh.headers.etag!;
    cache.clear();
    const route = await get(url, { 'if-none-match': etag });
    const before = byFront();
    const front = await get(url, { 'if-none-match': `"other", ${etag}` });
    expect(byFront()).toBe(before + 1);
    expect([route.status, front.status]).toEqual([304, 304]);
    expect(front.body.length).toBe(0);
    expect(stable(front)).toEqual(stable(route));
  });

  it('leaves to Fastify what it does not answer: HEAD, a body, a query never validated, another spelling', async () => {
    const url = '/api/v1/stats/series?dimension=exploitationType';
    expect((await get(url)).status).toBe(200);
    const calls = answered.mock.results.length;
    const head = await request(base, url, { method: 'HEAD' });
    const withBody = await request(base, url, {
      headers: { 'content-type': 'text/plain', 'content-length': '1' },
      body: 'x',
    });
    const invalid = await get('/api/v1/stats/series?dimension=exploitationType&dimension=gender');
    const encoded = await get('/api/v1/stats/%73eries?dimension=exploitationType');
    const results = answered.mock.results.slice(calls).map((r) => r.value);
    expect(results).toEqual([false, false, false, false]);
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(withBody.status).toBe(200);
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(encoded.status).toBe(
      (await t.app.inject({ url: '/api/v1/stats/%73eries?dimension=exploitationType' })).statusCode,
    );
  });

  it('logs its answers as the route does: one line with the request id, route, status and time', async () => {
    const url = '/api/v1/stats/breakdown?dimension=gender';
    await get(url);
    const before = byFront();
    const { result: answer, lines } = await captureRequestLog(t.app, () =>
      get(url, { 'x-request-id': 'journalist-0001' }),
    );
    expect(answer.status).toBe(200);
    expect(byFront()).toBe(before + 1);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        reqId: 'journalist-0001',
        method: 'GET',
        route: '/api/v1/stats/breakdown',
        status: 200,
        ms: expect.any(Number),
        msg: 'request',
      }),
    ]);
  });
});

describe('public front behind a trusted proxy', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    ({ t } = await publishedApp({
      trustProxy: true,
      rateLimitPublicPerMinute: 2,
      rateLimitAllowList: ['198.51.100.9'],
    }));
    base = await listen(t);
  });
  afterAll(() => t?.close());
  const from = (ip: string, url = '/api/v1/releases') => request(base, url, { headers: { 'x-forwarded-for': ip } });

  it('spends the route’s budget: the read over the limit gets the route’s 429 problem, whatever the route', async () => {
    const answered = vi.spyOn(t.app.getHttpAdapter().getInstance().publicFront, 'answer');
    const url = '/api/v1/stats/series?dimension=gender';
    expect((await from('203.0.113.7', url)).status).toBe(200); // through Fastify: 1 of 2
    expect((await from('203.0.113.7', url)).status).toBe(200); // the front: 2 of 2
    expect(answered.mock.results.at(-1)?.value).toBe(true);
    const limited = await from('203.0.113.7', url);
    expect(answered.mock.results.at(-1)?.value).toBe(false);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(JSON.parse(limited.body.toString()).messages.fr).toMatch(/Trop de requêtes/);
    // One budget for every public read of a client.
    expect((await from('203.0.113.7', '/api/v1/releases')).status).toBe(429);
  });

  it('counts each forwarded client address on its own, and exempts the allowed one, as Fastify does', async () => {
    const answered = vi.spyOn(t.app.getHttpAdapter().getInstance().publicFront, 'answer');
    expect((await from('192.0.2.1')).status).toBe(200);
    expect((await from('192.0.2.1')).status).toBe(200);
    expect(answered.mock.results.at(-1)?.value).toBe(true);
    expect((await from('192.0.2.1')).status).toBe(429);
    expect((await from('192.0.2.2')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await from('198.51.100.9')).status).toBe(200);
    expect(answered.mock.results.at(-1)?.value).toBe(true);
  });
});
