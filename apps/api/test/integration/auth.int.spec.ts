import { describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { createUser } from '@observatoire/db';
import { useTestApp, useWorldIn } from './harness.js';
import { login, PASSWORD, sessionCookie } from './fixtures.js';

describe('accounts: login, sessions, tokens, CSRF, throttling', () => {
  // Small lock thresholds: each attempt costs a real scrypt (N=2^17) on a shared two-core machine.
  const t = useTestApp({ rateLimitLoginPerMinute: 0, loginAccountFailureLimit: 3, loginIpFailureLimit: 4 });
  const w = useWorldIn(t);

  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

  it('logs in with a new HttpOnly SameSite=Lax cookie each time, and says who is calling', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'A@Example.org', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    expect(raw).not.toMatch(/Secure/i); // not production
    const cookie = sessionCookie(res.headers['set-cookie']);
    expect(cookie).not.toBe(w.memberA.cookie);
    expect(cookie.split('=')[1]).toHaveLength(22); // 128 bits, base64url
    const who = await me({ cookie });
    expect(who.json()).toMatchObject({ via: 'session', role: 'member', association: { slug: 'asso-a' } });
    // Only the hash of the id is stored.
    const rows = await t.app.get(DataSource).query('SELECT id_hash FROM user_session');
    expect(rows.map((r: { id_hash: string }) => r.id_hash)).not.toContain(cookie.split('=')[1]);
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'b@example.org', password: 'not the password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.org', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().code).toBe('invalid_credentials');
  });

  it('logout ends the session at once', async () => {
    const cookie = await login(t.app, 'b@example.org');
    expect((await me({ cookie })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me({ cookie })).statusCode).toBe(401);
  });

  it('ends sessions after inactivity and at the absolute timeout', async () => {
    const ds = t.app.get(DataSource);
    const idle = await login(t.app, 'b@example.org');
    const bSessions = `user_id = (SELECT id FROM app_user WHERE email = 'b@example.org')`;
    await ds.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE ${bSessions}`);
    expect((await me({ cookie: idle })).statusCode).toBe(401);
    const old = await login(t.app, 'b@example.org');
    await ds.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE ${bSessions}`);
    expect((await me({ cookie: old })).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated state changes from another origin (CSRF)', async () => {
    const cookie = await login(t.app, 'b@example.org');
    const evil = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe('csrf_rejected');
    expect((await me({ cookie })).statusCode).toBe(200);
    const sameSiteNoOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(sameSiteNoOrigin.statusCode).toBe(403);
    const dashboard = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' },
    });
    expect(dashboard.statusCode).toBe(204);
  });

  it('accepts the dashboard proxy origin through X-Forwarded-Host from a trusted hop', async () => {
    const cookie = await login(t.app, 'b@example.org');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      remoteAddress: '127.0.0.1',
      headers: {
        cookie,
        origin: 'http://127.0.0.1:41234',
        'x-forwarded-host': '127.0.0.1:41234',
        'x-forwarded-proto': 'http',
      },
    });
    expect(res.statusCode).toBe(204);
  });

  it('authenticates API tokens, records their last use, and refuses revoked ones', async () => {
    const ok = await me({ authorization: `Bearer ${w.tokenA}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ via: 'token', role: 'member', association: { slug: 'asso-a' } });
    const ds = t.app.get(DataSource);
    const [tok] = await ds.query('SELECT id, last_used_at, token_hash FROM api_token');
    expect(tok.last_used_at).not.toBeNull();
    expect(tok.token_hash).not.toContain(w.tokenA);
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/tokens/${tok.id}/revoke`,
      headers: { cookie: w.admin.cookie },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await me({ authorization: `Bearer ${w.tokenA}` })).statusCode).toBe(401);
    expect((await me({ authorization: 'Bearer obs_forged' })).statusCode).toBe(401);
  });

  it('disabling a user ends their sessions at once', async () => {
    const ds = t.app.get(DataSource);
    const u = await createUser(
      ds,
      { email: 'c@example.org', password: PASSWORD, role: 'member', association: 'asso-b' },
      { type: 'system' },
    );
    const cookie = await login(t.app, 'c@example.org');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${u.id}/disable`,
      headers: { cookie: w.admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect((await me({ cookie })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'c@example.org', password: PASSWORD },
    });
    expect(again.statusCode).toBe(401);
  });

  it('locks an account after repeated failures, even with the right password then', async () => {
    const ds = t.app.get(DataSource);
    await createUser(
      ds,
      { email: 'd@example.org', password: PASSWORD, role: 'member', association: 'asso-b' },
      { type: 'system' },
    );
    const attempt = (password: string, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        payload: { email: 'd@example.org', password },
      });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong password', `10.0.0.${i + 1}`)).statusCode).toBe(401);
    const locked = await attempt(PASSWORD, '10.0.0.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('login_throttled');
    expect(locked.json().messages.fr).toMatch(/Trop de tentatives/);
  });

  it('throttles a client address trying many accounts', async () => {
    const ip = '10.9.9.9';
    const attempts = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: ip,
          payload: { email: `ghost${i}@example.org`, password: 'whatever1' },
        }),
      ),
    );
    expect(attempts.map((r) => r.statusCode)).toEqual(Array(4).fill(401));
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      payload: { email: 'a@example.org', password: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
  });

  it('logs in after the lock expires', async () => {
    const ds = t.app.get(DataSource);
    await ds.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second'`);
    expect(await login(t.app, 'd@example.org')).toMatch(/^observatoire_session=/);
  });
});
