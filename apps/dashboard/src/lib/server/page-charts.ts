import type { ReleaseInfo } from '$lib/api/types.js';
import { chartLinks } from '$lib/charts/links.js';
import { parseFilters, SPECS, type ChartData, type ChartId } from '$lib/charts/specs.js';
import type { Lang } from '$lib/i18n/index.js';
import { apiClient, requestedRelease, resolveRelease, rethrow } from './api.js';
import { loadChart } from './chart.js';

export interface PageCharts {
  lang: Lang;
  release: ReleaseInfo | null;
  charts: ChartData[];
  /** Open Graph preview: the chart named by ?chart= (a chart's permanent link), else the first one. */
  preview: { url: string; alt: string } | null;
  origin: string;
  /** The page's path in French-first form (/profiles), which its charts' links name. */
  pagePath: string;
}

/** Loads the charts of a page, each with its own prefixed filters from the one shared URL. */
export async function loadPageCharts(
  event: { url: URL; params: { lang?: string } },
  ids: ChartId[],
  pagePath: string,
): Promise<PageCharts> {
  const lang: Lang = event.params.lang === 'en' ? 'en' : 'fr';
  const client = apiClient();
  const requested = requestedRelease(event.url);
  const release = await resolveRelease(client, requested, lang);
  const origin = event.url.origin;
  if (!release) return { lang, release: null, charts: [], preview: null, origin, pagePath };
  let charts: ChartData[];
  try {
    charts = await Promise.all(
      ids.map((id) =>
        loadChart(client, SPECS[id], parseFilters(SPECS[id], event.url.searchParams, id), release, requested, lang),
      ),
    );
  } catch (err) {
    rethrow(err, lang);
  }
  const wanted = event.url.searchParams.get('chart');
  const shown = charts.find((c) => c.id === wanted) ?? charts[0];
  const preview = shown ? { url: chartLinks(shown, origin, lang, pagePath).preview, alt: shown.title } : null;
  return { lang, release, charts, preview, origin, pagePath };
}
