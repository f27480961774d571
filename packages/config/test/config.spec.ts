import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, config, configSchema, configurationDocs, readConfig } from '../src/index.js';
// @ts-expect-error: a plain ES module of the package's scripts, without types.
import { README, readmeWithTable } from '../scripts/readme-table.mjs';

const refusal = (env: Record<string, string>) => {
  try {
    readConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('configuration', () => {
  it('gives every default when nothing is set (an empty variable is an unset one)', () => {
    const c = readConfig({ RATE_LIMIT_PUBLIC: '', HOST: '  ' });
    expect(c).toMatchObject({
      API_PORT: 3001,
      DB_SKIP_MIGRATIONS: false,
      IMPORT_WORKER: true,
      TRUST_PROXY: 'loopback',
      ALLOWED_ORIGINS: ['http://127.0.0.1:3000', 'http://localhost:3000'],
      UPLOAD_MAX_BYTES: 50 * 1024 * 1024,
      PREVIEW_MAX_AGE_HOURS: 24,
      REJECTED_ROWS_DAYS: 30,
      RATE_LIMIT_PUBLIC: 600,
      RATE_LIMIT_ALLOW: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
      LOG_LEVEL: 'info',
      OBSERVATOIRE_IMPORT_MAX_FILE_MB: 50,
      OBSERVATOIRE_FONT_DIR: '/usr/share/fonts/truetype/dejavu',
    });
    expect(c.PORT).toBeUndefined();
    expect(c.HOST).toBeUndefined();
  });

  it('reads the values given, typed', () => {
    const c = readConfig({
      PORT: ' 8080 ',
      DB_SKIP_MIGRATIONS: '1',
      IMPORT_WORKER: 'false',
      TRUST_PROXY: '10.0.0.0/8, 172.31.240.10',
      RATE_LIMIT_ALLOW: '',
      RATE_LIMIT_PUBLIC: '0',
      OBSERVATOIRE_IMPORT_MAX_FILE_MB: '0.5',
    });
    expect(c).toMatchObject({
      PORT: 8080,
      DB_SKIP_MIGRATIONS: true,
      IMPORT_WORKER: false,
      TRUST_PROXY: '10.0.0.0/8, 172.31.240.10',
      RATE_LIMIT_ALLOW: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
      RATE_LIMIT_PUBLIC: 0,
      OBSERVATOIRE_IMPORT_MAX_FILE_MB: 0.5,
    });
    expect(readConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
  });

  it('refuses what is not a whole number where one is expected, naming the variable, in French and English', () => {
    expect(refusal({ SESSION_IDLE_MINUTES: '1.5' })).toMatch(
      /SESSION_IDLE_MINUTES=1\.5 : un nombre entier est attendu \/ SESSION_IDLE_MINUTES=1\.5: a whole number is expected/,
    );
    expect(refusal({ PORT: 'abc' })).toMatch(/PORT=abc : un nombre est attendu/);
    expect(refusal({ RATE_LIMIT_LOGIN: '-1' })).toMatch(/RATE_LIMIT_LOGIN=-1 : au minimum 0/);
    expect(refusal({ PREVIEW_MAX_AGE_HOURS: '0' })).toMatch(/PREVIEW_MAX_AGE_HOURS=0/);
    expect(refusal({ PORT: '70000' })).toMatch(/PORT=70000 : au maximum 65535/);
  });

  it('refuses a hop count as TRUST_PROXY, a short pseudonym key, an unknown log level, a bad flag', () => {
    expect(refusal({ TRUST_PROXY: '2' })).toMatch(/TRUST_PROXY=2 : un nombre de relais n’est pas accepté/);
    const key = refusal({ OBSERVATOIRE_PSEUDONYM_KEY: 'secret-but-short' });
    expect(key).toMatch(/OBSERVATOIRE_PSEUDONYM_KEY \(masqué \/ hidden\) : au minimum 32 caractères/);
    // A secret is never repeated in the message.
    expect(key).not.toContain('secret-but-short');
    expect(refusal({ DATABASE_URL: 'postgres://u:pw@h/db', PORT: 'x' })).not.toContain('pw@');
    expect(refusal({ LOG_LEVEL: 'loud' })).toMatch(/LOG_LEVEL=loud : valeurs acceptées : fatal, error/);
    expect(refusal({ IMPORT_WORKER: 'yes' })).toMatch(/IMPORT_WORKER=yes/);
  });

  it('lists every wrong variable at once', () => {
    const message = refusal({ PORT: '1.5', LOG_LEVEL: 'loud' });
    expect(message).toContain('PORT=1.5');
    expect(message).toContain('LOG_LEVEL=loud');
  });

  describe('config()', () => {
    const before = process.env.RATE_LIMIT_LOGIN;
    afterEach(() => {
      if (before === undefined) delete process.env.RATE_LIMIT_LOGIN;
      else process.env.RATE_LIMIT_LOGIN = before;
    });

    it('reads the process environment once, and again when a variable changes', () => {
      process.env.RATE_LIMIT_LOGIN = '7';
      const first = config();
      expect(first.RATE_LIMIT_LOGIN).toBe(7);
      expect(config()).toBe(first);
      process.env.RATE_LIMIT_LOGIN = '8';
      expect(config().RATE_LIMIT_LOGIN).toBe(8);
    });
  });

  it('documents every variable with a default and a meaning', () => {
    const docs = configurationDocs();
    expect(docs.map((d) => d.variable)).toEqual(Object.keys(configSchema.shape));
    for (const d of docs) {
      expect(d.default, d.variable).toBeTruthy();
      expect(d.meaning, d.variable).toBeTruthy();
    }
  });

  it('is what the README’s configuration table says (regenerate: npm run docs -w @observatoire/config)', async () => {
    expect(await readFile(README as string, 'utf8')).toBe(await (readmeWithTable as () => Promise<string>)());
  });
});
