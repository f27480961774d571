import { Module } from '@nestjs/common';
import { SpaceController } from './space.controller.js';
import { SpaceService } from './space.service.js';

/** Endpoints of the association space (dashboard /espace) beyond uploads themselves. */
@Module({ controllers: [SpaceController], providers: [SpaceService] })
export class SpaceModule {}
