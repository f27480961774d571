import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheKey, lookup, store } from './page-cache.js';
import { CHECK_INTERVAL_MS, checkLatestRelease, resetReleaseWatch } from './release-watch.js';
import { clearApiCache } from '$lib/api/client.js';

// The API client's module loads the schema's country tables; its cache is all this test needs from it.
vi.mock('$lib/api/client.js', () => ({ clearApiCache: vi.fn() }));
vi.mock('$lib/api/config.server.js', () => ({ apiBaseUrl: () => 'http://api.test' }));

const url = new URL('https://obs.example/recruitment-channels');
const request = () => new Request(url);
const latest = (id: string) =>
  vi.fn(async () => new Response(JSON.stringify({ id }), { headers: { 'content-type': 'application/json' } }));

describe('a new release empties the page cache at once', () => {
  beforeEach(() => resetReleaseWatch());

  it('keeps cached pages while the latest release stays the same, drops them when it changes', async () => {
    const first = latest('release-1');
    await checkLatestRelease(first as unknown as typeof fetch, 0);
    await store(url, new Response('page of release 1', { status: 200 }));
    expect(lookup(request(), url)).not.toBeNull();

    // Within a second, no new question to the API.
    await checkLatestRelease(first as unknown as typeof fetch, 10);
    expect(first).toHaveBeenCalledTimes(1);

    // Same release a second later: the page stays.
    await checkLatestRelease(first as unknown as typeof fetch, Date.now() + CHECK_INTERVAL_MS);
    expect(lookup(request(), url)).not.toBeNull();

    // A new release: the next request finds nothing cached.
    const second = latest('release-2');
    await checkLatestRelease(second as unknown as typeof fetch, Date.now() + 2 * CHECK_INTERVAL_MS);
    expect(second).toHaveBeenCalledTimes(1);
    expect(lookup(request(), url)).toBeNull();
    expect(clearApiCache).toHaveBeenCalledTimes(1);
    expect(cacheKey(url)).toBe('/recruitment-channels');
  });

  it('asks the API once for concurrent requests, and keeps the caches when the API cannot answer', async () => {
    const slow = vi.fn(
      () => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response('{"id":"r1"}')), 20)),
    );
    await Promise.all([1, 2, 3].map(() => checkLatestRelease(slow as unknown as typeof fetch, 0)));
    expect(slow).toHaveBeenCalledTimes(1);
    await store(url, new Response('page', { status: 200 }));
    const down = vi.fn(async () => {
      throw new Error('ECONNREFUSED');
    });
    await checkLatestRelease(down as unknown as typeof fetch, Date.now() + CHECK_INTERVAL_MS);
    expect(lookup(request(), url)).not.toBeNull();
  });
});
