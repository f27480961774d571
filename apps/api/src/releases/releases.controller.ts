import { Body, Controller, Get, Param, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  breakdownSchema,
  newReleaseNoticeSchema,
  releaseCompositionSchema,
  releaseNoticeSchema,
  releasePageSchema,
  releaseSchema,
  seriesSetSchema,
  yearlySummarySchema,
  type NewReleaseNotice,
} from '@observatoire/schema';
import type { AllYearsFile } from '@observatoire/stats';
import { AdminOnly, CurrentPrincipal, Public, type Principal } from '../auth/auth.decorators.js';
import { sendCached, type Freshness } from '../common/http-cache.js';
import { PublicRead } from '../common/rate-limit.js';
import { ZodResponseInterceptor } from '../common/zod-response.interceptor.js';
import { zodPipe } from '../common/zod.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, openApiSchema, ZodParams } from '../openapi/zod-openapi.js';
import {
  allYearsParamsSchema,
  breakdownQuerySchema,
  compositionQuerySchema,
  publishSchema,
  releaseParamSchema,
  seriesQuerySchema,
  summaryParamsSchema,
  summaryQuerySchema,
  type BreakdownQueryDto,
  type CompositionQueryDto,
  type PublishDto,
  type SeriesQueryDto,
} from './releases.dto.js';
import { ReleasesService } from './releases.service.js';

/** A URL that names a release (not "latest", nor none) always returns the same bytes. */
const freshness = (ref?: string): Freshness => (ref !== undefined && ref !== 'latest' ? 'pinned' : 'current');

@ApiTags('public statistics')
@Public()
@Controller('v1')
export class ReleasesController {
  constructor(private readonly releases: ReleasesService) {}

  @Get('releases')
  @PublicRead()
  @ApiOperation({ summary: 'Releases, newest first' })
  @ApiZodResponse(200, z.array(releaseSchema))
  async list(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    sendCached(req, reply, await this.releases.list(), 'current');
  }

  @Get('releases/:id')
  @PublicRead()
  @ApiOperation({ summary: 'One release by id or slug ("latest" for the newest)' })
  @ApiZodResponse(200, releaseSchema)
  async get(@Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    sendCached(req, reply, await this.releases.release(id), freshness(id));
  }

  @Get('releases/:id/page')
  @PublicRead()
  @ApiOperation({
    summary: 'A release’s public page: associations (named when they consented) and what changed since the previous',
  })
  @ApiZodResponse(200, releasePageSchema)
  async page(
    @ZodParams(releaseParamSchema) { id }: { id: string },
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    sendCached(req, reply, await this.releases.page(id), freshness(id));
  }

  @Get('releases/:id/notices')
  @PublicRead()
  @ApiOperation({ summary: 'Errata and retractions attached to a release, oldest first (may grow: not pinned)' })
  @ApiZodResponse(200, z.array(releaseNoticeSchema))
  async notices(
    @ZodParams(releaseParamSchema) { id }: { id: string },
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    sendCached(req, reply, await this.releases.notices(id), 'current');
  }

