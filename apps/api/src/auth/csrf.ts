import type { FastifyRequest } from 'fastify';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated state changes (OWASP: verify origin with standard headers). Browsers send
 * Origin on every cross-origin request and on same-origin POST/PUT/PATCH/DELETE, and Sec-Fetch-Site on all
 * requests; a request carrying neither comes from a non-browser client, which a forged page cannot drive.
 */
export function csrfAllowed(req: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  if (SAFE.has(req.method)) return true;
  const origin = req.headers.origin;
  if (origin) {
    if (origin === 'null') return false;
    // req.host and req.protocol follow X-Forwarded-Host/-Proto only from a trusted proxy (TRUST_PROXY).
    const own = `${req.protocol}://${req.host}`;
    return origin === own || allowedOrigins.includes(origin);
  }
  const site = req.headers['sec-fetch-site'];
  if (site) return site === 'same-origin' || site === 'none';
  return true;
}
