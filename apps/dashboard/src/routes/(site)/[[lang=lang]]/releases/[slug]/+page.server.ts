import type { Lang } from '$lib/i18n/index.js';
import { apiClient, rethrow } from '$lib/server/api.js';
import type { PageServerLoad } from './$types';

/**
 * A release's public page: its title, date and notes, who stands behind it (names only of the associations that
 * consented), what changed since the previous release in words, its annotations, and its errata or retraction.
 */
export const load: PageServerLoad = async ({ params }) => {
  const lang: Lang = params.lang === 'en' ? 'en' : 'fr';
  const client = apiClient();
  try {
    // A slug names one release for good; "latest" is not a page (the list is).
    const release = await client.resolveRelease(params.slug === 'latest' ? '.' : params.slug);
    const [releasePage, notices] = await Promise.all([client.releasePage(release!.id), client.notices(release!.id)]);
    return { lang, releasePage, notices };
  } catch (err) {
    rethrow(err, lang);
  }
};
