import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './main.js';

describe('API start in production', () => {
  const keyBefore = process.env.OBSERVATOIRE_PSEUDONYM_KEY;
  afterEach(() => {
    if (keyBefore === undefined) delete process.env.OBSERVATOIRE_PSEUDONYM_KEY;
    else process.env.OBSERVATOIRE_PSEUDONYM_KEY = keyBefore;
  });

  it('refuses to start without a pseudonym key, in French and English, before touching the database', async () => {
    delete process.env.OBSERVATOIRE_PSEUDONYM_KEY;
    await expect(
      // An address nothing listens on: the refusal comes before any connection.
      createApp({ production: true, databaseUrl: 'postgres://127.0.0.1:1/none', skipMigrations: false }),
    ).rejects.toThrow(/OBSERVATOIRE_PSEUDONYM_KEY n’est pas défini.*OBSERVATOIRE_PSEUDONYM_KEY is not set/s);
  });
});
