import pg from 'pg';

/** A pool or a connected client: the process's one pool, or a client of it (a transaction's). */
export type Db = pg.Pool | pg.Client | pg.PoolClient;

export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export async function withClient<T>(db: Db, fn: (q: Queryable) => Promise<T>): Promise<T> {
  return fn(db);
}

/** A transaction on one connection (a pool hands out a dedicated client). */
export async function inTransaction<T>(
  db: Db,
  fn: (q: Queryable) => Promise<T>,
  isolation = 'READ COMMITTED',
): Promise<T> {
  const run = async (client: pg.Client | pg.PoolClient) => {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    try {
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    }
  };
  if (db instanceof pg.Pool) {
    const client = await db.connect();
    try {
      return await run(client);
    } finally {
      client.release();
    }
  }
  return run(db as pg.Client);
}
