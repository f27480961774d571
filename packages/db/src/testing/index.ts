export { setupTestPostgres, TEMPLATE_DB } from './global-setup.js';
export { createTestDatabase, type TestDatabase } from './database.js';
