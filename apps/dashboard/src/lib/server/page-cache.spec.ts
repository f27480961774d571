import { describe, expect, it } from 'vitest';
import { cacheable, cacheKey, lookup, store } from './page-cache.js';
import { foldPath, isPrivatePath, routeClass } from './route-class.js';

const html = (body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'text/html', ...headers } });

const PRIVATE = [
  '/espace',
  '/espace/imports/x',
  '/espace/connexion',
  '/en/space/login',
  '/space/login',
  '/admin',
  '/admin/publications',
  '/en/admin/imports',
  '/api/v1/releases',
];

/** The spellings of issue 12, finding 1, and more: each still reaches the private page in some server. */
function variants(p: string): string[] {
  const [, first] = p.split('/');
  const seg = p.startsWith('/en/') ? p.split('/')[2] : first;
  const at = p.indexOf(seg);
  const enc = (c: string) => `%${c.charCodeAt(0).toString(16)}`;
  return [
    p,
    p.slice(0, at) + enc(seg[0]) + p.slice(at + 1),
    p.slice(0, at) + [...seg].map(enc).join('') + p.slice(at + seg.length),
    p.slice(0, at) + '%25' + enc(seg[0]).slice(1) + p.slice(at + 1),
    `/${p}`,
    p.replace(/\//g, '//'),
    `${p}.`,
    `${p}/`,
    `${p}/.`,
    p.toUpperCase(),
    p.slice(0, at) + seg[0].toUpperCase() + p.slice(at + 1),
    p.replace(/\//g, '\\'),
  ];
}

describe('private paths, under every spelling', () => {
  it('folds encodings, slashes, dots and case', () => {
    expect(foldPath('/%65space')).toBe('/espace');
    expect(foldPath('/en/%2561dmin')).toBe('/en/admin');
    expect(foldPath('//Espace.//imports/')).toBe('/espace/imports');
  });

  for (const p of PRIVATE) {
    it(p, () => {
      for (const v of variants(p)) expect(isPrivatePath(v), v).toBe(true);
    });
  }

  it('leaves public pages public', () => {
    for (const p of ['/', '/en', '/recruitment-channels', '/en/profiles', '/embed/channels', '/espaces-verts']) {
      expect(isPrivatePath(p), p).toBe(false);
    }
  });

  it('classes routes by what SvelteKit routes', () => {
    expect(routeClass('/(space)/[[lang=lang]]/space/imports/[id]', '/%65space/imports/x')).toBe('private');
    expect(routeClass('/(space)/[[lang=lang]]/admin/imports', '/en/%61dmin/imports')).toBe('private');
    // Whatever URL reached it: a French word added to the table later is private from its route.
    expect(routeClass('/(space)/[[lang=lang]]/space/login', '/anything')).toBe('private');
    expect(routeClass('/(embed)/[[lang=lang]]/embed/[chart]', '/en/embed/channels')).toBe('embed');
    expect(routeClass('/[[lang=lang]]/charts/[chart]/[file]', '/charts/channels/data.csv')).toBe('download');
    expect(routeClass('/api/[...path]', '/api/v1/releases')).toBe('api');
    expect(routeClass('/(site)/[[lang=lang]]/profiles', '/profiles')).toBe('page');
    // A route SvelteKit does not know (404) under a private spelling is still private.
    expect(routeClass(null, '//espace')).toBe('private');
  });
});

describe('page cache', () => {
  const get = (p: string, headers: Record<string, string> = {}) =>
    cacheable(new Request(`http://x${p}`, { headers }), new URL(`http://x${p}`), routeClass(null, p));

  it('caches public GET pages only, never the association space, the admin or the API proxy', () => {
    expect(get('/recruitment-channels?channels.view=area')).toBe(true);
    expect(get('/en/profiles')).toBe(true);
    for (const p of PRIVATE) for (const v of variants(p)) expect(get(v), v).toBe(false);
    expect(cacheable(new Request('http://x/', { method: 'POST' }), new URL('http://x/'), 'page')).toBe(false);
  });

  it('never serves nor stores for a request carrying a cookie or an Authorization header', () => {
    expect(get('/profiles', { cookie: 'observatoire_session=x' })).toBe(false);
    expect(get('/profiles', { authorization: 'Bearer obs_x' })).toBe(false);
  });

  it('keys on the path SvelteKit routes: two spellings of one page are one entry', () => {
    expect(cacheKey(new URL('http://x/%70rofiles?a=1'))).toBe(cacheKey(new URL('http://x/profiles?a=1')));
    expect(cacheKey(new URL('http://x/%2570rofiles'))).not.toBe(cacheKey(new URL('http://x/profiles')));
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

  it('keeps downloads too: a chart image is the dearest answer to render', async () => {
    const url = new URL('http://x/charts/channels/preview.png');
    expect(get('/charts/channels/preview.png')).toBe(true);
    await store(url, new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'content-type': 'image/png' } }));
    const hit = lookup(new Request(url), url);
    expect(hit?.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await hit!.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
  });

  it('never stores errors, answers setting a cookie or marked private / no-store', async () => {
    const urls = ['a', 'b', 'c', 'd', 'e'].map((p) => new URL(`http://x/${p}`));
    await store(urls[0], new Response('down', { status: 503, headers: { 'content-type': 'text/html' } }));
    await store(urls[1], new Response('a,b', { status: 500, headers: { 'content-type': 'text/csv' } }));
    await store(urls[2], html('<p>x</p>', { 'set-cookie': 's=1' }));
    await store(urls[3], html('<p>x</p>', { 'cache-control': 'no-store' }));
    await store(urls[4], html('<p>x</p>', { 'cache-control': 'private, max-age=60' }));
    for (const u of urls) expect(lookup(new Request(u), u)).toBeNull();
  });
});
