import { releasesFeed } from '$lib/open-data/feed.js';
import { langOf } from '$lib/paths.js';
import { publishedReleases, textResponse } from '$lib/server/open-data.js';
import type { RequestHandler } from './$types';

/** The Atom feed of releases: `/releases.atom` in French, `/en/releases.atom` in English. */
export const GET: RequestHandler = async ({ params, url }) => {
  const lang = langOf(params);
  return textResponse(
    releasesFeed(await publishedReleases(lang), url.origin, lang),
    'application/atom+xml; charset=utf-8',
  );
};
