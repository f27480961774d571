import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Every end-to-end suite (part of `npm test`): Chromium against the whole platform, which each suite starts with
 * `startStack()` (embedded PostgreSQL, migrations, data loaded through the real ETL, the API and the dashboard's
 * production build). Needs the packages, the API, the CLI and the dashboard built (turbo's `^build` does it).
 * One suite, from this folder: npx vitest run public.e2e.ts
 * Screenshots go to e2e/test-results/ (git-ignored).
 */
export default defineConfig({
  root: path.dirname(fileURLToPath(import.meta.url)),
  test: {
    include: ['*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One stack and one browser at a time: the suites are journeys whose later steps build on earlier ones.
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
