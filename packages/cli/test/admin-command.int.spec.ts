import { describe, expect, it } from 'vitest';
import { builtCliOnTestDatabase } from './built-cli.js';

/** The admin account commands, run as the collective's admin would (built CLI, real PostgreSQL). */
describe('observatoire admin association/user/token commands', () => {
  const { cli: run, sql } = builtCliOnTestDatabase('cliadmin');
  const cli = (args: string[], input?: string) => run(['admin', ...args], input);

  it('creates and lists associations, and refuses a duplicate in French then English', async () => {
    expect((await cli(['association:create', '--slug', 'asso-cli', '--name', 'Asso CLI'])).code).toBe(0);
    const dup = await cli(['association:create', '--slug', 'asso-cli', '--name', 'Again']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/^Erreur : .*\nError: /);
    expect((await cli(['association:list'])).stdout).toContain('asso-cli');
  });

  it('creates a member with a password from stdin, and disables it', async () => {
    const created = await cli(
      ['user:create', 'member@example.org', '--association', 'asso-cli', '--password-stdin'],
      'a long password\n',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).not.toContain('a long password');
    const [u] = await sql(`SELECT id, password_hash FROM app_user`);
    expect(u.password_hash).toMatch(/^\$scrypt\$/);
    expect((await cli(['user:disable', 'member@example.org'])).code).toBe(0);
    const [d] = await sql(`SELECT disabled_at FROM app_user`);
    expect(d.disabled_at).not.toBeNull();
  });

  it('shows a token once, stores only its hash, and revokes it', async () => {
    const created = await cli(['token:create', 'asso-cli', '--label', 'nightly']);
    expect(created.code).toBe(0);
    const token = /(obs_[A-Za-z0-9_-]+)/.exec(created.stdout)?.[1];
    expect(token).toBeDefined();
    const [t] = await sql(`SELECT id, token_hash FROM api_token`);
    expect(t.token_hash).not.toContain(token);
    expect((await cli(['token:revoke', t.id])).code).toBe(0);
    const [r] = await sql(`SELECT revoked_at FROM api_token`);
    expect(r.revoked_at).not.toBeNull();
  });

  it('withdraws an association only with --yes, and records everything in the audit log', async () => {
    const unconfirmed = await cli(['association:withdraw', 'asso-cli']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/^Erreur : ajoutez --yes .*\nError: add --yes .*\n$/);
    const done = await cli(['association:withdraw', 'asso-cli', '--yes']);
    expect(done.code).toBe(0);
    const [a] = await sql(`SELECT withdrawn_at FROM association WHERE slug = 'asso-cli'`);
    expect(a.withdrawn_at).not.toBeNull();
    const actions = (await sql(`SELECT action, actor_type FROM audit_log ORDER BY id`)).map((r) => r.action);
    expect(actions).toEqual([
      'association.create',
      'user.create',
      'user.disable',
      'token.create',
      'token.revoke',
      'association.withdraw',
    ]);
  });
});
