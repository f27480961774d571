export * from './entities/index.js';
export { migrations } from './migrations/index.js';
export { createDataSource, dataSourceOptions, queryableOf } from './data-source.js';
export type { Queryable } from './queryable.js';
export { runMigrations, ensureDatabase } from './migrate.js';
export { startEmbeddedPostgres, withDatabase, freePort, type EmbeddedDatabase } from './embedded.js';
export { openLocalDatabase, type DatabaseHandle } from './local.js';
export { repoRoot, dataDir } from './paths.js';
export * from './accounts/index.js';
