/**
 * The platform as the public dashboard's end-to-end tests need it: the lead's startStack() (embedded
 * PostgreSQL, migrations, API and dashboard production builds on free ports), seeded with the fictional demo
 * exports loaded through the real ETL and published as a release.
 * E2E_DASHBOARD_URL + E2E_API_URL point the tests at an already running platform instead (e.g. `npm start`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '@observatoire/cli/dist/stack.js';
import { seedFiles } from '@observatoire/cli/dist/seed.js';
import { DEMO_SEED, generateDemoExports } from '@observatoire/cli/dist/demo/index.js';

export interface PublicStack {
  dashboardUrl: string;
  apiUrl: string;
  stop(): Promise<void>;
}

export async function startPublicStack(): Promise<PublicStack> {
  if (process.env.E2E_DASHBOARD_URL && process.env.E2E_API_URL) {
    return { dashboardUrl: process.env.E2E_DASHBOARD_URL, apiUrl: process.env.E2E_API_URL, stop: async () => {} };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-public-e2e-'));
  try {
    const stack = await startStack({
      dataDir,
      seed: async (databaseUrl) => {
        const exports = await generateDemoExports(path.join(dataDir, 'demo'), { seed: DEMO_SEED });
        await seedFiles(
          databaseUrl,
          exports.map((e) => ({ slug: e.associationSlug, name: e.associationName, file: e.file, isDemo: true })),
          { slug: 'e2e-demo', notes: { fr: 'Données fictives (tests).', en: 'Fictional data (tests).' } },
        );
      },
      env: { LOG_LEVEL: 'warn' },
    });
    return {
      dashboardUrl: stack.dashboardUrl,
      apiUrl: stack.apiUrl,
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
