import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { ApiConfig } from '../config/config.js';

declare module 'fastify' {
  interface FastifyInstance {
    observatoireConfig: ApiConfig;
  }
}

const unlimited = 1_000_000_000;
export const perMinute = (n: number) => (n > 0 ? n : unlimited);

/** Every public read counts in one budget per client address (RATE_LIMIT_PUBLIC a minute), whatever the route. */
export const PUBLIC_GROUP = 'public';
export const RATE_WINDOW_MS = 60_000;

/** Route configs for @fastify/rate-limit; limits are read from the app's configuration when the request comes. */
export const publicRateLimit = {
  rateLimit: {
    max: (req: FastifyRequest) => perMinute(req.server.observatoireConfig.rateLimitPublicPerMinute),
    timeWindow: RATE_WINDOW_MS,
    groupId: PUBLIC_GROUP,
  },
};

export const loginRateLimit = {
  rateLimit: {
    max: (req: FastifyRequest) => perMinute(req.server.observatoireConfig.rateLimitLoginPerMinute),
    timeWindow: 60_000,
  },
};

interface StoreParams {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  cache?: number;
  groupId?: string;
}

/**
 * The stores of @fastify/rate-limit (its own in-memory LocalStore), with the one of the public group kept where
 * the front of the HTTP server (releases/public-front.ts) counts in it too: a read answered there and a read
 * answered through Fastify spend the same budget. `Store` is the class the plugin's `store` option takes.
 */
export function rateLimitStores() {
  let publicStore: LocalStore | undefined;
  const make = (p: StoreParams) => new LocalStore(p.continueExceeding, p.exponentialBackoff, p.cache);
  class Store {
    readonly base: LocalStore;
    constructor(params: StoreParams) {
      this.base = make(params);
    }
    // The plugin passes the window and the limit too (its typings omit them).
    incr(
      key: string,
      cb: (err: Error | null, res?: { current: number; ttl: number }) => void,
      timeWindow?: number,
      max?: number,
    ): void {
      this.base.incr(key, cb, timeWindow ?? RATE_WINDOW_MS, max ?? Number.MAX_SAFE_INTEGER);
    }
    // The plugin passes the route's merged rate-limit parameters (its typings say the route's options).
    child(routeParams: object): FastifyRateLimitStore {
      const params = routeParams as StoreParams;
      const store = params.groupId === PUBLIC_GROUP ? (publicStore ??= make(params)) : make(params);
      return store as unknown as FastifyRateLimitStore;
    }
  }
  return {
    Store,
    /**
     * Counts one public read of this client, as the plugin would, unless it would go over the limit: then
     * nothing is counted and false is returned, so that the plugin counts it and answers its 429.
     */
    takePublic(clientKey: string, max: number): boolean {
      if (!publicStore) return false;
      const key = clientKey + PUBLIC_GROUP;
      const entry = publicStore.lru.get(key);
      const now = Date.now();
      if (entry === undefined || entry.iterationStartMs + RATE_WINDOW_MS <= now) {
        publicStore.incr(key, () => {}, RATE_WINDOW_MS, max);
        return true;
      }
      if (entry.current + 1 > max) return false;
      // What LocalStore.incr does to a live entry under its limit (the get above already made it most recent).
      entry.current++;
      entry.ttl = RATE_WINDOW_MS - (now - entry.iterationStartMs);
      return true;
    },
  };
}
