import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // One real PostgreSQL for the run (embedded, or TEST_DATABASE_URL), migrated once into a template that each
    // test file needing a database clones.
    globalSetup: ['./test/global-setup.ts'],
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
