import { chartLinks } from '$lib/charts/links.js';
import type { Lang } from '$lib/i18n/index.js';
import { apiClient } from '$lib/server/api.js';
import { loadSingleChart } from '$lib/server/chart.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
  const lang: Lang = params.lang === 'en' ? 'en' : 'fr';
  const { data } = await loadSingleChart(apiClient(), params.chart, url, lang);
  const links = chartLinks(data, url.origin, lang, '/');
  return { lang, chart: data, origin: url.origin, preview: links.preview };
};
