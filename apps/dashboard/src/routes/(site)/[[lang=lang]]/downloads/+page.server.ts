import { datasetJsonLdScript } from '$lib/open-data/dataset.js';
import { langOf } from '$lib/paths.js';
import type { PageServerLoad } from './$types';

// The layout already lists the releases; the summary files are served by the API through the dashboard's
// same-origin /api proxy, so the links work without exposing the API's address. Each release is described as a
// schema.org Dataset in the page's head (JSON-LD, written by the hook).
export const load: PageServerLoad = async ({ params, parent, locals, url }) => {
  const lang = langOf(params);
  const { releases } = await parent();
  locals.jsonLd = datasetJsonLdScript(releases, url.origin, lang);
  return { lang };
};