  @Get('releases/:id/summary/:file')
  @PublicRead()
  @ApiOperation({ summary: 'Yearly summary of a release: <year>.csv, .xlsx, .json or .pdf (?lang=fr|en)' })
  @ApiResponse({
    status: 200,
    description: 'The summary file (CSV in UTF-8 with BOM, XLSX, JSON or PDF, as the file name says)',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
      'application/json': { schema: openApiSchema(yearlySummarySchema) as never },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiZodQuery(summaryQuerySchema)
  async summary(
    @ZodParams(summaryParamsSchema) params: { id: string; file: string },
    @Query(zodPipe(summaryQuerySchema)) q: { lang: 'fr' | 'en' },
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    sendCached(req, reply, await this.releases.summary(params.id, params.file, q.lang), freshness(params.id));
  }

  @Get('releases/:id/files/:file')
  @PublicRead()
  @ApiOperation({
    summary:
      'Multi-year files of a release (every published year, every view, withheld cells with their reason): ' +
      'all-years.csv (French or English dialect, ?lang=fr|en), all-years-codes.csv (codes, RFC 4180), ' +
      'all-years.xlsx, all-years.zip (all of them, README and datapackage.json)',
  })
  @ApiResponse({
    status: 200,
    description: 'The file, as its name says',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
      'application/zip': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiZodQuery(summaryQuerySchema)
  async allYears(
    @ZodParams(allYearsParamsSchema) params: { id: string; file: AllYearsFile },
    @Query(zodPipe(summaryQuerySchema)) q: { lang: 'fr' | 'en' },
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    sendCached(req, reply, await this.releases.allYears(params.id, params.file, q.lang), freshness(params.id));
  }

  @Get('stats/series')
  @PublicRead()
  @ApiOperation({ summary: 'Time series by reference year (latest release unless release= is given)' })
  @ApiZodQuery(seriesQuerySchema)
  @ApiZodResponse(200, seriesSetSchema)
  async series(
    @Query(zodPipe(seriesQuerySchema)) q: SeriesQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    sendCached(req, reply, await this.releases.series(q), freshness(q.release));
  }

  @Get('stats/composition')
  @PublicRead()
  @ApiOperation({
    summary: 'Associations behind each year, and each comparison with the same associations (constant panel)',
  })
  @ApiZodQuery(compositionQuerySchema)
  @ApiZodResponse(200, releaseCompositionSchema)
  async composition(
    @Query(zodPipe(compositionQuerySchema)) q: CompositionQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    sendCached(req, reply, await this.releases.composition(q.release), freshness(q.release));
  }

  @Get('stats/breakdown')
  @PublicRead()
  @ApiOperation({ summary: 'Counts by the codes of one dimension, with shares from published cells only' })
  @ApiZodQuery(breakdownQuerySchema)
  @ApiZodResponse(200, breakdownSchema)
  async breakdown(
    @Query(zodPipe(breakdownQuerySchema)) q: BreakdownQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    sendCached(req, reply, await this.releases.breakdown(q), freshness(q.release));
  }
}

@ApiTags('releases (admin)')
@AdminOnly()
@UseInterceptors(ZodResponseInterceptor)
@Controller('v1')
export class PublishController {
  constructor(private readonly releases: ReleasesService) {}

  @Post('releases')
  @ApiOperation({ summary: 'Publish a release over the whole cube, with disclosure control (admin)' })
  @ApiZodBody(publishSchema)
  @ApiZodResponse(201, releaseSchema)
  publish(@Body(zodPipe(publishSchema)) body: PublishDto, @CurrentPrincipal() p: Principal) {
    return this.releases.publish(body, p);
  }

  @Post('admin/releases')
  @ApiOperation({ summary: 'Same as POST /api/v1/releases (the admin pages’ path)' })
  @ApiZodBody(publishSchema)
  @ApiZodResponse(201, releaseSchema)
  publishFromAdmin(@Body(zodPipe(publishSchema)) body: PublishDto, @CurrentPrincipal() p: Principal) {
    return this.releases.publish(body, p);
  }

  @Get('admin/releases/notices')
  @ApiOperation({ summary: 'Every erratum and retraction, newest first (admin)' })
  @ApiZodResponse(200, z.array(releaseNoticeSchema))
  allNotices() {
    return this.releases.allNotices();
  }

  @Post('admin/releases/:id/notices')
  @ApiOperation({ summary: 'Attach an erratum or a retraction to a published release; its numbers stay (admin)' })
  @ApiZodBody(newReleaseNoticeSchema)
  @ApiZodResponse(201, releaseNoticeSchema)
  addNotice(
    @ZodParams(releaseParamSchema) { id }: { id: string },
    @Body(zodPipe(newReleaseNoticeSchema)) body: NewReleaseNotice,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.releases.addNotice(id, body, p);
  }
}
