import { type Lang } from '$lib/i18n/index.js';
import { localePath } from '$lib/paths.js';
import { filterParams, SPECS, type ChartData } from './specs.js';

/** Every URL a chart offers (downloads, embed, permanent link), built from its filters and release. */
export interface ChartLinks {
  query: string;
  png: string;
  svg: string;
  csv: string;
  fullCsv: string;
  zip: string;
  preview: string;
  embedLatest: string;
  embedFixed: string;
  permalink: string;
  /** The release's public page (notes, associations, what changed, errata). */
  release: string;
}

function qs(pairs: [string, string][]): string {
  const q = new URLSearchParams(pairs).toString();
  return q ? `?${q}` : '';
}

export function chartLinks(data: ChartData, origin: string, lang: Lang, pagePath: string): ChartLinks {
  const spec = SPECS[data.id];
  const bare = filterParams(spec, data.filters);
  const pinned: [string, string][] = [...bare, ['release', data.release.slug]];
  const shown: [string, string][] = data.release.requested === 'latest' ? bare : pinned;
  const base = `${origin}${localePath(lang, `/charts/${data.id}`)}`;
  const embed = `${origin}${localePath(lang, `/embed/${data.id}`)}`;
  const pageQuery: [string, string][] = [
    ['chart', data.id],
    ...filterParams(spec, data.filters, data.id),
    ['release', data.release.slug],
  ];
  return {
    query: qs(shown),
    png: `${base}/chart.png${qs(shown)}`,
    svg: `${base}/chart.svg${qs(shown)}`,
    csv: `${base}/data.csv${qs(shown)}`,
    fullCsv: `${base}/full.csv${qs(shown)}`,
    zip: `${base}/data.zip${qs(shown)}`,
    preview: `${base}/preview.png${qs(shown)}`,
    embedLatest: `${embed}${qs(bare)}`,
    embedFixed: `${embed}${qs(pinned)}`,
    permalink: `${origin}${localePath(lang, pagePath)}${qs(pageQuery)}#${data.id}`,
    release: releasePageUrl(origin, lang, data.release.slug),
  };
}

/** The public page of a release: its notes, associations, what changed, errata. */
export function releasePageUrl(origin: string, lang: Lang, slug: string): string {
  return `${origin}${localePath(lang, `/releases/${encodeURIComponent(slug)}`)}`;
}

/** Height an embed gets before (or without) its resize script: the chart's own height plus its frame. */
export function embedFallbackHeight(data: ChartData): number {
  // Title, filters, notes and links around the chart, plus the legend's rows (time) or the bars' rows.
  return data.kind === 'time' ? 600 + 20 * data.series.length : 260 + data.rows.length * 30;
}

export function embedCode(src: string, title: string, height: number, origin: string): string {
  const safeTitle = title.replace(/"/g, '&quot;');
  return (
    `<iframe src="${src}" title="${safeTitle}" width="100%" height="${height}" style="border:0;width:100%" loading="lazy" data-observatoire-embed></iframe>` +
    `<script async src="${origin}/embed.js"></script>`
  );
}
