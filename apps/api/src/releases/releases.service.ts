import { Inject, Injectable, Logger } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { recordAudit } from '@observatoire/db';
import {
  ETALAB_LICENCE,
  breakdownSchema,
  releaseCompositionSchema,
  releaseNoticeSchema,
  releasePagePath,
  releasePageSchema,
  releaseSchema,
  seriesSetSchema,
  yearlySummarySchema,
  type NewReleaseNotice,
  type Release,
  type YearlySummary,
} from '@observatoire/schema';
import {
  addReleaseNotice,
  allYearsFile,
  getBreakdown,
  getComposition,
  getRelease,
  getReleasePage,
  listAllReleaseNotices,
  listReleaseNotices,
  getSeries,
  getYearlySummary,
  listReleases,
  publishRelease,
  StatsError,
  summaryCsv,
  summaryPdf,
  summaryXlsx,
  type AllYearsFile,
  type CubeDimension,
} from '@observatoire/stats';
import { z } from 'zod';
import { PG_POOL } from '../database/database.module.js';
import { API_CONFIG, type ApiConfig } from '../config/config.js';
import { actorOf, type Principal } from '../auth/auth.decorators.js';
import { ApiProblem } from '../common/problem.js';
import type { MessageCode } from '../common/messages.js';
import { withEtag, type CachedPayload } from '../common/http-cache.js';
import { PublicCacheService } from './public-cache.service.js';
import type { BreakdownQueryDto, PublishDto, SeriesQueryDto } from './releases.dto.js';

const JSON_TYPE = 'application/json; charset=utf-8';

const statsCodes: Partial<Record<StatsError['code'], MessageCode>> = {
  release_not_found: 'not_found',
  year_not_in_release: 'not_found',
  no_data: 'nothing_to_publish',
  slug_taken: 'conflict',
};

/** The stats package's refusals keep their precise French and English text. */
async function stats<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof StatsError) {
      const status = err.status === 500 ? 500 : err.status;
      throw new ApiProblem(status, statsCodes[err.code] ?? 'validation_failed', undefined, err.userMessage);
    }
    throw err;
  }
}

/** Every public payload names its licence (issue 14): the Etalab Open Licence 2.0, name and URL. */
const licensed = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(licensed)
    : value && typeof value === 'object'
      ? { ...value, licence: ETALAB_LICENCE }
      : value;

/** Checked once, when a payload enters the cache: the wire shape is the schema package's. */
function json(schema: z.ZodType, value: unknown): Omit<CachedPayload, 'etag'> {
  return { body: Buffer.from(JSON.stringify(schema.parse(licensed(value)))), contentType: JSON_TYPE };
}

/** A validated statistics query, release aside, as part of a cache key. */
function queryKey(q: SeriesQueryDto | BreakdownQueryDto): string {
  const { release: _r, ...rest } = q;
  return JSON.stringify(rest);
}

/** The filters a series or breakdown query carries, as the statistics package takes them (absent ones left out). */
function filterOf(q: SeriesQueryDto | BreakdownQueryDto) {
  return {
    ...(q.yearFrom !== undefined && { yearFrom: q.yearFrom }),
    ...(q.yearTo !== undefined && { yearTo: q.yearTo }),
    ...(q.exploitationType !== undefined && { exploitationType: q.exploitationType }),
    ...(q.recruitmentChannelGroup !== undefined && { recruitmentChannelGroup: q.recruitmentChannelGroup }),
  };
}

@Injectable()
export class ReleasesService {
  private readonly log = new Logger('Releases');

