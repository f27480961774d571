import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The association space's end-to-end tests (Chromium against the whole platform). Run from apps/dashboard:
 * `npx vitest run -c e2e/space/vitest.config.ts` after building the API, the CLI and the dashboard.
 */
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'),
  test: {
    include: ['e2e/space*.e2e.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    // One browser journey: later steps use the uploads of earlier ones.
    sequence: { concurrent: false },
  },
});
