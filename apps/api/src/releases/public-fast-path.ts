import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { z } from 'zod';
import { namesRelease as names, PublicCacheService, type CachedPayload } from './public-cache.service.js';
import { breakdownQuerySchema, seriesQuerySchema } from './releases.dto.js';
import { queryKey, type ReleasesService } from './releases.service.js';

interface Hit {
  payload: CachedPayload;
  /** A URL that names a release (not "latest") always returns the same bytes. */
  immutable: boolean;
}
type Lookup = (req: FastifyRequest) => Hit | undefined;

/** Distinct valid query strings remembered per route; past that the memo starts again (bounded memory). */
const MAX_QUERIES = 1000;

type MemoHit = { release?: string; key: string };

/**
 * A query string validated with the route's own zod schema (the one the controller's pipe uses), remembered by
 * its raw text: the same text always parses to the same query. Invalid queries are not remembered and never
 * answered here: the controller answers them (400 problem+json), exactly as before.
 */
function memoQuery<S extends z.ZodType<{ release?: string }>>(schema: S) {
  const memo = new Map<string, MemoHit>();
  return {
    fromRequest(req: FastifyRequest): MemoHit | undefined {
      const url = req.url;
      const at = url.indexOf('?');
      const raw = at < 0 ? '' : url.slice(at + 1);
      let hit = memo.get(raw);
      if (hit === undefined) {
        const parsed = schema.safeParse(req.query ?? {});
        if (!parsed.success) return undefined;
        const q = parsed.data as Parameters<typeof queryKey>[0];
        hit = { release: q.release, key: queryKey(q) };
        if (memo.size >= MAX_QUERIES) memo.clear();
        memo.set(raw, hit);
      }
      return hit;
    },
    /** A raw query string already validated through the route (undefined when never seen, or forgotten). */
    known: (raw: string): MemoHit | undefined => memo.get(raw),
  };
}

/** Each public read's answer from memory, if it is there (the query memo of a route is shared by both users). */
function lookupTable(releases: ReleasesService) {
  const stats = (kind: 'series' | 'breakdown', schema: typeof seriesQuerySchema | typeof breakdownQuerySchema) => {
    const query = memoQuery(schema);
    const hit = (q: MemoHit | undefined): Hit | undefined => {
      const payload = q && releases.peek(kind, q.release, q.key);
      return payload && { payload, immutable: names(q.release) };
    };
    return {
      route: (req: FastifyRequest) => hit(query.fromRequest(req)),
      known: query.known,
      hit,
    };
  };
  const list = (): Hit | undefined => {
    const payload = releases.peekList();
    return payload && { payload, immutable: false };
  };
  const release = (id: string): Hit | undefined => {
    const payload = releases.peekRelease(id);
    return payload && { payload, immutable: names(id) };
  };
  return {
    series: stats('series', seriesQuerySchema),
    breakdown: stats('breakdown', breakdownQuerySchema),
    list,
    release,
  };
}

export interface FrontHit extends Hit {
  /** The Fastify route URL, as the request log names it. */
  route: string;
}

/** A release id or slug as it may stand in a path: anything else (encoded, nested) is left to Fastify's router. */
const RELEASE_REF = /^[A-Za-z0-9._-]{1,100}$/;
const RELEASE_PREFIX = '/api/v1/releases/';

export interface PublicLookups {
  /** By the Fastify route URL Nest registers each public read under (the route handler's fast path). */
  routes: Record<string, Lookup>;
  /**
   * The same answers found from the raw request target alone, for the front of the HTTP server
   * (public-front.ts): exact paths only, and only query strings the route has validated before (the memo is
   * shared). Anything else, and every first request, is undefined: Fastify and the controller answer it.
   */
  front: (url: string) => FrontHit | undefined;
}

export function publicLookups(releases: ReleasesService): PublicLookups {
  const t = lookupTable(releases);
  const routes: Record<string, Lookup> = {
    '/api/v1/stats/series': t.series.route,
    '/api/v1/stats/breakdown': t.breakdown.route,
    '/api/v1/releases': () => t.list(),
    '/api/v1/releases/:id': (req) => t.release((req.params as { id: string }).id),
  };
  type Target = { route: string; resolve: () => Hit | undefined };
  /** How to find the answer of one request target; undefined when the front must not answer it. */
  const targetOf = (url: string): Target | undefined => {
    const at = url.indexOf('?');
    const path = at < 0 ? url : url.slice(0, at);
    if (path === '/api/v1/stats/series' || path === '/api/v1/stats/breakdown') {
      const stats = path === '/api/v1/stats/series' ? t.series : t.breakdown;
      const query = stats.known(at < 0 ? '' : url.slice(at + 1));
      return query && { route: path, resolve: () => stats.hit(query) };
    }
    if (at >= 0) return undefined;
    if (path === '/api/v1/releases') return { route: path, resolve: t.list };
    const ref = path.startsWith(RELEASE_PREFIX) ? path.slice(RELEASE_PREFIX.length) : '';
    return RELEASE_REF.test(ref) ? { route: '/api/v1/releases/:id', resolve: () => t.release(ref) } : undefined;
  };
  /** Request targets already resolved once: the front's per-request work is one lookup here. */
  const targets = new Map<string, Target>();
  const front = (url: string): FrontHit | undefined => {
    let target = targets.get(url);
    if (target === undefined) {
      target = targetOf(url);
      // Not remembered when unknown: a query becomes known once the route has validated it.
      if (target === undefined) return undefined;
      if (targets.size >= MAX_QUERIES * 4) targets.clear();
      targets.set(url, target);
    }
    const hit = target.resolve();
    return hit && { payload: hit.payload, immutable: hit.immutable, route: target.route };
  };
  return { routes, front };
}

/**
 * Public statistics come from immutable releases and are cached as bytes with their ETag, so once a payload is in
 * memory nothing in Nest's per-request pipeline (guard, pipes, exception filter, promise chain) changes the
 * answer: the route handler answers such a hit itself, with the controller's own `send`. Everything else (a first
 * request, a query the schema rejects, an unknown release, "latest" due for its re-check) goes to the controller.
 * Fastify's hooks run either way: security headers, rate limit, request id, request log.
 *
 * The controller stays the route for Nest (OpenAPI document, tests); only its Fastify handler is wrapped.
 */
export function registerPublicFastPath(fastify: FastifyInstance, lookups: Record<string, Lookup>): void {
  fastify.addHook('onRoute', (route) => {
    const lookup = Object.hasOwn(lookups, route.url) ? lookups[route.url] : undefined;
    const methods = [route.method].flat();
    if (!lookup || methods.some((m) => m !== 'GET' && m !== 'HEAD')) return;
    const controller = route.handler;
    route.handler = function publicFastPath(this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
      const hit = lookup(req);
      if (hit === undefined) return controller.call(this, req, reply);
      PublicCacheService.send(req, reply, hit.payload, hit.immutable);
      return reply;
    } as RouteHandlerMethod;
  });
}
