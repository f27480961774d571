import path from 'node:path';
import { config } from '@observatoire/config';
import { dataDir } from './paths.js';
import { startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from './embedded.js';
import { ensureDatabase } from './migrate.js';

export interface DatabaseHandle {
  url: string;
  embedded: EmbeddedDatabase | null;
  stop(): Promise<void>;
}

/**
 * The database as `npm start` and the command line use it: `DATABASE_URL` when set, otherwise an embedded
 * PostgreSQL with its data under `.data/pg`, kept between runs. A command run while `npm start` runs uses the
 * server `npm start` started (found through the data folder); `exclusive` (for `start` itself) refuses to.
 */
export async function openLocalDatabase(
  log?: (line: string) => void,
  options: { exclusive?: boolean } = {},
): Promise<DatabaseHandle> {
  const configured = config().DATABASE_URL;
  if (configured) return { url: configured, embedded: null, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir(), 'pg'), log, ...options });
  const url = withDatabase(embedded.url, 'observatoire');
  await ensureDatabase(url);
  return { url, embedded, stop: () => embedded.stop() };
}
