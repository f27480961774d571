import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

const CSP = "default-src 'self'; script-src 'self' 'sha256-x'";

describe('security headers per route class', () => {
  it('pages refuse framing and keep SvelteKit’s policy; private pages are never stored', () => {
    for (const kind of ['page', 'private'] as const) {
      const h = securityHeaders(kind, { production: false, csp: CSP });
      expect(h.get('content-security-policy')).toBe(`${CSP}; frame-ancestors 'none'`);
      expect(h.get('x-frame-options')).toBe('DENY');
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(h.get('permissions-policy')).toContain('camera=()');
      expect(h.has('strict-transport-security')).toBe(false);
    }
    expect(securityHeaders('private', { production: false, csp: CSP }).get('cache-control')).toBe('no-store');
    expect(securityHeaders('page', { production: false, csp: CSP }).has('cache-control')).toBe(false);
    // A redirect has no policy of SvelteKit's: it still refuses framing.
    expect(securityHeaders('private', { production: false, csp: null }).get('content-security-policy')).toBe(
      "frame-ancestors 'none'",
    );
  });

  it('embeds may be framed by any site', () => {
    const h = securityHeaders('embed', { production: false, csp: CSP });
    expect(h.get('content-security-policy')).toBe(CSP);
    expect(h.has('x-frame-options')).toBe(false);
    expect(h.get('x-content-type-options')).toBe('nosniff');
  });

  it('downloads run nothing; the API proxy gets only the common set; HSTS in production', () => {
    const d = securityHeaders('download', { production: true, csp: null });
    expect(d.get('content-security-policy')).toMatch(/^default-src 'none';.*frame-ancestors 'none'$/);
    expect(d.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const api = securityHeaders('api', { production: false, csp: null });
    expect(api.has('content-security-policy')).toBe(false);
    expect(api.get('x-content-type-options')).toBe('nosniff');
  });
});
