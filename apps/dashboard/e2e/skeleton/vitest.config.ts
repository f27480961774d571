import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The walking skeleton (issue 2): the three sample exports of ../shared/samples go through the real ETL into
 * PostgreSQL, are published, served by the API and drawn by the dashboard on the server; Chromium checks the
 * numbers in the chart against expected.json. Run from apps/dashboard after a build:
 *   npx vitest run -c e2e/skeleton/vitest.config.ts
 */
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'),
  test: {
    include: ['e2e/skeleton*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
