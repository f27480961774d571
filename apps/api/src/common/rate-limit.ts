import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiProblemResponse } from '../openapi/zod-openapi.js';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { ApiConfig } from '../config/config.js';

declare module 'fastify' {
  interface FastifyInstance {
    observatoireConfig: ApiConfig;
  }
  interface FastifyContextConfig {
    /** A public read: it spends the client's one public budget (limitPublicReads). */
    publicRead?: boolean;
  }
}

const unlimited = 1_000_000_000;
export const perMinute = (n: number) => (n > 0 ? n : unlimited);

const RATE_WINDOW_MS = 60_000;

const TOO_MANY = 'Too many requests from this address: wait as Retry-After says';

/** Marks a route as a public read (see limitPublicReads). */
export const PublicRead = () => applyDecorators(RouteConfig({ publicRead: true }), ApiProblemResponse(429, TOO_MANY));

/**
 * Every public read of a client counts in one budget (RATE_LIMIT_PUBLIC a minute), whatever the route: one limiter
 * made with @fastify/rate-limit's `rateLimit()`, hence one store, added as an onRequest hook to each route marked
 * with PublicRead. To be called after the plugin is registered and before the routes are (app.init()).
 */
export function limitPublicReads(fastify: FastifyInstance, perMinuteLimit: number): void {
  const limit = fastify.rateLimit({ max: perMinute(perMinuteLimit), timeWindow: RATE_WINDOW_MS });
  fastify.addHook('onRoute', (route) => {
    if (!route.config?.publicRead) return;
    route.onRequest = [route.onRequest ?? []].flat().concat(limit as onRequestHookHandler);
  });
}

/** Login attempts, per client address, through the plugin's per-route configuration. */
export const LoginRateLimit = () =>
  applyDecorators(
    RouteConfig({
      rateLimit: {
        max: (req: FastifyRequest) => perMinute(req.server.observatoireConfig.rateLimitLoginPerMinute),
        timeWindow: RATE_WINDOW_MS,
      },
    }),
    ApiProblemResponse(429, `${TOO_MANY}, or the account or address is locked after failed logins`),
  );
