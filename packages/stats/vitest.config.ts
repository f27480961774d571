import { defineConfig } from 'vitest/config';
import { databaseTests } from '@observatoire/db/testing/vitest';

// One real PostgreSQL for the run (embedded, or TEST_DATABASE_URL), migrated once into a template that each test
// file needing a database clones.
// Publishing audits every year by integer programming: seconds of CPU each, far more on a loaded machine.
export default defineConfig({ test: databaseTests({ testTimeout: 600_000 }) });
