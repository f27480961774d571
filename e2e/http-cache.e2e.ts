/**
 * HTTP caching of the dashboard over real HTTP, against the whole platform (embedded PostgreSQL, the API, the
 * dashboard's production build): what a browser or a CDN in front is told to keep, for how long, and how it
 * revalidates. Pages, embeds, their navigation data and downloads: a URL naming a release is immutable, the
 * latest release is shared briefly with stale-while-revalidate, and the ETag changes when a release is published.
 * Nothing asked with a cookie, and nothing private, is ever shareable (issue 12).
 */
import { describe, expect, it } from 'vitest';
import type { Stack } from '@observatoire/cli/dist/stack.js';
import { seedFiles, seedSamples } from '@observatoire/cli/dist/seed.js';
import { startSeededStack } from './public/stack';
import { platformSuite } from './suite';

const LATEST = 'public, max-age=60, s-maxage=300, stale-while-revalidate=3600';
const PINNED_PAGE = 'public, max-age=86400, s-maxage=31536000, immutable';
const PINNED_DOWNLOAD = 'public, max-age=31536000, immutable';
const RELEASE = 'samples';

let stack: Stack;

platformSuite(async (keep) => {
  stack = keep(await startSeededStack({ name: 'http-cache', seed: (url) => seedSamples(url) }));
});

/** One GET of the dashboard; `fresh` skips its 10-second page cache, as a browser reload does. */
async function get(path: string, headers: Record<string, string> = {}, fresh = false) {
  const res = await fetch(`${stack.dashboardUrl}${path}`, {
    headers: { ...headers, ...(fresh ? { 'cache-control': 'no-cache' } : {}) },
    redirect: 'manual',
  });
  const body = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body };
}

const PUBLIC_LATEST = [
  '/',
  '/recruitment-channels',
  '/en/recruitment-channels',
  '/en/profiles',
  '/methodology',
  '/embed/online-offline',
  '/en/embed/channels',
  '/embed.js',
  '/recruitment-channels/__data.json',
  '/charts/online-offline/chart.svg',
  '/charts/online-offline/data.csv',
  '/en/charts/platforms/chart.png',
];

describe('HTTP caching of the public dashboard', () => {
  it('marks every page, embed, navigation data and download of the latest release shareable briefly, with an ETag', async () => {
    for (const path of PUBLIC_LATEST) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(LATEST);
      expect(res.headers.get('etag'), path).toMatch(/^"[\w-]{27}"$/);
    }
  });

  it('answers a revalidation with 304 and no body while the answer is the same, from the page cache or not', async () => {
    for (const path of ['/recruitment-channels', '/embed/online-offline', '/charts/online-offline/chart.svg']) {
      const first = await get(path);
      const etag = first.headers.get('etag')!;
      for (const fresh of [false, true]) {
        const again = await get(path, { 'if-none-match': etag }, fresh);
        expect(again.status, `${path} fresh=${fresh}`).toBe(304);
        expect(again.body.byteLength).toBe(0);
        expect(again.headers.get('etag')).toBe(etag);
        expect(again.headers.get('cache-control')).toBe(LATEST);
      }
      // A list of validators, one of them current, and the weak form of the same ETag revalidate too.
      expect((await get(path, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
      expect((await get(path, { 'if-none-match': '"something-else"' })).status).toBe(200);
    }
  });

  it('marks a URL naming a release immutable: downloads a year everywhere, pages a day in browsers', async () => {
    for (const path of [
      `/recruitment-channels?release=${RELEASE}`,
      `/en/profiles?release=${RELEASE}`,
      `/embed/online-offline?release=${RELEASE}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(PINNED_PAGE);
      expect(res.headers.get('etag')).toBeTruthy();
    }
    for (const path of [
      `/charts/online-offline/chart.svg?release=${RELEASE}`,
      `/en/charts/channels/full.csv?release=${RELEASE}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(PINNED_DOWNLOAD);
    }
  });

  it('never lets a shared cache keep an answer to a request with a cookie or credentials', async () => {
    for (const path of ['/recruitment-channels', '/embed/online-offline', '/charts/online-offline/chart.svg']) {
      const credentials: Record<string, string>[] = [{ cookie: 'session=anything' }, { authorization: 'Bearer x' }];
      for (const headers of credentials) {
        const res = await get(path, headers);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('cache-control'), path).toBe('private, no-store');
        expect(res.headers.get('etag')).toBeNull();
        expect(res.headers.get('x-page-cache')).toBeNull();
      }
    }
  });

  it('keeps the association space, the admin and the API proxy out of every cache, under any spelling', async () => {
    for (const path of [
      '/espace/connexion',
      '/en/space/login',
      '/%65space/connexion',
      '/admin',
      '/en/admin',
      '/api/v1/me',
    ]) {
      const res = await get(path);
      expect(res.headers.get('cache-control'), path).toMatch(/no-store/);
      expect(res.headers.get('cache-control'), path).not.toMatch(/public/);
      expect(res.headers.get('x-page-cache'), path).toBeNull();
    }
  });

  it('caches an unknown page or release briefly and an outage never', async () => {
    const missing = await get('/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('public, max-age=60');
    const noRelease = await get('/recruitment-channels?release=no-such-release');
    expect(noRelease.status).toBe(404);
    expect(noRelease.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('gives the latest views a new ETag when a release is published, and leaves the pinned ones as they were', async () => {
    const paths = ['/recruitment-channels', '/embed/online-offline', '/charts/online-offline/data.csv'];
    const before = new Map<string, string>();
    for (const path of paths) before.set(path, (await get(path, {}, true)).headers.get('etag')!);
    const pinned = `/charts/online-offline/data.csv?release=${RELEASE}`;
    const pinnedBefore = (await get(pinned, {}, true)).headers.get('etag');

    await seedFiles(stack.databaseUrl, [], { slug: 'second', notes: { fr: 'Deuxième.', en: 'Second.' } });

    for (const path of paths) {
      // The dashboard reads the list of releases again within seconds (its API answers are cached 15 s).
      await expect
        .poll(async () => (await get(path, {}, true)).headers.get('etag'), { timeout: 45_000, interval: 1_000 })
        .not.toBe(before.get(path));
      const now = await get(path, { 'if-none-match': before.get(path)! }, true);
      expect(now.status, path).toBe(200);
      expect(new TextDecoder().decode(now.body), path).toContain('second');
    }
    expect((await get(pinned, {}, true)).headers.get('etag')).toBe(pinnedBefore);
  }, 180_000);

  it('shows a new release within seconds even on cached pages, with a new ETag (issue 14)', async () => {
    // Answered from the page cache (no no-cache), as every reader's request is.
    const paths = ['/', '/en/recruitment-channels', '/charts/online-offline/data.csv'];
    const before = new Map<string, string>();
    for (const path of paths) {
      await get(path);
      before.set(path, (await get(path)).headers.get('etag')!);
    }
    await seedFiles(stack.databaseUrl, [], { slug: 'third', notes: { fr: 'Troisième.', en: 'Third.' } });
    const published = Date.now();
    for (const path of paths) {
      // The API trusts its "latest" 5 s (another process published); the dashboard asks it every second and
      // then drops its page cache and its copy of the release list (10 s and 15 s before).
      await expect
        .poll(async () => new TextDecoder().decode((await get(path)).body).includes('third'), {
          timeout: 8_000,
          interval: 200,
        })
        .toBe(true);
      expect((await get(path)).headers.get('etag'), path).not.toBe(before.get(path));
    }
    expect(Date.now() - published).toBeLessThan(8_000);
  }, 60_000);
});
