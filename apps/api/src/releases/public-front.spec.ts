import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyServerOptions } from 'fastify';
import { withEtag } from './public-cache.service.js';
import { PublicFront, type FrontDeps } from './public-front.js';

const payload = withEtag({ body: Buffer.from('{"ok":true}'), contentType: 'application/json; charset=utf-8' });

function deps(over: Partial<FrontDeps> = {}): FrontDeps {
  return {
    lookup: (url) => (url === '/cached' ? { payload, immutable: true, route: '/cached' } : undefined),
    securityHeaders: { 'x-content-type-options': 'nosniff' },
    requestId: () => 'request-0001',
    trustProxy: false,
    takePublic: () => true,
    log: () => {},
    ...over,
  };
}

/** A server built by the front's serverFactory; whatever the front leaves is answered 299 by "Fastify". */
async function serve(front: PublicFront, options: Partial<FastifyServerOptions> = {}) {
  const server = front.serverFactory((_req, res) => {
    res.writeHead(299).end('fastify');
  }, options as FastifyServerOptions) as Server;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, get: (path: string, init?: RequestInit) => fetch(base + path, init) };
}
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

describe('PublicFront', () => {
  it('leaves everything to Fastify until opened, and again once closed (shutdown)', async () => {
    const front = new PublicFront();
    const { get } = await serve(front);
    expect((await get('/cached')).status).toBe(299);
    front.open(deps());
    const hit = await get('/cached');
    expect(hit.status).toBe(200);
    expect(await hit.text()).toBe('{"ok":true}');
    expect(hit.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hit.headers.get('x-request-id')).toBe('request-0001');
    expect((await get('/other')).status).toBe(299);
    front.close();
    expect((await get('/cached')).status).toBe(299);
  });

  it('leaves a client over its limit, HEAD and other methods to Fastify, and logs what it answers', async () => {
    const front = new PublicFront();
    const logged: unknown[][] = [];
    let allow = false;
    front.open(deps({ takePublic: () => allow, log: (...line) => logged.push(line) }));
    const { get } = await serve(front);
    expect((await get('/cached')).status).toBe(299);
    allow = true;
    expect((await get('/cached', { method: 'HEAD' })).status).toBe(299);
    expect((await get('/cached', { method: 'DELETE' })).status).toBe(299);
    expect((await get('/cached', { headers: { 'if-none-match': payload.etag } })).status).toBe(304);
    expect(logged).toEqual([['request-0001', 'GET', '/cached', 304, expect.any(Number)]]);
  });

  it('builds the server with the timeouts Fastify would set', async () => {
    const front = new PublicFront();
    const { server } = await serve(front, { keepAliveTimeout: 72_000, requestTimeout: 0, connectionTimeout: 0 });
    expect(server.keepAliveTimeout).toBe(72_000);
    expect(server.requestTimeout).toBe(0);
    expect(server.timeout).toBe(0);
  });
});
