import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPseudonymKey } from './pseudonym.js';

describe('loadPseudonymKey', () => {
  let dir: string;
  const dataDirBefore = process.env.OBSERVATOIRE_DATA_DIR;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obs-key-'));
    process.env.OBSERVATOIRE_DATA_DIR = dir;
  });
  afterEach(async () => {
    if (dataDirBefore === undefined) delete process.env.OBSERVATOIRE_DATA_DIR;
    else process.env.OBSERVATOIRE_DATA_DIR = dataDirBefore;
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a configured hex key as bytes', async () => {
    const key = await loadPseudonymKey({ OBSERVATOIRE_PSEUDONYM_KEY: 'ab'.repeat(32), NODE_ENV: 'production' });
    expect(key).toEqual(Buffer.alloc(32, 0xab));
  });

  it('refuses a short key in French and English, without repeating it', async () => {
    const refusal = loadPseudonymKey({ OBSERVATOIRE_PSEUDONYM_KEY: 'short-secret' });
    await expect(refusal).rejects.toThrow(
      /au minimum 32 caractères \/ OBSERVATOIRE_PSEUDONYM_KEY \(masqué \/ hidden\): at least 32/,
    );
    await expect(refusal).rejects.not.toThrow(/short-secret/);
  });

  it('generates a local key once for local runs, kept with mode 600', async () => {
    const first = await loadPseudonymKey({});
    expect(first).toHaveLength(32);
    expect(await loadPseudonymKey({})).toEqual(first);
    expect((await stat(path.join(dir, 'pseudonym.key'))).mode & 0o777).toBe(0o600);
  });

  it('never generates one in production: it refuses, says what to do, and writes nothing', async () => {
    await expect(loadPseudonymKey({ NODE_ENV: 'production' })).rejects.toThrow(
      /n’est jamais générée.*openssl rand -hex 32.*\/ OBSERVATOIRE_PSEUDONYM_KEY is not set: in production/s,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
