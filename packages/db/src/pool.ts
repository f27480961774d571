import pg from 'pg';

/**
 * The one connection pool of a process that speaks `pg` directly (a command, the import worker, a benchmark; the
 * API uses its data source's: `poolOf`). Everything the process does with PostgreSQL takes its connections here.
 */
export function openPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (restart, shutdown) must not crash the process: the pool replaces it
  // on the next query, and that query reports the error if the database is still down.
  pool.on('error', () => {});
  return pool;
}

/**
 * One connection of the pool for work that needs a single session (a transaction, session locks, COPY). It goes
 * back to the pool afterwards, unless the work failed or called `discard` (its session may be left in a state the
 * next user must not inherit): then it is closed.
 */
export async function withConnection<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient, discard: () => void) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // While it is ours, a dropped connection surfaces as a rejected query; this keeps it from crashing the process.
  const ignore = () => {};
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    return await work(client, () => (broken ??= new Error('connection discarded')));
  } catch (err) {
    broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.removeListener('error', ignore);
    client.release(broken);
  }
}
