/**
 * A new release reaches every cached answer at once (issue 14): the page cache (page-cache.ts) and the API
 * client's cache of the release list would otherwise show the previous release for up to 10 and 15 seconds. The
 * dashboard asks the API which release is the latest at most once a second (one request in flight, whoever waits
 * on it), before any public answer; when it changed, both caches are emptied, so the next answer is rendered
 * from the new release and gets a new ETag. A release published through this dashboard's admin page empties them
 * at once (`releasesChanged`).
 */
import { clearApiCache } from '$lib/api/client.js';
import { apiBaseUrl } from '$lib/api/config.server.js';
import { clearPageCache } from './page-cache.js';

export const CHECK_INTERVAL_MS = 1000;

let known: string | null | undefined;
let checkedAt = Number.NEGATIVE_INFINITY;
let inFlight: Promise<void> | null = null;

/** Empties every cache that holds numbers of a release. */
export function releasesChanged(): void {
  clearPageCache();
  clearApiCache();
  checkedAt = Number.NEGATIVE_INFINITY;
}

/** The latest release's id, or null when there is none; undefined when the API cannot tell (left as it was). */
async function latestReleaseId(fetchFn: typeof fetch): Promise<string | null | undefined> {
  try {
    const res = await fetchFn(`${apiBaseUrl()}/api/v1/releases/latest`, { signal: AbortSignal.timeout(2000) });
    if (res.status === 404) return null;
    if (!res.ok) return undefined;
    const body = (await res.json()) as { id?: unknown };
    return typeof body.id === 'string' ? body.id : undefined;
  } catch {
    return undefined;
  }
}

/** Checks the latest release if the last check is older than a second; empties the caches when it changed. */
export function checkLatestRelease(fetchFn: typeof fetch = fetch, now = Date.now()): Promise<void> {
  if (now - checkedAt < CHECK_INTERVAL_MS) return Promise.resolve();
  inFlight ??= (async () => {
    const id = await latestReleaseId(fetchFn);
    checkedAt = Date.now();
    if (id === undefined) return;
    if (known !== undefined && id !== known) releasesChanged();
    known = id;
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** For tests: forget what was seen. */
export function resetReleaseWatch(): void {
  known = undefined;
  checkedAt = Number.NEGATIVE_INFINITY;
  inFlight = null;
}
