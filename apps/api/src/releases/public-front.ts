import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyServerFactory, FastifyServerOptions } from 'fastify';
import { cacheControl, etagMatches, type CachedPayload } from './public-cache.service.js';
import type { FrontHit } from './public-fast-path.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The front of the HTTP server (tests look at what it answered). */
    publicFront: PublicFront;
  }
}

export interface FrontDeps {
  /** The cached answer of this raw request target, if any (publicLookups().front). */
  lookup(url: string): FrontHit | undefined;
  /** The security headers every answer carries (security-headers.ts). */
  securityHeaders: Record<string, string>;
  /** The request id, as Fastify's genReqId gives it. */
  requestId(req: IncomingMessage): string;
  /** The client address as Fastify's request.ip gives it (TRUST_PROXY). */
  trustProxy: boolean | string;
  /** Counts a public read against the client's budget; false when over it (Fastify then answers the 429). */
  takePublic(ip: string): boolean;
  /** The request log line (logger.ts requestLogWriter). */
  log(reqId: string, method: string, route: string, status: number, ms: number): void;
}

/** Header lists per payload, built once: [200, 304], for a mutable and an immutable URL. */
interface Prepared {
  ok: string[];
  notModified: string[];
}

/** Fastify's request.ip, for the two forms TRUST_PROXY takes here (config.ts): all proxies, or a list. */
function clientAddress(trustProxy: boolean | string): (req: IncomingMessage) => string {
  if (!trustProxy) return (req) => req.socket.remoteAddress ?? '';
  const trust =
    trustProxy === true ? () => true : proxyAddr.compile(trustProxy.split(',').map((value) => value.trim()));
  return (req) => {
    const all = proxyAddr.all(req as never, trust);
    return all[all.length - 1];
  };
}

/**
 * The front of the API's HTTP server. A GET of a public read whose answer is already in memory (a release's
 * statistics, the release list, one release: public-fast-path.ts) is answered here, before Fastify builds its
 * request and reply, routes, and runs its hooks: with the same status, headers and bytes as the route answers
 * (an integration test compares them over real connections), the same request id and log line, and counted in
 * the same rate-limit budget. Everything else goes to Fastify untouched: any other method or route, a first
 * request, a query never validated by the route, a request with a body, a client over its limit (Fastify
 * answers the 429), "latest" due for its re-check, and every request once the server is closing.
 *
 * Used as Fastify's serverFactory, so the server is the one Fastify would build, with the same timeouts.
 */
export class PublicFront {
  private deps?: FrontDeps;
  private ip: (req: IncomingMessage) => string = () => '';
  private security: string[] = [];
  private readonly prepared = new WeakMap<CachedPayload, [Prepared?, Prepared?]>();

  /** Starts answering (once the application is built); until then every request goes to Fastify. */
  open(deps: FrontDeps): void {
    this.deps = deps;
    this.ip = clientAddress(deps.trustProxy);
    this.security = Object.entries(deps.securityHeaders).flat();
  }

  /** Stops answering: from the start of shutdown, Fastify and Nest answer (503 while closing). */
  close(): void {
    this.deps = undefined;
  }

  readonly serverFactory: FastifyServerFactory = (handler, options: FastifyServerOptions) => {
    const server = http.createServer((options as { http?: http.ServerOptions }).http ?? {}, (req, res) => {
      if (!this.answer(req, res)) handler(req, res);
    });
    // What Fastify does with the server it builds itself (fastify/lib/server.js).
    if (options.keepAliveTimeout) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };

  /** Answers the request when it is a cached public read; false leaves it, untouched, to Fastify. */
  answer(req: IncomingMessage, res: ServerResponse): boolean {
    const deps = this.deps;
    if (deps === undefined || req.method !== 'GET' || req.url === undefined) return false;
    const headers = req.headers;
    if (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined) return false;
    const start = performance.now();
    const hit = deps.lookup(req.url);
    if (hit === undefined) return false;
    if (!deps.takePublic(this.ip(req))) return false;

    const id = deps.requestId(req);
    const ready = this.prepare(hit);
    const notModified = etagMatches(headers['if-none-match'], hit.payload.etag);
    const list = (notModified ? ready.notModified : ready.ok).slice();
    if (notModified) {
      list.push('x-request-id', id);
      res.writeHead(304, list);
      res.end();
    } else {
      list.push('x-request-id', id, 'content-length', String(hit.payload.body.length));
      res.writeHead(200, list);
      res.end(hit.payload.body);
    }
    deps.log(id, 'GET', hit.route, notModified ? 304 : 200, Math.round(performance.now() - start));
    return true;
  }

  /** The headers of this payload's answers in the order the route sets them, less the per-request ones. */
  private prepare(hit: FrontHit): Prepared {
    const p = hit.payload;
    let both = this.prepared.get(p);
    if (both === undefined) this.prepared.set(p, (both = [undefined, undefined]));
    const slot = hit.immutable ? 1 : 0;
    let ready = both[slot];
    if (ready === undefined) {
      const cache = [...this.security, 'etag', p.etag, 'cache-control', cacheControl(hit.immutable)];
      const ok = [...cache, 'content-type', p.contentType];
      if (p.contentDisposition) ok.push('content-disposition', p.contentDisposition);
      ready = both[slot] = { ok, notModified: cache };
    }
    return ready;
  }
}
