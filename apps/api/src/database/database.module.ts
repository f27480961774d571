import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from '@observatoire/db';
import { API_CONFIG, type ApiConfig } from '../config/config.js';

/** The one TypeORM data source of the process, from @observatoire/db (same definition as the CLI's). */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [API_CONFIG],
      useFactory: async (config: ApiConfig) => {
        const ds = createDataSource(config.databaseUrl, { extra: { max: 10 } });
        return ds.initialize();
      },
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
