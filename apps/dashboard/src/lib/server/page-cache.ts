/**
 * A short-lived cache of rendered public pages, embeds and downloads (what a CDN's micro-cache would do): the same
 * URL renders the same bytes for everyone (public pages read no cookie), and the numbers behind them change only
 * when a release is published. Chart images are the dearest answers (a PNG is rendered in tens of milliseconds)
 * and the one every social network fetches on each share (the Open Graph preview). Ten seconds keeps a newly
 * published release visible almost at once while a burst of readers on 30 July costs one render per URL per ten
 * seconds. `Cache-Control: no-cache` on the request (a browser reload, the benchmark's uncached run) renders
 * afresh.
 *
 * What is shared must be what anyone would get (issue 12, finding 1: a member opening `/%65space` put their
 * space in this cache, keyed on the raw path, and an anonymous request for the same URL got it back):
 * - a request carrying a cookie or an Authorization header is never answered from the cache nor stored: what
 *   it gets may be personal, whatever the path;
 * - the association space, the admin pages and the API proxy are never cached, under any spelling of their
 *   path (decoded, slashes folded, trailing dots, any case: see `isPrivatePath`), nor any route SvelteKit
 *   runs for them;
 * - only an answer that does not forbid it (`no-store`, `private`) is kept;
 * - entries are keyed on the path SvelteKit routes (decoded), so two spellings of a page are one entry.
 */
import { LRUCache } from 'lru-cache';
import { isPrivatePath, type RouteClass } from './route-class.js';

interface Entry {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

const MAX_BODY = 512 * 1024;
const entries = new LRUCache<string, Entry>({ max: 300, ttl: 10_000 });

/** SvelteKit's own decoding of the path it routes (every escape but %25, so `%2565` stays `%65`). */
function routedPath(pathname: string): string {
  try {
    return pathname.split('%25').map(decodeURI).join('%25');
  } catch {
    return pathname;
  }
}

/** After an admin change that public pages show at once (an erratum, a new release: release-watch.ts): nothing kept is served again. */
export function clearPageCache(): void {
  entries.clear();
}

export function cacheKey(url: URL): string {
  return `${routedPath(url.pathname)}${url.search}`;
}

export function cacheable(request: Request, url: URL, kind: RouteClass): boolean {
  if (request.method !== 'GET') return false;
  if (request.headers.has('cookie') || request.headers.has('authorization')) return false;
  if (kind !== 'page' && kind !== 'embed' && kind !== 'download') return false;
  if (isPrivatePath(url.pathname)) return false;
  if (url.pathname.includes('/__data.json')) return false;
  return true;
}

export function lookup(request: Request, url: URL): Response | null {
  if ((request.headers.get('cache-control') ?? '').includes('no-cache')) return null;
  const hit = entries.get(cacheKey(url));
  if (!hit) return null;
  const headers = new Headers(hit.headers);
  headers.set('x-page-cache', 'hit');
  return new Response(hit.body.slice(), { status: hit.status, headers });
}

export async function store(url: URL, response: Response): Promise<Response> {
  const control = response.headers.get('cache-control') ?? '';
  if (response.status !== 200 || response.headers.has('set-cookie') || /no-store|private/.test(control)) {
    return response;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.byteLength <= MAX_BODY) entries.set(cacheKey(url), { status: 200, headers: [...response.headers], body });
  const headers = new Headers(response.headers);
  headers.set('x-page-cache', 'miss');
  return new Response(body, { status: response.status, headers });
}
