import 'reflect-metadata';
import pg from 'pg';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import type { Queryable } from './queryable.js';

/**
 * The one data source definition, shared by the API, the ETL, the command line and the TypeORM CLI (typeorm-cli.ts).
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    ...extra,
  } as DataSourceOptions;
}

export function createDataSource(url: string, extra: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, extra));
}

/**
 * The initialised data source's connection pool, for the code that speaks `pg` (the ETL, statistics, the import
 * queue): a process with a data source opens no other pool. `driver.master` is the PostgreSQL driver's public pool
 * property (typeorm#2972).
 */
export function poolOf(ds: DataSource): pg.Pool {
  const driver = ds.driver;
  if (!(driver instanceof PostgresDriver) || !(driver.master instanceof pg.Pool)) {
    throw new Error('poolOf: the data source must be an initialised PostgreSQL data source');
  }
  return driver.master;
}

/**
 * An entity manager as a `Queryable` (for the repositories), on the manager's transaction when it has one. TypeORM's
 * plain `query` answers an UPDATE or DELETE with `[rows, count]` instead of rows: the structured result avoids that.
 */
export function queryableOf(m: EntityManager): Queryable {
  return {
    async query(text: string, values?: unknown[]) {
      const runner = m.queryRunner ?? m.dataSource.createQueryRunner();
      try {
        const result = await runner.query(text, values, true);
        return { rows: result.records ?? [], rowCount: result.affected ?? null } as never;
      } finally {
        if (!m.queryRunner) await runner.release();
      }
    },
  };
}
