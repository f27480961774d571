/**
 * What the open-data routes (feed, sitemap, DCAT) read: the published releases, newest first, from the API
 * (cached by the API client like every page's list). The API down: 503 with the bilingual message.
 */
import type { DatasetRelease } from '$lib/open-data/dataset.js';
import type { Lang } from '$lib/i18n/index.js';
import { newestFirst } from '$lib/api/releases.js';
import { apiClient, rethrow } from './api.js';

export async function publishedReleases(lang: Lang = 'fr'): Promise<DatasetRelease[]> {
  try {
    const releases = await apiClient().releases();
    return newestFirst(releases);
  } catch (err) {
    rethrow(err, lang);
  }
}

/** An answer whose body is text of this type (the hook adds Cache-Control and ETag). */
export const textResponse = (body: string, contentType: string) =>
  new Response(body, { headers: { 'content-type': contentType } });
