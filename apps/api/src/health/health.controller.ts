import { Controller, Get, Res, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiZodResponse } from '../openapi/zod-openapi.js';
import { Public } from '../auth/auth.decorators.js';
import { ZodResponseInterceptor } from '../common/zod-response.interceptor.js';
import { HealthService } from './health.service.js';

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['ok', 'down']),
    queue: z.enum(['ok', 'down', 'disabled']),
  })
  .meta({ id: 'Health' });

@ApiTags('health')
@UseInterceptors(ZodResponseInterceptor)
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Database and import queue status (503 when degraded)' })
  @ApiZodResponse(200, healthSchema)
  @ApiZodResponse(503, healthSchema, 'Degraded: the same body, saying which part is down')
  async get(@Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.health.check();
    reply.header('cache-control', 'no-store');
    if (result.status !== 'ok') reply.status(503);
    return result;
  }
}
