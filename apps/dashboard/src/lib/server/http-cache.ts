/**
 * HTTP caching of the public answers (pages, embeds, their navigation data, chart images and downloads), so that a
 * spike of readers on 30 July is carried by browsers and by any shared cache in front of the dashboard (reverse
 * proxy, CDN) rather than by the origin. The same policy as the API's (apps/api/src/common/http-cache.ts):
 * - a URL naming a release (`?release=2025-1`) shows numbers that never change: `immutable`. Downloads are kept a
 *   year everywhere. A page or embed also carries the site around the numbers (the release picker, the script
 *   chunks of the running version): browsers keep it a day, shared caches a year (purged when a new version of
 *   the dashboard is deployed: README, HTTP caching);
 * - a URL meaning the latest release is kept a minute by browsers and five by shared caches, which may serve it an
 *   hour more while revalidating it in the background: a new release reaches readers within minutes;
 * - every answer carries a strong ETag from its bytes, which hold the release they show: a new release, a new ETag;
 *   a revalidation of an unchanged answer costs a 304 without a body.
 * Nothing personal is ever shared (issue 12): a request with a cookie or an Authorization header, the association
 * space, the admin and the API proxy get `private, no-store` / `no-store`; an answer that sets a cookie is never
 * marked public.
 */
import { createHash } from 'node:crypto';
import { requestedRelease } from './release-param.js';
import type { RouteClass } from './route-class.js';

export const PINNED_DOWNLOAD = 'public, max-age=31536000, immutable';
export const PINNED_PAGE = 'public, max-age=86400, s-maxage=31536000, immutable';
export const LATEST = 'public, max-age=60, s-maxage=300, stale-while-revalidate=3600';
/** An error or a redirect of a public URL: briefly, so that a fixed page shows up soon. */
export const SHORT = 'public, max-age=60';
export const PERSONAL = 'private, no-store';

/** Whether a request may receive an answer that shared caches keep: no credentials of any kind. */
export function anonymous(request: Request): boolean {
  return !request.headers.has('cookie') && !request.headers.has('authorization');
}

/** The Cache-Control of a public answer with this status, from what its URL asks for. */
export function publicCacheControl(kind: RouteClass, url: URL, status: number): string {
  if (status >= 500) return 'no-store';
  if (status !== 200) return SHORT;
  if (requestedRelease(url) === 'latest') return LATEST;
  return kind === 'download' ? PINNED_DOWNLOAD : PINNED_PAGE;
}

/** A strong ETag from the bytes of an answer. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this ETag (one, a list, or "*"; a weak form matches too). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function copyWith(response: Response, body: BodyInit | null, status = response.status): Response {
  return new Response(body, {
    status,
    statusText: status === response.status ? response.statusText : '',
    headers: new Headers(response.headers),
  });
}

/**
 * The answer to a public route with its caching headers: Cache-Control always; for a 200 of an anonymous GET or
 * HEAD, the body is read once for its ETag. A route that set its own `no-store` or `private` (a pending page)
 * keeps it.
 */
export async function withHttpCache(
  request: Request,
  url: URL,
  kind: RouteClass,
  response: Response,
): Promise<Response> {
  if (kind === 'private' || kind === 'api') return response;
  const own = response.headers.get('cache-control') ?? '';
  let control: string;
  if (!anonymous(request) || response.headers.has('set-cookie')) control = PERSONAL;
  else if (/no-store|private/.test(own)) control = own;
  else control = publicCacheControl(kind, url, response.status);

  const cacheable = control.startsWith('public') && response.status === 200 && ['GET', 'HEAD'].includes(request.method);
  if (!cacheable) {
    const out = copyWith(response, response.body);
    out.headers.set('cache-control', control);
    // SvelteKit tags every page: an answer no cache keeps needs no validator.
    if (control === PERSONAL) out.headers.delete('etag');
    return out;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const out = copyWith(response, body);
  out.headers.set('cache-control', control);
  out.headers.set('etag', etagOf(body));
  return out;
}

/** 304 Not Modified when the client already holds this answer (its ETag in If-None-Match), else the answer. */
export function conditional(request: Request, response: Response): Response {
  const etag = response.headers.get('etag');
  if (!etag || response.status !== 200 || !etagMatches(request.headers.get('if-none-match'), etag)) return response;
  const headers = new Headers();
  for (const name of ['etag', 'cache-control', 'vary', 'content-location', 'date', 'expires']) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(null, { status: 304, headers });
}
