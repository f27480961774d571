import { cellValue } from '@observatoire/charts';
import type { Lang } from '$lib/i18n/index.js';
import { publishedMass } from '$lib/server/published-mass.js';
import { datasetJsonLdScript } from '$lib/open-data/dataset.js';
import { apiClient, requestedRelease, resolveRelease, rethrow } from '$lib/server/api.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const lang: Lang = params.lang === 'en' ? 'en' : 'fr';
  const client = apiClient();
  const release = await resolveRelease(client, requestedRelease(url), lang);
  if (!release) return { lang, release: null, participation: [], mass: [] };
  // The release shown, as a schema.org Dataset in the page's head (JSON-LD, written by the hook).
  locals.jsonLd = datasetJsonLdScript([release], url.origin, lang);
  try {
    // Which associations took part each year: from the yearly summaries (counts only, never names per cell).
    const summaries = await Promise.all(release.referenceYears.map((y) => client.summary(release.id, y)));
    const participation = summaries.map((s) => ({
      year: s.referenceYear,
      associations: s.contributingAssociations,
      cases: cellValue(s.cases),
    }));
    return { lang, release, participation, mass: publishedMass(release, lang) };
  } catch (err) {
    rethrow(err, lang);
  }
};
