import { sitemapXml } from '$lib/open-data/sitemap.js';
import { publishedReleases, textResponse } from '$lib/server/open-data.js';
import type { RequestHandler } from './$types';

/** Every public page in French and English, with hreflang alternates. */
export const GET: RequestHandler = async ({ url }) => {
  const [newest] = await publishedReleases();
  return textResponse(sitemapXml(url.origin, newest?.publishedAt ?? null), 'application/xml; charset=utf-8');
};
