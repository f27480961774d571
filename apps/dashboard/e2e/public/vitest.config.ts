import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The public dashboard's end-to-end tests: Chromium against the whole platform (embedded PostgreSQL, the demo
 * exports loaded through the real ETL, a published release, the API and the dashboard's production build).
 * Run from apps/dashboard after building the packages, the API and the dashboard:
 *   npx vitest run -c e2e/public/vitest.config.ts
 * Screenshots go to apps/dashboard/test-results/public/ (git-ignored).
 */
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'),
  test: {
    include: ['e2e/public*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
