import type pg from 'pg';

/**
 * What a repository function runs its SQL on: a `pg` pool, client or pool client (a transaction passes its client).
 * A TypeORM entity manager becomes one through `queryableOf` (data-source.ts).
 */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}
