import { fileURLToPath } from 'node:url';

/**
 * Vitest's `test` settings for a package whose tests reach PostgreSQL: its spec files, the one global setup that
 * starts the run's PostgreSQL and migrates its template (global-setup.ts), and waits that a busy machine can meet.
 * A package's vitest.config.ts: `defineConfig({ test: databaseTests({ testTimeout: 120_000 }) })`.
 */
export function databaseTests<T extends object>(overrides?: T) {
  return {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: [fileURLToPath(new URL('./global-setup.js', import.meta.url))],
    hookTimeout: 120_000,
    testTimeout: 60_000,
    ...overrides,
  };
}
