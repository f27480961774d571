import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing/database.js';
import { createDataSource } from '../src/data-source.js';
import {
  AccountError,
  createApiToken,
  createAssociation,
  createUser,
  hashPassword,
  newPasswordRefusal,
  passwordPolicyError,
  revokeApiToken,
  sha256Hex,
  verifyPassword,
  withdrawAssociation,
} from '../src/accounts/index.js';

describe('account primitives (shared by the API and the command line)', () => {
  let db: TestDatabase;
  let ds: ReturnType<typeof createDataSource>;
  const cli = { type: 'cli' as const };
  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'));
    ds = await createDataSource(db.url).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('hashes passwords with scrypt at the OWASP minimum and verifies them', async () => {
    const hash = await hashPassword('motdepasse-été');
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(await verifyPassword('motdepasse-été', hash)).toBe(true);
    expect(await verifyPassword('motdepasse-ete', hash)).toBe(false);
    expect(await hashPassword('motdepasse-été')).not.toBe(hash); // salted
  });

  it('accepts 8 to 128 characters', () => {
    expect(passwordPolicyError('1234567')).not.toBeNull();
    expect(passwordPolicyError('12345678')).toBeNull();
    expect(passwordPolicyError('x'.repeat(128))).toBeNull();
    expect(passwordPolicyError('x'.repeat(129))).not.toBeNull();
  });

  it('refuses a new password that is common, repetitive or made of the service’s or the account’s words', async () => {
    const email = 'marie.dupont@aurore.example';
    for (const p of ['password', '123456789012', 'azerty123', 'Motdepasse1', 'abababab', 'Collectif!', 'Aurore2026']) {
      expect(await newPasswordRefusal(p, email), p).toBe('password_common');
    }
    expect(await newPasswordRefusal('x7#kQ2p', email)).toBe('password_policy');
    for (const p of ['long enough', 'une phrase de quatre mots', 'x8#kQ2pz', 'x'.repeat(7) + 'yz!1']) {
      expect(await newPasswordRefusal(p, email), p).toBeNull();
    }
    const refused = createUser(ds, { email: 'p@example.org', password: 'password', role: 'admin' }, cli);
    await expect(refused).rejects.toMatchObject({ code: 'password_common', fr: expect.stringMatching(/deviner/) });
  });

  it('refuses duplicates and members without an association, in French and English', async () => {
    await createAssociation(ds, { slug: 'asso-x', name: 'X' }, cli);
    await expect(createAssociation(ds, { slug: 'asso-x', name: 'X again' }, cli)).rejects.toMatchObject({
      code: 'slug_taken',
    });
    await expect(
      createUser(ds, { email: 'm@example.org', password: 'long enough', role: 'member' }, cli),
    ).rejects.toBeInstanceOf(AccountError);
    await createUser(
      ds,
      { email: 'm@example.org', password: 'long enough', role: 'member', association: 'asso-x' },
      cli,
    );
    const dup = createUser(
      ds,
      { email: 'M@EXAMPLE.org', password: 'long enough', role: 'member', association: 'asso-x' },
      cli,
    );
    await expect(dup).rejects.toMatchObject({ code: 'email_taken', fr: expect.stringContaining('existe déjà') });
  });

  it('stores tokens hashed, and revocation is recorded in the audit log', async () => {
    const { token, entity } = await createApiToken(ds, { association: 'asso-x', label: 'script' }, cli);
    expect(entity.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(await ds.query('SELECT * FROM api_token'))).not.toContain(token);
    await revokeApiToken(ds, entity.id, cli);
    const actions = (await ds.query('SELECT action FROM audit_log ORDER BY id')).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(['association.create', 'user.create', 'token.create', 'token.revoke']);
  });

  it('withdraws an association: disabled users, revoked tokens, flagged as withdrawn, uploads and their files gone', async () => {
    await createApiToken(ds, { association: 'asso-x', label: 'other' }, cli);
    // Three uploads, one of them a preview still holding its raw file.
    const [{ id: assoc }] = await ds.query(`SELECT id FROM association WHERE slug = 'asso-x'`);
    const kept = path.join(await mkdtemp(path.join(os.tmpdir(), 'withdraw-')), 'upload.csv');
    await writeFile(kept, 'raw export');
    for (const [hash, file] of [
      ['h1', null],
      ['h2', null],
      ['h3', kept],
    ]) {
      await ds.query(
        `INSERT INTO import_batch (association_id, content_hash, status, dry_run, stored_file)
         VALUES ($1, $2, 'validated', true, $3)`,
        [assoc, hash, file],
      );
    }
    const r = await withdrawAssociation(ds, 'asso-x', cli);
    expect(r.association.withdrawnAt).toBeInstanceOf(Date);
    expect(r.importsDeleted).toBe(3);
    expect(existsSync(kept)).toBe(false);
    const [u] = await ds.query(`SELECT disabled_at FROM app_user WHERE email = 'm@example.org'`);
    expect(u.disabled_at).not.toBeNull();
    const live = await ds.query(`SELECT 1 FROM api_token WHERE revoked_at IS NULL`);
    expect(live).toHaveLength(0);
    await expect(createApiToken(ds, { association: 'asso-x', label: 'after' }, cli)).rejects.toMatchObject({
      code: 'association_withdrawn',
    });
  });
});
