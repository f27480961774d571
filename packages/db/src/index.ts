export * from './entities/index.js';
export { migrations } from './migrations/index.js';
export { createDataSource, dataSourceOptions } from './data-source.js';
export { runMigrations, ensureDatabase } from './migrate.js';
export { startEmbeddedPostgres, withDatabase, freePort, type EmbeddedDatabase } from './embedded.js';
export { openLocalDatabase, type DatabaseHandle } from './local.js';
export { repoRoot, dataDir } from './paths.js';
export * from './accounts/index.js';
