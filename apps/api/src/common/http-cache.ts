import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The bytes of a public read, built once, with what describes them on the wire. */
export interface CachedPayload {
  body: Buffer;
  etag: string;
  contentType: string;
  contentDisposition?: string;
}

/**
 * How long a public read stays true:
 * - `pinned`: the URL names something that never changes (a release by id or slug);
 * - `current`: the URL means "the newest" (the latest release, the list of releases) and changes when a release is
 *   published.
 */
export type Freshness = 'pinned' | 'current';

/**
 * A strong ETag from the bytes and the version they were built from (a release id): a URL meaning "the latest
 * release" gets a new ETag with every release, even if its numbers happened to stay the same.
 */
export function withEtag(p: Omit<CachedPayload, 'etag'>, version = ''): CachedPayload {
  const hash = createHash('sha256').update(version).update('\0').update(p.body).digest('base64url');
  return { ...p, etag: `"${hash.slice(0, 27)}"` };
}

/**
 * Cache-Control of a public read, for browsers and for the shared caches (reverse proxy, CDN) that carry a spike of
 * readers. A pinned URL is kept a year and never revalidated. A current one is kept a minute by browsers and five by
 * shared caches, which may then serve it for an hour more while they revalidate it in the background: a new release
 * reaches readers within minutes, and a revalidation costs a 304 (same ETag) until then.
 */
export function cacheControl(freshness: Freshness): string {
  return freshness === 'pinned'
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=60, s-maxage=300, stale-while-revalidate=3600';
}

/** Whether an If-None-Match header names this ETag (a list, or "*"). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  return !!ifNoneMatch && (ifNoneMatch === etag || ifNoneMatch === '*' || ifNoneMatch.split(/\s*,\s*/).includes(etag));
}

/** The one way a cached public read is answered: ETag and Cache-Control, then 304 if the client has it, else the bytes. */
export function sendCached(req: FastifyRequest, reply: FastifyReply, p: CachedPayload, freshness: Freshness): void {
  reply.header('etag', p.etag);
  reply.header('cache-control', cacheControl(freshness));
  if (etagMatches(req.headers['if-none-match'], p.etag)) {
    reply.code(304).send();
    return;
  }
  reply.header('content-type', p.contentType);
  if (p.contentDisposition) reply.header('content-disposition', p.contentDisposition);
  reply.send(p.body);
}
