import { config } from '@observatoire/config';
import { createDataSource } from './data-source.js';

/**
 * The TypeORM CLI's data source, on DATABASE_URL: `npx typeorm -d packages/db/dist/typeorm-cli.js migration:show`.
 * A module of its own that nothing else imports, because it reads the configuration as it loads (importing the
 * package must not: the command line reports a wrong variable in its own words).
 */
export default createDataSource(config().DATABASE_URL ?? 'postgres://localhost/observatoire');
