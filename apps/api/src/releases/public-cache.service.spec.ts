import { describe, expect, it, vi } from 'vitest';
import { LATEST_TTL_MS, PublicCacheService, withEtag } from './public-cache.service.js';

describe('PublicCacheService', () => {
  it('builds a payload once per key, even under concurrent requests', async () => {
    const cache = new PublicCacheService();
    let builds = 0;
    const build = async () => {
      builds++;
      return { body: Buffer.from('{"a":1}'), contentType: 'application/json' };
    };
    const [a, b] = await Promise.all([cache.get('k', build), cache.get('k', build)]);
    expect(builds).toBe(1);
    expect(a).toBe(b);
    expect(a.etag).toBe(withEtag({ body: Buffer.from('{"a":1}'), contentType: 'x' }).etag);
  });

  it('forgets a failed build so that the next request tries again', async () => {
    const cache = new PublicCacheService();
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    const ok = await cache.get('k', async () => ({ body: Buffer.from('x'), contentType: 'text/plain' }));
    expect(ok.body.toString()).toBe('x');
  });

  it('gives different bytes different ETags', () => {
    const e1 = withEtag({ body: Buffer.from('1'), contentType: 'x' }).etag;
    const e2 = withEtag({ body: Buffer.from('2'), contentType: 'x' }).etag;
    expect(e1).not.toBe(e2);
  });

  it('re-reads volatile values after invalidation', async () => {
    const cache = new PublicCacheService();
    let n = 0;
    expect(await cache.short('latest', async () => ++n)).toBe(1);
    expect(await cache.short('latest', async () => ++n)).toBe(1);
    cache.invalidateVolatile();
    expect(await cache.short('latest', async () => ++n)).toBe(2);
  });
});

describe('PublicCacheService without waiting (the public fast path)', () => {
  it('peeks a payload only once it is built, and never builds', async () => {
    const cache = new PublicCacheService();
    expect(cache.peek('k')).toBeUndefined();
    let release!: () => void;
    const pending = cache.get(
      'k',
      () => new Promise((r) => (release = () => r({ body: Buffer.from('b'), contentType: 'x' }))),
    );
    expect(cache.peek('k')).toBeUndefined();
    release();
    const built = await pending;
    expect(cache.peek('k')).toBe(built);
  });

  it('peeks a short-lived value while it is fresh, not before it is loaded nor after invalidation or expiry', async () => {
    vi.useFakeTimers();
    try {
      const cache = new PublicCacheService();
      expect(cache.peekShort('latest')).toBeUndefined();
      await cache.short('latest', async () => 'id-1');
      expect(cache.peekShort('latest')).toBe('id-1');
      vi.advanceTimersByTime(LATEST_TTL_MS);
      expect(cache.peekShort('latest')).toBeUndefined();
      await cache.short('latest', async () => 'id-2');
      expect(cache.peekShort('latest')).toBe('id-2');
      cache.invalidateVolatile();
      expect(cache.peekShort('latest')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('peeks nothing for a failed load', async () => {
    const cache = new PublicCacheService();
    await expect(cache.short('latest', () => Promise.reject(new Error('db down')))).rejects.toThrow();
    expect(cache.peekShort('latest')).toBeUndefined();
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow();
    expect(cache.peek('k')).toBeUndefined();
  });
});
