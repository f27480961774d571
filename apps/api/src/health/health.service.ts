import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IMPORT_QUEUE_HEALTH, type QueueHealth } from './queue-health.js';

export interface HealthStatus {
  status: 'ok' | 'degraded';
  database: 'ok' | 'down';
  queue: 'ok' | 'down' | 'disabled';
}

@Injectable()
export class HealthService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Optional() @Inject(IMPORT_QUEUE_HEALTH) private readonly queue?: QueueHealth,
  ) {}

  async check(): Promise<HealthStatus> {
    const database = await this.ds
      .query('SELECT 1')
      .then(() => 'ok' as const)
      .catch(() => 'down' as const);
    const queue = this.queue ? await this.queue.queueHealth().catch(() => 'down' as const) : ('disabled' as const);
    const status = database === 'ok' && queue !== 'down' ? 'ok' : 'degraded';
    return { status, database, queue };
  }
}