  constructor(
    /** The API's one pool (its data source's): statistics are read through it. */
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cache: PublicCacheService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** A release reference as an id: "latest" is re-resolved every few seconds, ids and slugs are fixed forever. */
  async resolve(ref = 'latest'): Promise<string> {
    if (ref === 'latest')
      return this.cache.short('latest', () => stats(getRelease(this.pool, 'latest')).then((r) => r.id));
    return this.cache.fixedValue(`ref|${ref}`, async () => (await stats(getRelease(this.pool, ref))).id);
  }

  list(): Promise<CachedPayload> {
    return this.cache.short('releases', async () =>
      withEtag(json(z.array(releaseSchema), await stats(listReleases(this.pool)))),
    );
  }

  async release(ref: string): Promise<CachedPayload> {
    const id = await this.resolve(ref);
    return this.cache.payload(
      `release|${id}`,
      async () => json(releaseSchema, await stats(getRelease(this.pool, id))),
      id,
    );
  }

  /** The public page of a release: immutable like the release (notices are apart, they may be added later). */
  async page(ref: string): Promise<CachedPayload> {
    const id = await this.resolve(ref);
    return this.cache.payload(
      `page|${id}`,
      async () => json(releasePageSchema, await stats(getReleasePage(this.pool, id))),
      id,
    );
  }

  /** Errata and retractions of a release: they can be added at any time, so kept only a few seconds. */
  async notices(ref: string): Promise<CachedPayload> {
    const id = await this.resolve(ref);
    return this.cache.short(`notices|${id}`, async () =>
      withEtag(json(z.array(releaseNoticeSchema), await stats(listReleaseNotices(this.pool, id)))),
    );
  }

  async allNotices() {
    return z.array(releaseNoticeSchema).parse(await stats(listAllReleaseNotices(this.pool)));
  }

  async addNotice(ref: string, body: NewReleaseNotice, p: Principal) {
    const notice = await stats(addReleaseNotice(this.pool, ref, body, p.userId ?? 'api'));
    this.cache.invalidateVolatile();
    await recordAudit(this.ds.manager, actorOf(p), `release.${notice.kind}`, {
      type: 'release',
      id: notice.releaseId,
      details: { noticeId: notice.id },
    });
    return releaseNoticeSchema.parse(notice);
  }

  async series(q: SeriesQueryDto): Promise<CachedPayload> {
    const id = await this.resolve(q.release);
    return this.cache.payload(
      `series|${id}|${queryKey(q)}`,
      async () => {
        const filter = filterOf(q);
        const set = await stats(
          getSeries(this.pool, id, {
            dimension: q.dimension as CubeDimension | 'cases' | undefined,
            codes: q.codes,
            filter,
            ...(q.panel !== undefined && { panel: q.panel }),
          }),
        );
        return json(seriesSetSchema, set);
      },
      id,
    );
  }

  /** Who stands behind each year, and each comparison of the release with its constant panel. */
  async composition(ref?: string): Promise<CachedPayload> {
    const id = await this.resolve(ref);
    return this.cache.payload(
      `composition|${id}`,
      async () => json(releaseCompositionSchema, await stats(getComposition(this.pool, id))),
      id,
    );
  }

  async breakdown(q: BreakdownQueryDto): Promise<CachedPayload> {
    const id = await this.resolve(q.release);
    return this.cache.payload(
      `breakdown|${id}|${queryKey(q)}`,
      async () => {
        const filter = filterOf(q);
        const b = await stats(
          getBreakdown(this.pool, id, { dimension: q.dimension as CubeDimension, year: q.year ?? null, filter }),
        );
        return json(breakdownSchema, b);
      },
      id,
    );
  }

  async summary(ref: string, file: string, lang: 'fr' | 'en'): Promise<CachedPayload> {
    const id = await this.resolve(ref);
    const [yearText, format] = file.split('.') as [string, 'csv' | 'xlsx' | 'json' | 'pdf'];
    const year = Number(yearText);
    return this.cache.payload(
      `summary|${id}|${year}|${format}|${lang}`,
      async () => {
        const summary = await stats(getYearlySummary(this.pool, id, year));
        const release = await stats(getRelease(this.pool, id));
        const name = `observatoire-${release.slug}-${year}-${lang}`;
        switch (format) {
          case 'json':
            return { ...json(yearlySummarySchema, summary), contentDisposition: `inline; filename="${name}.json"` };
          case 'csv':
            return {
              body: Buffer.from(summaryCsv(summary, lang)),
              contentType: 'text/csv; charset=utf-8',
              contentDisposition: `attachment; filename="${name}.csv"`,
            };
          case 'xlsx':
            return {
              body: await summaryXlsx(summary, lang, { releaseSlug: release.slug }),
              contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              contentDisposition: `attachment; filename="${name}.xlsx"`,
            };
          default:
            return this.pdf(summary, lang, release, name);
        }
      },
      id,
    );
  }

  /** A multi-year file of a release (every published year, from its stored cells): CSV, codes CSV, XLSX or zip. */
  async allYears(ref: string, file: AllYearsFile, lang: 'fr' | 'en'): Promise<CachedPayload> {
    const id = await this.resolve(ref);
    return this.cache.payload(
      `all-years|${id}|${file}|${file === 'all-years-codes.csv' ? '' : lang}`,
      async () => {
        const f = await stats(allYearsFile(this.pool, id, file, lang));
        return {
          body: f.body,
          contentType: f.contentType,
          contentDisposition: `attachment; filename="${f.fileName}"`,
        };
      },
      id,
    );
  }

  /** The policymakers' PDF: the stats package draws it with the dashboard's chart geometry. */
  private async pdf(summary: YearlySummary, lang: 'fr' | 'en', release: Release, name: string) {
    const series = await stats(getSeries(this.pool, release.id, { dimension: 'recruitmentChannelGroup' }));
    return {
      body: await summaryPdf(summary, lang, {
        series,
        releaseSlug: release.slug,
        releaseTitle: release.title,
        annotations: release.annotations,
        ...(this.config.publicOrigin && {
          releasePageUrl: `${this.config.publicOrigin}${releasePagePath(lang, release.slug)}`,
        }),
        demo: release.demo,
        warn: (m) => this.log.warn(m),
      }),
      contentType: 'application/pdf',
      contentDisposition: `inline; filename="${name}.pdf"`,
    };
  }

  async publish(body: PublishDto, p: Principal) {
    const release = await stats(
      publishRelease(this.pool, {
        ...(body.slug && { slug: body.slug }),
        ...(body.title && { title: body.title }),
        ...(body.notes !== undefined && { notes: body.notes }),
        ...(body.annotations && { annotations: body.annotations }),
        publishedBy: p.userId ?? 'api',
      }),
    );
    this.cache.invalidateVolatile();
    await recordAudit(this.ds.manager, actorOf(p), 'release.publish', { type: 'release', id: release.id });
    return releaseSchema.parse(licensed(release));
  }
}
