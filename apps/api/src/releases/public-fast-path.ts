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

/**
 * A query string validated with the route's own zod schema (the one the controller's pipe uses), remembered by
 * its raw text: the same text always parses to the same query. Invalid queries are not remembered and never
 * answered here: the controller answers them (400 problem+json), exactly as before.
 */
function memoQuery<S extends z.ZodType<{ release?: string }>>(schema: S) {
  const memo = new Map<string, { release?: string; key: string }>();
  return (req: FastifyRequest) => {
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
  };
}

/** The public reads answered from memory, by the Fastify route URL Nest registers them under. */
export function publicLookups(releases: ReleasesService): Record<string, Lookup> {
  const stats = (kind: 'series' | 'breakdown', schema: typeof seriesQuerySchema | typeof breakdownQuerySchema) => {
    const query = memoQuery(schema);
    return (req: FastifyRequest) => {
      const q = query(req);
      const payload = q && releases.peek(kind, q.release, q.key);
      return payload && { payload, immutable: names(q.release) };
    };
  };
  return {
    '/api/v1/stats/series': stats('series', seriesQuerySchema),
    '/api/v1/stats/breakdown': stats('breakdown', breakdownQuerySchema),
    '/api/v1/releases': () => {
      const payload = releases.peekList();
      return payload && { payload, immutable: false };
    },
    '/api/v1/releases/:id': (req) => {
      const { id } = req.params as { id: string };
      const payload = releases.peekRelease(id);
      return payload && { payload, immutable: names(id) };
    },
  };
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
export function registerPublicFastPath(fastify: FastifyInstance, releases: ReleasesService): void {
  const lookups = publicLookups(releases);
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
