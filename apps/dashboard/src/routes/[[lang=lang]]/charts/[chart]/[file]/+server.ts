import { chartLinks } from '$lib/charts/links.js';
import type { Lang } from '$lib/i18n/index.js';
import { apiClient, notFound } from '$lib/server/api.js';
import { loadFullData, loadSingleChart } from '$lib/server/chart.js';
import { CSV_CONTENT_TYPE } from '@observatoire/formats';
import { rowsOf, toCsv, toZip } from '$lib/server/csv.js';
import { chartPng, chartSvg, SOCIAL_SIZES } from '$lib/server/render.js';
import type { RequestHandler } from './$types';

const FILES = [
  'chart.svg',
  'chart.png',
  'preview.png',
  'social-1200x675.png',
  'social-1080x1080.png',
  'data.csv',
  'full.csv',
  'codes.csv',
  'data.zip',
] as const;
type FileName = (typeof FILES)[number];

/**
 * Downloads of one chart, built on the server from the same spec, data and geometry as the page: the SVG
 * and PNG (2×) carry title, source and release; the preview is the Open Graph image of the same view.
 * Cache-Control and ETag come from the hook (lib/server/http-cache.ts): a fixed release is kept a year.
 */
export const GET: RequestHandler = async ({ params, url }) => {
  const lang: Lang = params.lang === 'en' ? 'en' : 'fr';
  const file = params.file as FileName;
  if (!FILES.includes(file)) notFound();
  const client = apiClient();
  const { data, release, spec } = await loadSingleChart(client, params.chart, url, lang);
  const permalink = chartLinks(data, url.origin, lang, pagePathOf(data.id)).permalink;
  const shortUrl = `${url.origin}${lang === 'en' ? '/en' : ''}`;
  const base = `observatoire-${data.id}-${data.release.slug}${data.year ? `-${data.year}` : ''}`;
  const headers = (type: string, name?: string): Record<string, string> => ({
    'content-type': type,
    ...(name ? { 'content-disposition': `attachment; filename="${name}"` } : {}),
  });
  switch (file) {
    case 'chart.svg':
      return new Response(chartSvg(data, shortUrl), {
        headers: headers('image/svg+xml; charset=utf-8', `${base}.svg`),
      });
    case 'chart.png':
      return new Response(new Uint8Array(chartPng(data, shortUrl)), { headers: headers('image/png', `${base}.png`) });
    case 'social-1200x675.png':
    case 'social-1080x1080.png': {
      const size = file === 'social-1200x675.png' ? SOCIAL_SIZES['1200x675'] : SOCIAL_SIZES['1080x1080'];
      const png = chartPng(data, shortUrl, size);
      return new Response(new Uint8Array(png), { headers: headers('image/png', `${base}-${file.slice(7, -4)}.png`) });
    }
    case 'preview.png':
      return new Response(new Uint8Array(chartPng(data, shortUrl, true)), { headers: headers('image/png') });
    // The page's language decides the CSV's dialect (docs/open-data.md); codes.csv is the same for both.
    case 'data.csv':
      return new Response(toCsv(rowsOf(data), lang), { headers: headers(CSV_CONTENT_TYPE, `${base}.csv`) });
    case 'full.csv':
    case 'codes.csv': {
      const full = (
        await loadFullData(client, spec, release, data.release.requested, lang, data.filters.panel)
      ).flatMap(rowsOf);
      const name = file === 'full.csv' ? `${base}-full.csv` : `${base}-codes.csv`;
      return new Response(toCsv(full, file === 'full.csv' ? lang : 'data'), {
        headers: headers(CSV_CONTENT_TYPE, name),
      });
    }
    case 'data.zip': {
      const full = (
        await loadFullData(client, spec, release, data.release.requested, lang, data.filters.panel)
      ).flatMap(rowsOf);
      const zip = await toZip(data, rowsOf(data), full, permalink);
      return new Response(new Uint8Array(zip), { headers: headers('application/zip', `${base}.zip`) });
    }
  }
};

function pagePathOf(id: string): string {
  return ['online-offline', 'channels', 'platforms', 'platform-trends'].includes(id)
    ? '/recruitment-channels'
    : '/profiles';
}
