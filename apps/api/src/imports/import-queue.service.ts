import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { createImportQueue, IMPORT_QUEUE, type ImportJobOptions, type ImportQueue } from '@observatoire/etl';
import { API_CONFIG, type ApiConfig } from '../config/config.js';
import { PG_POOL } from '../database/database.module.js';
import type { QueueHealth } from '../health/queue-health.js';

/**
 * The ETL's pg-boss queue, opened on the application database. A worker runs inside the API process unless
 * IMPORT_WORKER=0 (then `npx observatoire worker` does the work elsewhere). SIGTERM stops it gracefully.
 */
@Injectable()
export class ImportQueueService implements OnModuleInit, OnApplicationShutdown, QueueHealth {
  private readonly log = new Logger('ImportQueue');
  private queue: ImportQueue | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async onModuleInit(): Promise<void> {
    this.queue = await createImportQueue(this.pool, {
      logError: (err) => this.log.error(err instanceof Error ? err.message : 'import queue error'),
      previewMaxAgeHours: this.config.previewMaxAgeHours,
      rejectedRowsDays: this.config.rejectedRowsDays,
      uploadDir: this.config.uploadDir,
    });
    if (this.config.importWorker) await this.queue.work(1);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.stop(30_000);
    this.queue = null;
  }

  async enqueue(batchId: string, options: ImportJobOptions = {}): Promise<void> {
    if (!this.queue) throw new Error('import queue not started');
    await this.queue.enqueue(batchId, options);
  }

  /** Expires unconfirmed previews now (workers also do it at start and every hour). */
  async expirePreviews(): Promise<number> {
    if (!this.queue) throw new Error('import queue not started');
    return this.queue.expirePreviews();
  }

  async queueHealth(): Promise<'ok' | 'down'> {
    if (!this.queue) return 'down';
    await this.queue.boss.getQueueSize(IMPORT_QUEUE);
    return 'ok';
  }
}
