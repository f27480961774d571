import { afterEach, describe, expect, it, vi } from 'vitest';
import { PUBLIC_GROUP, RATE_WINDOW_MS, rateLimitStores } from './rate-limit.js';

/** The plugin's side: the store it builds from the class, and the child it makes for a public route. */
function plugin() {
  const stores = rateLimitStores();
  const root = new stores.Store({});
  const publicRoute = root.child({ groupId: PUBLIC_GROUP });
  const otherRoute = root.child({});
  const incr = (store: typeof publicRoute, key: string, max: number) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      (
        store.incr as (
          k: string,
          cb: (e: Error | null, r?: { current: number; ttl: number }) => void,
          w: number,
          m: number,
        ) => void
      )(key, (err, res) => (err ? reject(err) : resolve(res!)), RATE_WINDOW_MS, max),
    );
  return { stores, publicRoute, otherRoute, incr };
}

describe('rateLimitStores', () => {
  afterEach(() => vi.useRealTimers());

  it('counts the front and the public routes in one budget, and never counts what it refuses', async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    const { stores, publicRoute, otherRoute, incr } = plugin();
    expect(stores.takePublic('10.0.0.1', 3)).toBe(true);
    expect((await incr(publicRoute, `10.0.0.1${PUBLIC_GROUP}`, 3)).current).toBe(2);
    expect(stores.takePublic('10.0.0.1', 3)).toBe(true);
    // The fourth read would be over the limit: refused, not counted, so the route counts it and answers 429.
    expect(stores.takePublic('10.0.0.1', 3)).toBe(false);
    const routeCount = await incr(publicRoute, `10.0.0.1${PUBLIC_GROUP}`, 3);
    expect(routeCount.current).toBe(4);
    expect(routeCount.ttl).toBe(RATE_WINDOW_MS);
    // Another address, and a route outside the public group, have their own counts.
    expect(stores.takePublic('10.0.0.2', 3)).toBe(true);
    expect((await incr(otherRoute, `10.0.0.1${PUBLIC_GROUP}`, 3)).current).toBe(1);
    // A new window starts from one.
    vi.setSystemTime(1_000_000 + RATE_WINDOW_MS + 1);
    expect(stores.takePublic('10.0.0.1', 3)).toBe(true);
    expect((await incr(publicRoute, `10.0.0.1${PUBLIC_GROUP}`, 3)).current).toBe(2);
  });

  it('keeps the remaining time of the window as the plugin does', async () => {
    vi.useFakeTimers({ now: 5_000_000, toFake: ['Date'] });
    const { stores, publicRoute, incr } = plugin();
    expect(stores.takePublic('10.0.0.3', 10)).toBe(true);
    vi.setSystemTime(5_000_000 + 20_000);
    expect(stores.takePublic('10.0.0.3', 10)).toBe(true);
    vi.setSystemTime(5_000_000 + 30_000);
    const res = await incr(publicRoute, `10.0.0.3${PUBLIC_GROUP}`, 10);
    expect(res).toEqual({ current: 3, ttl: RATE_WINDOW_MS - 30_000, iterationStartMs: 5_000_000 });
  });

  it('answers nothing before the plugin has made the public store', () => {
    expect(rateLimitStores().takePublic('10.0.0.4', 3)).toBe(false);
  });
});
