/**
 * The whole platform for a benchmark: BENCH_DASHBOARD_URL reuses a running one (npm start); otherwise the stack
 * (embedded PostgreSQL, API, dashboard production build) on free loopback ports with the fictional demo data,
 * stopped by `stop()`. Needs `npm run build` first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function startPlatform() {
  if (process.env.BENCH_DASHBOARD_URL) return { url: process.env.BENCH_DASHBOARD_URL, stop: async () => {} };
  const { startStack } = await import('../packages/cli/dist/stack.js');
  const { seedFiles } = await import('../packages/cli/dist/seed.js');
  const { DEMO_SEED, generateDemoExports } = await import('../packages/cli/dist/demo/index.js');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-bench-'));
  const stack = await startStack({
    dataDir,
    env: { LOG_LEVEL: 'warn' },
    seed: async (databaseUrl) => {
      const exports = await generateDemoExports(path.join(dataDir, 'demo'), { seed: DEMO_SEED });
      await seedFiles(
        databaseUrl,
        exports.map((e) => ({ slug: e.associationSlug, name: e.associationName, file: e.file, isDemo: true })),
        { slug: 'bench-demo', notes: { fr: 'Données fictives.', en: 'Fictional data.' } },
      );
    },
  });
  return {
    url: stack.dashboardUrl,
    stop: async () => {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
