import type { RouteClass } from './route-class.js';

/**
 * The security headers of the dashboard, per kind of answer. Pages get their Content-Security-Policy from
 * SvelteKit (`kit.csp` in svelte.config.js, hashes of its own inline scripts); this adds what differs per
 * route: only the embeds may be framed, by any site; everything else refuses framing (CSP frame-ancestors,
 * and X-Frame-Options for older browsers). Downloads get a policy of their own (an SVG opened directly runs no
 * script); the API proxy keeps the API's own set. README (Security) lists them.
 */
const COMMON: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};

/** A download (SVG, PNG, CSV, ZIP) is never a page: no script, no framing, nothing loaded from elsewhere. */
export const DOWNLOAD_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders(kind: RouteClass, opts: { production: boolean; csp: string | null }): Headers {
  const h = new Headers(COMMON);
  if (opts.production) h.set('strict-transport-security', HSTS);
  if (kind === 'api') return h;
  if (kind === 'download') {
    h.set('content-security-policy', DOWNLOAD_CSP);
    h.set('x-frame-options', 'DENY');
    return h;
  }
  if (kind === 'embed') {
    // Newsrooms embed these in their articles: no frame-ancestors, no X-Frame-Options.
    if (opts.csp) h.set('content-security-policy', opts.csp);
    return h;
  }
  // SvelteKit's policy for pages; an answer that has none (a redirect) still refuses framing.
  h.set('content-security-policy', `${opts.csp ? `${opts.csp}; ` : ''}frame-ancestors 'none'`);
  h.set('x-frame-options', 'DENY');
  if (kind === 'private') h.set('cache-control', 'no-store');
  return h;
}
