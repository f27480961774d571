import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { withEtag, type CachedPayload } from '../common/http-cache.js';

/** How long "latest" is trusted before asking PostgreSQL again (another instance may have published). */
export const LATEST_TTL_MS = 5000;

/**
 * Releases never change, so what is computed from one (a statistics payload as bytes with its ETag, a slug
 * resolved to an id) is kept in memory, bounded by count: nothing is recomputed or re-serialised per request.
 * What changes with a new release ("latest", the list) is kept a few seconds. Concurrent requests for the same key
 * share one computation; a failed one is forgotten, so the next request tries again.
 */
@Injectable()
export class PublicCacheService {
  private readonly fixed = new LRUCache<string, Promise<unknown>>({ max: 2000 });
  private readonly volatile = new LRUCache<string, Promise<unknown>>({ max: 100, ttl: LATEST_TTL_MS });

  /** A payload computed from a release (`version`, its id, goes into the ETag). */
  payload(key: string, build: () => Promise<Omit<CachedPayload, 'etag'>>, version = ''): Promise<CachedPayload> {
    return this.remember(this.fixed, key, async () => withEtag(await build(), version));
  }

  /** A value that never changes once known (a release slug's id). */
  fixedValue<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.remember(this.fixed, key, load);
  }

  /** A value that may change (latest release id, release list), kept for LATEST_TTL_MS. */
  short<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.remember(this.volatile, key, load);
  }

  /** After a publication in this process: "latest" and the list change now, not in five seconds. */
  invalidateVolatile(): void {
    this.volatile.clear();
  }

  private remember<T>(cache: LRUCache<string, Promise<unknown>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit) return hit as Promise<T>;
    const value = load();
    cache.set(key, value);
    value.catch(() => {
      if (cache.peek(key) === value) cache.delete(key);
    });
    return value;
  }
}
