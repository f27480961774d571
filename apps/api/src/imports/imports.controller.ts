import { Body, Controller, Get, Post, Put, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { importConfirmSchema, mappingProfileSchema, type ImportConfirm } from '@observatoire/schema';
import { AdminOnly, CurrentPrincipal, type Principal } from '../auth/auth.decorators.js';
import { ZodResponseInterceptor } from '../common/zod-response.interceptor.js';
import { zodPipe } from '../common/zod.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, openApiSchema, ZodParams } from '../openapi/zod-openapi.js';
import {
  importListQuerySchema,
  importSchema,
  recordsQuerySchema,
  retentionPolicySchema,
  uploadFormSchema,
} from './imports.dto.js';
import { ImportsService } from './imports.service.js';
import type { RecordsFormat } from './records-export.js';
import { CSV_CONTENT_TYPE } from '@observatoire/formats';

/** An import's id, as the path gives it. */
const importIdParams = z.object({ id: z.string().max(64) });

@ApiTags('imports')
@UseInterceptors(ZodResponseInterceptor)
@Controller('v1')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('imports')
  @ApiOperation({
    summary: 'Upload an export (multipart, field "file"); queued (202), or previewed with dryRun=true (200)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: openApiSchema(uploadFormSchema, 'input') as never })
  @ApiZodResponse(202, importSchema, 'Received and queued')
  async upload(
    @Req() req: FastifyRequest,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { status, body } = await this.imports.upload(req, p);
    reply.status(status).header('cache-control', 'no-store');
    return body;
  }

  @Get('imports')
  @ApiOperation({ summary: 'The caller’s association’s imports, newest first' })
  @ApiZodQuery(importListQuerySchema)
  @ApiZodResponse(200, z.array(importSchema))
  list(@Query(zodPipe(importListQuerySchema)) q: { limit: number }, @CurrentPrincipal() p: Principal) {
    return this.imports.list(p, q.limit, p.role === 'admin');
  }

  @Get('imports/retention')
  @ApiOperation({ summary: 'What is kept of an upload and for how long (raw file, preview, rejected rows, report)' })
  @ApiZodResponse(200, retentionPolicySchema)
  retention() {
    return this.imports.retentionPolicy();
  }

  @Get('imports/:id')
  @ApiOperation({ summary: 'Status and import report (another association’s import is 404)' })
  @ApiZodResponse(200, importSchema)
  get(@ZodParams(importIdParams) { id }: { id: string }, @CurrentPrincipal() p: Principal) {
    return this.imports.findOne(id, p);
  }

  @Post('imports/:id/confirm')
  @ApiOperation({
    summary:
      'Load a previewed (dry-run) upload without sending it again; 409 when it would remove stored cases of a year not named in replaceYears',
  })
  @ApiZodBody(importConfirmSchema)
  @ApiZodResponse(202, importSchema)
  async confirm(
    @ZodParams(importIdParams) { id }: { id: string },
    @Body(zodPipe(importConfirmSchema)) confirm: ImportConfirm,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { status, body } = await this.imports.confirm(id, confirm, p);
    reply.status(status);
    return body;
  }

  @Get('associations/me/mapping-profile')
  @ApiOperation({ summary: 'The association’s stored mapping profile (null when none)' })
  @ApiZodResponse(200, mappingProfileSchema.nullable())
  getProfile(@CurrentPrincipal() p: Principal) {
    return this.imports.getProfile(p);
  }

  @Put('associations/me/mapping-profile')
  @ApiOperation({ summary: 'Replace the association’s mapping profile (used by its next imports)' })
  @ApiZodBody(mappingProfileSchema)
  @ApiZodResponse(200, mappingProfileSchema)
  putProfile(@Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return this.imports.putProfile(body, p);
  }

  @Get('records.csv')
  @ApiOperation({
    summary:
      'The association’s own normalised records: French or English labels for a spreadsheet, or codes for programs (formula-safe)',
  })
  @ApiProduces('text/csv')
  @ApiZodQuery(recordsQuerySchema)
  async records(
    @Query(zodPipe(recordsQuerySchema)) q: { association?: string; format: RecordsFormat },
    @CurrentPrincipal() p: Principal,
    @Res() reply: FastifyReply,
  ) {
    const { stream, fileName } = await this.imports.recordsCsv(p, q.association, q.format);
    reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store')
      .send(stream);
  }
}

@ApiTags('admin')
@AdminOnly()
@UseInterceptors(ZodResponseInterceptor)
@Controller('v1/admin')
export class AdminImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('imports')
  @ApiOperation({ summary: 'Imports across associations, newest first' })
  @ApiZodQuery(importListQuerySchema)
  @ApiZodResponse(200, z.array(importSchema))
  list(@Query(zodPipe(importListQuerySchema)) q: { limit: number }, @CurrentPrincipal() p: Principal) {
    return this.imports.list(p, q.limit, true);
  }
}
