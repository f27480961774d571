import { describe, expect, it } from 'vitest';
import { cacheControl, etagMatches, withEtag } from './http-cache.js';

describe('HTTP caching of public reads', () => {
  const payload = (text: string) => ({ body: Buffer.from(text), contentType: 'application/json' });

  it('gives different bytes, or the same bytes of another release, different ETags', () => {
    const a = withEtag(payload('1'), 'release-a').etag;
    expect(a).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(withEtag(payload('2'), 'release-a').etag).not.toBe(a);
    expect(withEtag(payload('1'), 'release-b').etag).not.toBe(a);
    expect(withEtag(payload('1'), 'release-a').etag).toBe(a);
  });

  it('lets caches keep a pinned URL for good and revalidate a current one', () => {
    expect(cacheControl('pinned')).toBe('public, max-age=31536000, immutable');
    expect(cacheControl('current')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=3600');
  });

  it('matches If-None-Match lists and the wildcard', () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('"b", "a"', '"a"')).toBe(true);
    expect(etagMatches('*', '"a"')).toBe(true);
    expect(etagMatches('"b"', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
  });
});
