/**
 * Security regression suite, login (issue 12, finding 6): the lock holds against parallel attempts over real
 * HTTP, Retry-After is the time really left on it, and common passwords are refused when an account is created.
 */
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@observatoire/db';
import { throttleKeys } from '../../src/auth/login-throttle.service.js';
import { TEST_ORIGIN, useTestApp, useWorldIn } from './harness.js';
import { PASSWORD } from './fixtures.js';

const LOCK_SECONDS = 15 * 60;

interface Problem {
  code: string;
  messages: { fr: string; en: string };
}
const problem = async (r: Response) => (await r.json()) as Problem;

describe('login throttling and password policy', () => {
  // The documented defaults (5 per account, 20 per address); the per-minute rate limit is another layer.
  const t = useTestApp({ rateLimitLoginPerMinute: 0, loginAccountFailureLimit: 5, loginIpFailureLimit: 20 });
  const w = useWorldIn(t);
  let base: string;
  beforeAll(async () => {
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
  });

  const login = (email: string, password: string) =>
    fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('checks exactly 5 of 20 parallel wrong passwords, refuses the rest with the real time left', async () => {
    const ds = t.app.get(DataSource);
    const user = await createUser(
      ds,
      { email: 'race@example.org', password: PASSWORD, role: 'member', association: w.assocA.slug },
      { type: 'system' },
    );
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(user.email, `wrong password ${i}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    // Each checked password left one audit line: five checks, not eleven.
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed' AND target_id = $1`,
      [user.id],
    );
    expect(n).toBe(5);

    for (const r of answers.filter((a) => a.status === 429)) {
      const wait = Number(r.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(LOCK_SECONDS - 120);
      expect(wait).toBeLessThanOrEqual(LOCK_SECONDS);
      const body = await problem(r);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(body.code).toBe('login_throttled');
      expect(body.messages.fr).toMatch(/Réessayez dans 1[45] minutes/);
      expect(body.messages.en).toMatch(/Try again in 1[45] minutes/);
    }
    // The right password is refused too while the lock lasts.
    expect((await login(user.email, PASSWORD)).status).toBe(429);

    // Retry-After follows the lock as it really is, not a fixed figure.
    await ds.query(
      `UPDATE login_throttle SET locked_until = now() + interval '100 seconds' WHERE locked_until > now()`,
    );
    const later = await login(user.email, PASSWORD);
    expect(later.status).toBe(429);
    const wait = Number(later.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(90);
    expect(wait).toBeLessThanOrEqual(100);
    expect((await problem(later)).messages.fr).toMatch(/Réessayez dans 2 minutes/);

    // Once the lock is over the right password works, and clears the account's count.
    await ds.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second'`);
    expect((await login(user.email, PASSWORD)).status).toBe(200);
  });

  it('a success gives its attempt back: an office behind one address is not locked by its own logins', async () => {
    const ds = t.app.get(DataSource);
    const { ip } = throttleKeys('', '127.0.0.1');
    const count = async () =>
      ((await ds.query(`SELECT failures FROM login_throttle WHERE key = $1`, [ip]))[0]?.failures as number) ?? 0;
    const before = await count();
    expect((await login(w.memberB.email, PASSWORD)).status).toBe(200);
    expect((await login(w.memberB.email, PASSWORD)).status).toBe(200);
    expect(await count()).toBe(before);
    expect((await login(w.memberB.email, 'wrong password')).status).toBe(401);
    expect(await count()).toBe(before + 1);
  });

  it('refuses common and guessable passwords at account creation, in French and English', async () => {
    const create = (password: string, email = 'new@example.org') =>
      fetch(`${base}/api/v1/admin/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: w.admin.cookie, origin: TEST_ORIGIN },
        body: JSON.stringify({ email, password, role: 'member', association: w.assocA.slug }),
      });
    for (const password of [
      'password',
      '123456789012',
      'azerty123',
      'motdepasse',
      'Password1',
      'aaaaaaaaaaaa',
      'Observatoire2026!',
      'Example-2026',
    ]) {
      const res = await create(password);
      expect(res.status, password).toBe(400);
      const body = await problem(res);
      expect(body.code, password).toBe('password_common');
      expect(body.messages.fr).toMatch(/trop facile à deviner/);
      expect(body.messages.en).toMatch(/too easy to guess/);
    }
    // The length rule: 7 characters are refused, 8 are enough when they are not guessable.
    const short = await create('x7#kQ2p');
    expect(short.status).toBe(400);
    expect((await problem(short)).messages.fr).toMatch(/invalides|8 et 128/);
    expect((await create('x8#kQ2pz')).status).toBe(201);
    expect((await create('une phrase de quatre mots', 'other@example.org')).status).toBe(201);
  });
});
