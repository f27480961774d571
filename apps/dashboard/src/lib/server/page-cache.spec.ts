import { describe, expect, it } from 'vitest';
import { cacheable, lookup, store } from './page-cache.js';

const html = (body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'text/html', ...headers } });

describe('page cache', () => {
  it('caches public GET pages only, never the association space, the admin or the API proxy', () => {
    const get = (p: string) => cacheable(new Request(`http://x${p}`), new URL(`http://x${p}`));
    expect(get('/recruitment-channels?channels.view=area')).toBe(true);
    expect(get('/en/profiles')).toBe(true);
    for (const p of [
      '/espace',
      '/espace/envoyer',
      '/en/space/login',
      '/admin',
      '/en/admin/imports',
      '/api/v1/releases',
    ]) {
      expect(get(p), p).toBe(false);
    }
    expect(cacheable(new Request('http://x/', { method: 'POST' }), new URL('http://x/'))).toBe(false);
  });

  it('serves a stored page until asked for a fresh one', async () => {
    const url = new URL('http://x/profiles?gender.year=2024');
    const miss = await store(url, html('<p>v1</p>'));
    expect(miss.headers.get('x-page-cache')).toBe('miss');
    expect(await miss.text()).toBe('<p>v1</p>');
    const hit = lookup(new Request(url), url);
    expect(hit?.headers.get('x-page-cache')).toBe('hit');
    expect(await hit?.text()).toBe('<p>v1</p>');
    expect(lookup(new Request(url, { headers: { 'cache-control': 'no-cache' } }), url)).toBeNull();
    // Another filter is another page.
    expect(lookup(new Request('http://x/profiles'), new URL('http://x/profiles'))).toBeNull();
  });

  it('never stores errors, non-HTML answers or answers setting a cookie', async () => {
    const u1 = new URL('http://x/a');
    await store(u1, new Response('down', { status: 503, headers: { 'content-type': 'text/html' } }));
    const u2 = new URL('http://x/b');
    await store(u2, new Response('a,b', { status: 200, headers: { 'content-type': 'text/csv' } }));
    const u3 = new URL('http://x/c');
    await store(u3, html('<p>x</p>', { 'set-cookie': 's=1' }));
    for (const u of [u1, u2, u3]) expect(lookup(new Request(u), u)).toBeNull();
  });
});
