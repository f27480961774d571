import { ApiUnavailableError } from '$lib/api/types.js';
import type { Lang } from '$lib/i18n/index.js';
import { apiClient } from '$lib/server/api.js';
import type { LayoutServerLoad } from './$types';

/**
 * Every page needs the list of releases (banner, release picker). If the API is down the layout still
 * renders (navigation, language switch) and the page shows the bilingual "data unavailable" message.
 */
export const load: LayoutServerLoad = async ({ params }) => {
  const lang: Lang = params.lang === 'en' ? 'en' : 'fr';
  try {
    // Only what the pages show: the file list of every release would weigh on every page's hydration data.
    const releases = (await apiClient().releases()).map((r) => ({ ...r, files: [] }));
    return { lang, releases, apiDown: false };
  } catch (err) {
    if (!(err instanceof ApiUnavailableError)) throw err;
    console.error(`[dashboard] ${err.message}`);
    return { lang, releases: [], apiDown: true };
  }
};
