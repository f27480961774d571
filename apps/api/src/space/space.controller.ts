import { Controller, Get, HttpCode, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/auth.decorators.js';
import { ZodResponseInterceptor } from '../common/zod-response.interceptor.js';
import { zodPipe } from '../common/zod.js';
import { ApiZodQuery, ApiZodResponse, ZodParams } from '../openapi/zod-openapi.js';
import { SpaceService } from './space.service.js';

/** An import's id, as the path gives it. */
const importIdParams = z.object({ id: z.string().max(64) });
const langQuerySchema = z.object({ lang: z.enum(['fr', 'en']).default('fr') }).strict();
const rerunSchema = z.object({ id: z.uuid() }).meta({ id: 'RerunResult' });

@ApiTags('imports')
@UseInterceptors(ZodResponseInterceptor)
@Controller('v1')
export class SpaceController {
  constructor(private readonly space: SpaceService) {}

  @Get('imports/:id/rejected.csv')
  @ApiOperation({
    summary: 'Rejected rows of an import: original columns plus row, column, value, message (CSV, UTF-8 BOM)',
  })
  @ApiProduces('text/csv')
  @ApiZodQuery(langQuerySchema)
  async rejected(
    @ZodParams(importIdParams) { id }: { id: string },
    @Query(zodPipe(langQuerySchema)) q: { lang: 'fr' | 'en' },
    @CurrentPrincipal() p: Principal,
    @Res() reply: FastifyReply,
  ) {
    const { stream, fileName } = await this.space.rejectedCsv(id, p, q.lang);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store')
      .send(stream);
  }

  @Post('imports/:id/rerun')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Preview a waiting file again with the association’s current mapping profile (nothing is loaded)',
  })
  @ApiZodResponse(200, rerunSchema)
  rerun(@ZodParams(importIdParams) { id }: { id: string }, @CurrentPrincipal() p: Principal) {
    return this.space.rerun(id, p);
  }
}
