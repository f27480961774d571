import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance } from 'fastify';

export const helmetOptions: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // Swagger UI at /api/docs needs its inline bootstrap script and styles.
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
    },
  },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  crossOriginResourcePolicy: { policy: 'same-site' },
};

/** Runs helmet once against a recording response and returns the headers it sets (they never vary here). */
export function computeSecurityHeaders(options: HelmetOptions = helmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as never, res as never, () => {});
  return headers;
}

/**
 * HSTS, CSP, nosniff, Referrer-Policy and the rest of helmet's set, on every answer. The headers are the same for
 * every request, so helmet runs once and its headers are copied (@fastify/helmet would run the middleware, and
 * parse the CSP again, on every request).
 */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  const headers = computeSecurityHeaders();
  fastify.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
