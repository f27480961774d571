import type { FastifyRequest } from 'fastify';
import type { ApiConfig } from '../config/config.js';

declare module 'fastify' {
  interface FastifyInstance {
    observatoireConfig: ApiConfig;
  }
}

const unlimited = 1_000_000_000;
const perMinute = (n: number) => (n > 0 ? n : unlimited);

/** Route configs for @fastify/rate-limit; limits are read from the app's configuration when the request comes. */
export const publicRateLimit = {
  rateLimit: {
    max: (req: FastifyRequest) => perMinute(req.server.observatoireConfig.rateLimitPublicPerMinute),
    timeWindow: 60_000,
  },
};

export const loginRateLimit = {
  rateLimit: {
    max: (req: FastifyRequest) => perMinute(req.server.observatoireConfig.rateLimitLoginPerMinute),
    timeWindow: 60_000,
  },
};
