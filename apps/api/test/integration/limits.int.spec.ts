import { beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { createAssociation, createUser } from '@observatoire/db';
import { useTestApp } from './harness.js';
import { PASSWORD } from './fixtures.js';

describe('production settings: rate limits and the __Host- session cookie', () => {
  const t = useTestApp({ production: true, rateLimitPublicPerMinute: 3, rateLimitLoginPerMinute: 2 });
  beforeAll(async () => {
    const ds = t.app.get(DataSource);
    await createAssociation(ds, { slug: 'asso-p', name: 'P' }, { type: 'system' });
    await createUser(
      ds,
      { email: 'p@example.org', password: PASSWORD, role: 'member', association: 'asso-p' },
      { type: 'system' },
    );
  });

  it('limits public reads per client address with a 429 problem and Retry-After', async () => {
    const hit = () => t.app.inject({ method: 'GET', url: '/api/v1/releases', remoteAddress: '10.2.2.2' });
    for (let i = 0; i < 3; i++) expect((await hit()).statusCode).toBe(200);
    const limited = await hit();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json().messages.fr).toMatch(/Trop de requêtes/);
    // Another address is not affected.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/releases', remoteAddress: '10.2.2.3' })).statusCode).toBe(
      200,
    );
  });

  it('never limits loopback, where the dashboard server reads the statistics for all its visitors', async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/releases', remoteAddress: '127.0.0.1' })).statusCode,
      ).toBe(200);
    }
  });

  it('limits login attempts per client address before any password is checked', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.3.3.3',
        payload: { email: 'nobody@example.org', password: 'x' },
      });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(429);
  });

  it('sets a Secure, HttpOnly, SameSite=Lax cookie with the __Host- prefix and no Domain', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.4.4.4',
      payload: { email: 'p@example.org', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-observatoire_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: cookie.split(';')[0] },
    });
    expect(me.statusCode).toBe(200);
  });
});
