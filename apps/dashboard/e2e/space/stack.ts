/**
 * The platform as the space's end-to-end tests need it: the lead's startStack() (embedded PostgreSQL, migrations,
 * API and dashboard from their production builds on free ports), seeded with two associations, one member
 * account each and an admin account, created with the same account helpers as the command line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAssociation, createDataSource, createUser, freePort } from '@observatoire/db';
import { startStack, type Stack } from '@observatoire/cli/dist/stack.js';

export const PASSWORD = 'correct-horse-battery-staple';

export const accounts = {
  a: { email: 'membre@aurore.example', slug: 'aurore-paris', name: 'Aurore Paris' },
  b: { email: 'membre@harbour.example', slug: 'safe-harbour-nice', name: 'Safe Harbour Nice' },
  admin: { email: 'admin@collectif.example' },
};

export interface SpaceStack extends Stack {
  dataDir: string;
}

async function seed(databaseUrl: string): Promise<void> {
  const ds = await createDataSource(databaseUrl).initialize();
  try {
    const actor = { type: 'cli' as const };
    for (const who of [accounts.a, accounts.b]) {
      await createAssociation(ds, { slug: who.slug, name: who.name }, actor);
      await createUser(ds, { email: who.email, password: PASSWORD, role: 'member', association: who.slug }, actor);
    }
    await createUser(ds, { email: accounts.admin.email, password: PASSWORD, role: 'admin' }, actor);
  } finally {
    await ds.destroy();
  }
}

export async function startSpaceStack(): Promise<SpaceStack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-space-e2e-'));
  const dashboardPort = await freePort();
  const dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
  try {
    const stack = await startStack({
      dataDir,
      dashboardPort,
      seed,
      // E2E_VERBOSE=1 shows the API's and the dashboard's own output while the tests run.
      inheritOutput: process.env.E2E_VERBOSE === '1',
      env: {
        // The API accepts cookie-authenticated writes only from origins it knows: the dashboard's.
        ALLOWED_ORIGINS: dashboardUrl,
        // The dashboard streams uploads to the API, which applies the real 50 MB limit and answers 413 itself.
        BODY_SIZE_LIMIT: 'Infinity',
        // Every request of the test comes from 127.0.0.1: keep login throttling out of the journey's way.
        RATE_LIMIT_LOGIN: '1000',
        LOG_LEVEL: 'warn',
      },
    });
    return {
      ...stack,
      dataDir,
      stop: async () => {
        await stack.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}
