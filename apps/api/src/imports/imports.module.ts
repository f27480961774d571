import { Global, Module } from '@nestjs/common';
import { IMPORT_QUEUE_HEALTH } from '../health/queue-health.js';
import { ImportQueueService } from './import-queue.service.js';
import { AdminImportsController, ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Global()
@Module({
  controllers: [ImportsController, AdminImportsController],
  providers: [ImportsService, ImportQueueService, { provide: IMPORT_QUEUE_HEALTH, useExisting: ImportQueueService }],
  exports: [IMPORT_QUEUE_HEALTH],
})
export class ImportsModule {}
