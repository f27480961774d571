import type { Lang } from '$lib/i18n/index.js';
import { apiClient, requestedRelease, resolveRelease, rethrow } from '$lib/server/api.js';
import { describeChart } from '$lib/charts/describe.js';
import { chartLinks } from '$lib/charts/links.js';
import { localePath } from '$lib/paths.js';
import { loadKit } from '$lib/server/kit.js';

const pagePathOf = (id: string) =>
  ['online-offline', 'channels', 'platforms', 'platform-trends'].includes(id) ? '/recruitment-channels' : '/profiles';
import type { PageServerLoad } from './$types';

/** The press kit of a release (the latest, or the one ?release= names): what the ZIP holds, on one page. */
export const load: PageServerLoad = async ({ params, url }) => {
  const lang: Lang = params.lang === 'en' ? 'en' : 'fr';
  const client = apiClient();
  const requested = requestedRelease(url);
  const release = await resolveRelease(client, requested, lang);
  if (!release) return { lang, kit: null, zip: null, origin: url.origin };
  try {
    const kit = await loadKit(client, release, requested, lang, url.origin);
    // The page shows the charts as images: their data need not travel with the page.
    const charts = kit.charts.map((c) => {
      const links = chartLinks(c, url.origin, lang, pagePathOf(c.id));
      return {
        id: c.id,
        title: c.title,
        subtitle: c.subtitle,
        description: describeChart(c),
        landscape: links.png.replace('/chart.png', '/social-1200x675.png'),
        square: links.png.replace('/chart.png', '/social-1080x1080.png'),
        svg: links.svg,
        csv: links.fullCsv,
        page: links.permalink,
      };
    });
    const zip = `${url.origin}${localePath(lang, '/press-kit/kit.zip')}${requested === 'latest' ? '' : `?release=${encodeURIComponent(release.slug)}`}`;
    return { lang, kit: { ...kit, charts }, zip, origin: url.origin };
  } catch (err) {
    rethrow(err, lang);
  }
};
