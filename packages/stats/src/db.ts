import pg from 'pg';

/** A pool, a connected client, or a connection string (a short-lived client is opened and closed). */
export type Db = pg.Pool | pg.Client | pg.PoolClient | string;

export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export async function withClient<T>(db: Db, fn: (q: Queryable) => Promise<T>): Promise<T> {
  if (typeof db === 'string') {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
  return fn(db as Queryable);
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
  if (typeof db === 'string') {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }
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
