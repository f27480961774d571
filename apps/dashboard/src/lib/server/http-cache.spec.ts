import { describe, expect, it } from 'vitest';
import {
  conditional,
  etagMatches,
  etagOf,
  LATEST,
  PERSONAL,
  PINNED_DOWNLOAD,
  PINNED_PAGE,
  withHttpCache,
} from './http-cache.js';

const url = (path: string) => new URL(`http://obs.example${path}`);
const get = (headers: Record<string, string> = {}) => new Request('http://obs.example/', { headers });
const html = (headers: Record<string, string> = {}, status = 200) =>
  new Response('<html>2025-1</html>', { status, headers: { 'content-type': 'text/html', ...headers } });

describe('HTTP caching of public answers', () => {
  it('keeps a URL naming a release for good, the latest one briefly with stale-while-revalidate', async () => {
    const pinned = await withHttpCache(get(), url('/profiles?release=2025-1'), 'page', html());
    expect(pinned.headers.get('cache-control')).toBe(PINNED_PAGE);
    const file = await withHttpCache(get(), url('/charts/gender/data.csv?release=2025-1'), 'download', html());
    expect(file.headers.get('cache-control')).toBe(PINNED_DOWNLOAD);
    for (const path of ['/profiles', '/profiles?release=latest', '/profiles?release=%2e%2e%2f']) {
      const latest = await withHttpCache(get(), url(path), 'page', html());
      expect(latest.headers.get('cache-control'), path).toBe(LATEST);
    }
  });

  it('tags the bytes with a strong ETag and answers 304 to a client holding them', async () => {
    const res = await withHttpCache(get(), url('/'), 'page', html({ etag: '"sveltekit"' }));
    const etag = res.headers.get('etag')!;
    expect(etag).toBe(etagOf(new TextEncoder().encode('<html>2025-1</html>')));
    expect(await res.text()).toBe('<html>2025-1</html>');
    const again = await withHttpCache(get(), url('/'), 'page', html());
    const notModified = conditional(get({ 'if-none-match': etag }), again);
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('cache-control')).toBe(LATEST);
    expect(await notModified.text()).toBe('');
    expect(etagMatches(`"a", W/${etag}`, etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('"a"', etag)).toBe(false);
    expect(etagMatches(null, etag)).toBe(false);
  });

  it('shares nothing asked with credentials or answered with a cookie, and keeps a route’s own no-store', async () => {
    const credentials: Record<string, string>[] = [{ cookie: 's=1' }, { authorization: 'Bearer x' }];
    for (const headers of credentials) {
      const res = await withHttpCache(get(headers), url('/'), 'page', html({ etag: '"k"' }));
      expect(res.headers.get('cache-control')).toBe(PERSONAL);
      expect(res.headers.get('etag')).toBeNull();
      expect(conditional(get({ ...headers, 'if-none-match': '"k"' }), res).status).toBe(200);
    }
    const setsCookie = await withHttpCache(get(), url('/'), 'page', html({ 'set-cookie': 'a=b' }));
    expect(setsCookie.headers.get('cache-control')).toBe(PERSONAL);
    const own = await withHttpCache(get(), url('/'), 'page', html({ 'cache-control': 'no-store' }));
    expect(own.headers.get('cache-control')).toBe('no-store');
    const privatePage = html({ 'cache-control': 'no-store' });
    expect(await withHttpCache(get(), url('/espace'), 'private', privatePage)).toBe(privatePage);
  });

  it('caches an error briefly and an outage not at all', async () => {
    const missing = await withHttpCache(get(), url('/x?release=2025-1'), 'page', html({}, 404));
    expect(missing.headers.get('cache-control')).toBe('public, max-age=60');
    expect(missing.headers.get('etag')).toBeNull();
    const down = await withHttpCache(get(), url('/'), 'page', html({}, 503));
    expect(down.headers.get('cache-control')).toBe('no-store');
  });
});
