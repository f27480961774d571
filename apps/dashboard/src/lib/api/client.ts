import { createApiClient, type ApiClient as TypedApi } from '@observatoire/api-client';
import { LRUCache } from 'lru-cache';
import {
  releaseNoticeSchema,
  releasePageSchema,
  type ReleaseComposition,
  type ReleaseNotice,
  type ReleasePage,
  type YearlySummary,
} from '@observatoire/schema';
import { z } from 'zod';
import { latest } from './releases.js';
import { parseBreakdown, parseComposition, parseReleases, parseSeries, parseSummary } from './wire.js';
import {
  ApiNotFoundError,
  ApiUnavailableError,
  type BreakdownPayload,
  type ChannelGroup,
  type Dimension,
  type ReleaseInfo,
  type SeriesPayload,
} from './types.js';

type Fetch = typeof fetch;

/**
 * A published release never changes, so parsed answers for a fixed release id are kept (bounded LRU); only
 * the list of releases ("which one is latest") expires quickly. Parsed values are cached, not raw bodies:
 * validating a payload with zod costs more than rendering it.
 */
const cache = new LRUCache<string, { value: unknown }>({ max: 500 });
const RELEASES_TTL_MS = 15_000;

export function clearApiCache() {
  cache.clear();
}

export class ApiClient {
  private readonly api: TypedApi;

  constructor(baseUrl: string, fetchFn: Fetch = fetch) {
    this.api = createApiClient(baseUrl, { fetch: fetchFn });
  }

  /** One answer, cached under `key` (for `ttlMs`, or for good when it comes from a fixed release). */
  private async get<T>(
    key: string,
    ttlMs: number | null,
    request: (signal: AbortSignal) => Promise<{ data?: unknown; response: Response }>,
    parse: (body: unknown) => T,
  ): Promise<T> {
    const hit = cache.get(key);
    if (hit) return hit.value as T;
    let answer: { data?: unknown; response: Response };
    try {
      answer = await request(AbortSignal.timeout(10_000));
    } catch (err) {
      throw new ApiUnavailableError(`API unreachable or unreadable for ${key}: ${(err as Error).message}`);
    }
    const { status, ok } = answer.response;
    if (status === 404) throw new ApiNotFoundError(`Not found: ${key}`);
    if (!ok) throw new ApiUnavailableError(`API answered ${status} for ${key}`, status);
    const value = guard(() => parse(answer.data));
    cache.set(key, { value }, ttlMs === null ? {} : { ttl: ttlMs });
    return value;
  }

  releases(): Promise<ReleaseInfo[]> {
    return this.get(
      'releases',
      RELEASES_TTL_MS,
      (signal) => this.api.GET('/api/v1/releases', { signal }),
      parseReleases,
    );
  }

  /** `release` = a release id, a slug or 'latest'. Returns null when nothing is published yet. */
  async resolveRelease(release: string): Promise<ReleaseInfo | null> {
    const all = await this.releases();
    if (release === 'latest' || !release) return latest(all);
    const found = all.find((r) => r.id === release || r.slug === release);
    if (!found) throw new ApiNotFoundError(`Unknown release ${release}`);
    return found;
  }

  /** `panel` (`<from>-<to>`): the same series over the associations that reported in every one of those years. */
  series(releaseId: string, dimension: Dimension, group: ChannelGroup = 'all', panel?: string): Promise<SeriesPayload> {
    const query = {
      dimension,
      release: releaseId,
      ...(group !== 'all' && { recruitmentChannelGroup: group }),
      ...(panel && { panel }),
    };
    return this.get(
      `series ${JSON.stringify(query)}`,
      null,
      (signal) => this.api.GET('/api/v1/stats/series', { params: { query }, signal }),
      (body) => parseSeries(body, dimension, releaseId),
    );
  }

  breakdown(
    releaseId: string,
    dimension: Dimension,
    year: number,
    group: ChannelGroup = 'all',
  ): Promise<BreakdownPayload> {
    const query = { dimension, release: releaseId, year, ...(group !== 'all' && { recruitmentChannelGroup: group }) };
    return this.get(
      `breakdown ${JSON.stringify(query)}`,
      null,
      (signal) => this.api.GET('/api/v1/stats/breakdown', { params: { query }, signal }),
      (body) => parseBreakdown(body, dimension, releaseId, year),
    );
  }

  /** Who stands behind each year, and every comparison of the release (with its constant panel). */
  composition(releaseId: string): Promise<ReleaseComposition> {
    const query = { release: releaseId };
    return this.get(
      `composition ${releaseId}`,
      null,
      (signal) => this.api.GET('/api/v1/stats/composition', { params: { query }, signal }),
      parseComposition,
    );
  }

  /** A release's public page: who stands behind it, what changed since the previous one. Never changes. */
  releasePage(releaseId: string): Promise<ReleasePage> {
    const path = { id: releaseId };
    return this.get(
      `page ${releaseId}`,
      null,
      (signal) => this.api.GET('/api/v1/releases/{id}/page', { params: { path }, signal }),
      (body) => releasePageSchema.parse(body),
    );
  }

  /** Errata and retractions of a release: they may be added at any time, so kept only briefly. */
  notices(releaseId: string): Promise<ReleaseNotice[]> {
    const path = { id: releaseId };
    return this.get(
      `notices ${releaseId}`,
      RELEASES_TTL_MS,
      (signal) => this.api.GET('/api/v1/releases/{id}/notices', { params: { path }, signal }),
      (body) => z.array(releaseNoticeSchema).parse(body),
    );
  }

  /** The yearly summary (key figures of the home page, participation per year). */
  summary(releaseId: string, year: number): Promise<YearlySummary> {
    const path = { id: releaseId, file: `${year}.json` };
    return this.get(
      `summary ${JSON.stringify(path)}`,
      null,
      (signal) => this.api.GET('/api/v1/releases/{id}/summary/{file}', { params: { path }, parseAs: 'json', signal }),
      parseSummary,
    );
  }
}

/** An answer that does not match the schema is the API's fault, not the reader's: "data unavailable". */
function guard<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new ApiUnavailableError(`API answer does not match the schema: ${(err as Error).message}`);
  }
}
