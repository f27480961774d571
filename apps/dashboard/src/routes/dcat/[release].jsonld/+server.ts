import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n/index.js';
import { dcatDocument } from '$lib/open-data/dcat.js';
import { publishedReleases, textResponse } from '$lib/server/open-data.js';
import type { RequestHandler } from './$types';

/** The DCAT-AP description of one release (by slug or id), at a URL that never changes. */
export const GET: RequestHandler = async ({ params, url }) => {
  const release = (await publishedReleases()).find((r) => r.slug === params.release || r.id === params.release);
  if (!release) {
    error(404, {
      message: 'Not found',
      fr: t('fr', 'error.notFound'),
      en: t('en', 'error.notFound'),
      code: 'not-found',
    });
  }
  return textResponse(JSON.stringify(dcatDocument(release, url.origin), null, 2), 'application/ld+json; charset=utf-8');
};
