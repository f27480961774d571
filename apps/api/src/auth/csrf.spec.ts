import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { csrfAllowed } from './csrf.js';

const req = (method: string, headers: Record<string, string>, host = 'api.example.org', protocol = 'https') =>
  ({ method, headers, host, protocol }) as unknown as FastifyRequest;
const allowed = ['https://observatoire.example.org'];

describe('csrfAllowed', () => {
  it('lets safe methods through whatever their origin', () => {
    expect(csrfAllowed(req('GET', { origin: 'https://evil.example' }), allowed)).toBe(true);
  });

  it('accepts the API’s own origin and the configured dashboard origins', () => {
    expect(csrfAllowed(req('POST', { origin: 'https://api.example.org' }), allowed)).toBe(true);
    expect(csrfAllowed(req('POST', { origin: 'https://observatoire.example.org' }), allowed)).toBe(true);
  });

  it('refuses other origins, the opaque "null" origin, and a scheme downgrade', () => {
    expect(csrfAllowed(req('POST', { origin: 'https://evil.example' }), allowed)).toBe(false);
    expect(csrfAllowed(req('DELETE', { origin: 'null' }), allowed)).toBe(false);
    expect(csrfAllowed(req('POST', { origin: 'http://api.example.org' }), allowed)).toBe(false);
  });

  it('falls back to Sec-Fetch-Site when the browser sent no Origin', () => {
    expect(csrfAllowed(req('POST', { 'sec-fetch-site': 'same-origin' }), allowed)).toBe(true);
    expect(csrfAllowed(req('POST', { 'sec-fetch-site': 'cross-site' }), allowed)).toBe(false);
    expect(csrfAllowed(req('POST', { 'sec-fetch-site': 'same-site' }), allowed)).toBe(false);
  });

  it('accepts non-browser clients, which send neither header and cannot be driven by a forged page', () => {
    expect(csrfAllowed(req('POST', {}), allowed)).toBe(true);
  });
});
