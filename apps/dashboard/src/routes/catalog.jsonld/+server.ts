import { dcatCatalog } from '$lib/open-data/dcat.js';
import { publishedReleases, textResponse } from '$lib/server/open-data.js';
import type { RequestHandler } from './$types';

/** The DCAT-AP catalogue of every release, for data.gouv.fr's harvester. */
export const GET: RequestHandler = async ({ url }) =>
  textResponse(
    JSON.stringify(dcatCatalog(await publishedReleases(), url.origin), null, 2),
    'application/ld+json; charset=utf-8',
  );
