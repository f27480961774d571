import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, poolOf } from '@observatoire/db';
import { API_CONFIG, type ApiConfig } from '../config/config.js';

/**
 * The `pg` pool of the process: the data source's own, handed to the code that speaks `pg` (the ETL, statistics,
 * the import queue). The API opens exactly one pool.
 */
export const PG_POOL = Symbol('PG_POOL');

/**
 * Connections: request handlers' short queries, plus one held by each import or preview while it reads its file
 * (the in-process worker runs one at a time) and pg-boss's polling.
 */
export const POOL_SIZE = 12;
/** How the API's connections name themselves to PostgreSQL (`pg_stat_activity.application_name`). */
export const APPLICATION_NAME = 'observatoire-api';

/** The one TypeORM data source of the process, from @observatoire/db (same definition as the CLI's), and its pool. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [API_CONFIG],
      useFactory: async (config: ApiConfig) => {
        const ds = createDataSource(config.databaseUrl, {
          applicationName: APPLICATION_NAME,
          extra: { max: POOL_SIZE },
        });
        return ds.initialize();
      },
    },
    { provide: PG_POOL, inject: [DataSource], useFactory: (ds: DataSource): pg.Pool => poolOf(ds) },
  ],
  exports: [DataSource, PG_POOL],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
