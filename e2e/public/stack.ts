/**
 * The platform as the public pages' end-to-end tests need it: the lead's startStack() (embedded PostgreSQL,
 * migrations, API and dashboard production builds on free ports) in a throwaway data folder, seeded before the
 * API starts: by default with the fictional demo exports loaded through the real ETL and published as a release.
 * E2E_DASHBOARD_URL + E2E_API_URL point startPublicStack() at an already running platform instead (`npm start`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LocalisedText } from '@observatoire/schema';
import { startStack, type Stack } from '@observatoire/cli/dist/stack.js';
import { seedFiles } from '@observatoire/cli/dist/seed.js';
import { DEMO_SEED, generateDemoExports } from '@observatoire/cli/dist/demo/index.js';

export type PublicStack = Pick<Stack, 'dashboardUrl' | 'apiUrl' | 'stop'>;

export interface DemoRelease {
  slug: string;
  notes: LocalisedText;
}

const E2E_DEMO: DemoRelease = {
  slug: 'e2e-demo',
  notes: { fr: 'Données fictives (tests).', en: 'Fictional data (tests).' },
};

/** The fictional demo exports (generated under `dataDir`) loaded through the real ETL and published as `release`. */
export async function seedDemo(databaseUrl: string, dataDir: string, release: DemoRelease = E2E_DEMO): Promise<void> {
  const exports = await generateDemoExports(path.join(dataDir, 'demo'), { seed: DEMO_SEED });
  await seedFiles(
    databaseUrl,
    exports.map((e) => ({ slug: e.associationSlug, name: e.associationName, file: e.file, isDemo: true })),
    release,
  );
}

export interface SeededStackOptions {
  /** Names the data folder (observatoire-<name>-e2e-…). */
  name: string;
  /** Runs once the database is migrated, before the API starts. Default: the demo release of seedDemo(). */
  seed?: (databaseUrl: string, dataDir: string) => Promise<unknown>;
  /** Extra environment for the API and dashboard (LOG_LEVEL is `warn` unless told otherwise). */
  env?: Record<string, string>;
}

/** A stack of its own in a throwaway data folder, which stop() removes. */
export async function startSeededStack(opts: SeededStackOptions): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `observatoire-${opts.name}-e2e-`));
  const seed = opts.seed ?? ((url: string, dir: string) => seedDemo(url, dir));
  try {
    const stack = await startStack({
      dataDir,
      seed: (databaseUrl) => seed(databaseUrl, dataDir),
      env: { LOG_LEVEL: 'warn', ...opts.env },
    });
    return {
      ...stack,
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

/** The demo release, on a stack of its own or on the running platform E2E_DASHBOARD_URL + E2E_API_URL name. */
export async function startPublicStack(): Promise<PublicStack> {
  if (process.env.E2E_DASHBOARD_URL && process.env.E2E_API_URL) {
    return { dashboardUrl: process.env.E2E_DASHBOARD_URL, apiUrl: process.env.E2E_API_URL, stop: async () => {} };
  }
  return startSeededStack({ name: 'public' });
}
