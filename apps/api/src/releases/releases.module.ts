import { Module } from '@nestjs/common';
import { PublicCacheService } from './public-cache.service.js';
import { PublishController, ReleasesController } from './releases.controller.js';
import { ReleasesService } from './releases.service.js';

@Module({
  controllers: [ReleasesController, PublishController],
  providers: [ReleasesService, PublicCacheService],
})
export class ReleasesModule {}
