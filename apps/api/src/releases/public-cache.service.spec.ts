import { describe, expect, it, vi } from 'vitest';
import { withEtag } from '../common/http-cache.js';
import { LATEST_TTL_MS, PublicCacheService } from './public-cache.service.js';

describe('PublicCacheService', () => {
  it('builds a payload once per key, even under concurrent requests', async () => {
    const cache = new PublicCacheService();
    let builds = 0;
    const build = async () => {
      builds++;
      return { body: Buffer.from('{"a":1}'), contentType: 'application/json' };
    };
    const [a, b] = await Promise.all([cache.payload('k', build, 'r1'), cache.payload('k', build, 'r1')]);
    expect(builds).toBe(1);
    expect(a).toBe(b);
    expect(a.etag).toBe(withEtag({ body: Buffer.from('{"a":1}'), contentType: 'x' }, 'r1').etag);
  });

  it('forgets a failed build so that the next request tries again', async () => {
    const cache = new PublicCacheService();
    await expect(cache.payload('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    const ok = await cache.payload('k', async () => ({ body: Buffer.from('x'), contentType: 'text/plain' }));
    expect(ok.body.toString()).toBe('x');
    await expect(cache.short('s', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.short('s', async () => 'back')).toBe('back');
  });

  it('keeps at most 2000 payloads, dropping the least recently read', async () => {
    const cache = new PublicCacheService();
    const build = (text: string) => async () => ({ body: Buffer.from(text), contentType: 'text/plain' });
    await cache.payload('first', build('first'));
    for (let i = 0; i < 2000; i++) await cache.payload(`k${i}`, build(String(i)));
    const again = vi.fn(build('rebuilt'));
    expect((await cache.payload('first', again)).body.toString()).toBe('rebuilt');
    expect(again).toHaveBeenCalledOnce();
  });

  it('re-reads volatile values after invalidation, and once LATEST_TTL_MS has passed', async () => {
    const cache = new PublicCacheService();
    let n = 0;
    expect(await cache.short('latest', async () => ++n)).toBe(1);
    expect(await cache.short('latest', async () => ++n)).toBe(1);
    cache.invalidateVolatile();
    expect(await cache.short('latest', async () => ++n)).toBe(2);
    // Another instance may have published: past the TTL, "latest" is asked again.
    await new Promise((r) => setTimeout(r, LATEST_TTL_MS + 50));
    expect(await cache.short('latest', async () => ++n)).toBe(3);
  });
});
