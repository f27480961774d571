import { LRUCache } from 'lru-cache';
import type { YearlySummary } from '@observatoire/schema';
import { latest } from './releases.js';
import { parseBreakdown, parseReleases, parseSeries, parseSummary } from './wire.js';
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
  constructor(
    private readonly baseUrl: string,
    private readonly fetchFn: Fetch = fetch,
  ) {}

  private async get<T>(path: string, ttlMs: number | null, parse: (body: unknown) => T): Promise<T> {
    const url = `${this.baseUrl}${path}`;
    const hit = cache.get(url);
    if (hit) return hit.value as T;
    let res: Response;
    try {
      res = await this.fetchFn(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    } catch (err) {
      throw new ApiUnavailableError(`API unreachable at ${url}: ${(err as Error).message}`);
    }
    if (res.status === 404) throw new ApiNotFoundError(`Not found: ${path}`);
    if (!res.ok) throw new ApiUnavailableError(`API answered ${res.status} for ${path}`, res.status);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new ApiUnavailableError(`API answered non-JSON for ${path}`);
    }
    const value = guard(() => parse(body));
    cache.set(url, { value }, ttlMs === null ? {} : { ttl: ttlMs });
    return value;
  }

  releases(): Promise<ReleaseInfo[]> {
    return this.get('/api/v1/releases', RELEASES_TTL_MS, parseReleases);
  }

  /** `release` = a release id, a slug or 'latest'. Returns null when nothing is published yet. */
  async resolveRelease(release: string): Promise<ReleaseInfo | null> {
    const all = await this.releases();
    if (release === 'latest' || !release) return latest(all);
    const found = all.find((r) => r.id === release || r.slug === release);
    if (!found) throw new ApiNotFoundError(`Unknown release ${release}`);
    return found;
  }

  series(releaseId: string, dimension: Dimension, group: ChannelGroup = 'all'): Promise<SeriesPayload> {
    const q = new URLSearchParams({ dimension, release: releaseId });
    if (group !== 'all') q.set('recruitmentChannelGroup', group);
    return this.get(`/api/v1/stats/series?${q}`, null, (body) => parseSeries(body, dimension, releaseId));
  }

  breakdown(
    releaseId: string,
    dimension: Dimension,
    year: number,
    group: ChannelGroup = 'all',
  ): Promise<BreakdownPayload> {
    const q = new URLSearchParams({ dimension, release: releaseId, year: String(year) });
    if (group !== 'all') q.set('recruitmentChannelGroup', group);
    return this.get(`/api/v1/stats/breakdown?${q}`, null, (body) => parseBreakdown(body, dimension, releaseId, year));
  }

  /** The yearly summary (key figures of the home page, participation per year). */
  summary(releaseId: string, year: number): Promise<YearlySummary> {
    return this.get(`/api/v1/releases/${encodeURIComponent(releaseId)}/summary/${year}.json`, null, parseSummary);
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
