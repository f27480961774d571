import { releasesFeed } from '$lib/open-data/feed.js';
import { langOf } from '$lib/paths.js';
import { apiClient } from '$lib/server/api.js';
import { publishedReleases, textResponse } from '$lib/server/open-data.js';
import type { RequestHandler } from './$types';

/** The Atom feed of releases: `/releases.atom` in French, `/en/releases.atom` in English. */
export const GET: RequestHandler = async ({ params, url }) => {
  const lang = langOf(params);
  const releases = await publishedReleases(lang);
  const client = apiClient();
  // Errata and retractions go in their release's entry (a few releases: one cached call each).
  const notices = new Map(
    await Promise.all(releases.map(async (r) => [r.id, await client.notices(r.id).catch(() => [])] as const)),
  );
  return textResponse(releasesFeed(releases, url.origin, lang, notices), 'application/atom+xml; charset=utf-8');
};
