import { LRUCache } from 'lru-cache';

/**
 * A short-lived cache of rendered public pages (what a CDN's micro-cache would do): the same URL renders the
 * same HTML for everyone (public pages read no cookie), and the numbers behind it change only when a release
 * is published. Ten seconds keeps a newly published release visible almost at once while a burst of
 * readers on 30 July costs one render per page per ten seconds. `Cache-Control: no-cache` on the request
 * (a browser reload, the benchmark's uncached run) renders afresh.
 */
interface Entry {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

const MAX_BODY = 512 * 1024;
const entries = new LRUCache<string, Entry>({ max: 300, ttl: 10_000 });

const PRIVATE = /^\/(en\/)?(espace|space|admin|api)(\/|$)/;

export function cacheable(request: Request, url: URL): boolean {
  if (request.method !== 'GET') return false;
  if (PRIVATE.test(url.pathname)) return false;
  if (url.pathname.includes('/__data.json')) return false;
  return true;
}

export function lookup(request: Request, url: URL): Response | null {
  if ((request.headers.get('cache-control') ?? '').includes('no-cache')) return null;
  const hit = entries.get(url.href);
  if (!hit) return null;
  const headers = new Headers(hit.headers);
  headers.set('x-page-cache', 'hit');
  return new Response(hit.body.slice(), { status: hit.status, headers });
}

export async function store(url: URL, response: Response): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.startsWith('text/html') || response.headers.has('set-cookie')) {
    return response;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.byteLength <= MAX_BODY) {
    entries.set(url.href, { status: 200, headers: [...response.headers], body });
  }
  const headers = new Headers(response.headers);
  headers.set('x-page-cache', 'miss');
  return new Response(body, { status: response.status, headers });
}
