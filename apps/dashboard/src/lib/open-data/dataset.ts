/**
 * schema.org `Dataset` JSON-LD of a release (Google's Dataset guidance: name, description, url, license,
 * creator, temporalCoverage, spatialCoverage, distribution with contentUrl and encodingFormat, dateModified,
 * version…), so that a search engine or a data portal finds and describes the release. The downloads and
 * methodology pages carry it; a release's own page does the same from its server load:
 * `locals.jsonLd = datasetJsonLdScript([release], url.origin, lang)`. The hook writes it into the page's head,
 * server-side only: it is never hydrated nor re-inserted by the browser.
 */
import { ETALAB_LICENCE } from '@observatoire/schema/payloads';
import { t, type Lang } from '$lib/i18n/index.js';
import { allYearsUrl, dcatPath, MEDIA_TYPES, pageUrl, summaryUrl, type ReleaseRef } from './urls.js';

export interface DatasetRelease extends ReleaseRef {
  title: { fr: string; en: string };
  notes?: { fr: string; en: string } | null;
  publishedAt: string;
  createdAt?: string;
  demo?: boolean;
}

function description(release: DatasetRelease, lang: Lang): string {
  const years = release.referenceYears;
  const text = t(lang, 'dataset.description', {
    collective: t(lang, 'site.collective'),
    from: years[0] ?? '',
    to: years.at(-1) ?? '',
  });
  const notes = release.notes?.[lang]?.trim();
  const demo = release.demo ? ` ${t(lang, 'demo.banner')}` : '';
  return `${text}${notes ? ` ${notes}` : ''}${demo}`;
}

function organisation(origin: string, lang: Lang) {
  return { '@type': 'Organization', name: t(lang, 'site.collective'), url: pageUrl(origin, lang, '/about') };
}

function distribution(origin: string, release: DatasetRelease, lang: Lang) {
  const all = (file: string, format: string, name: string) => ({
    '@type': 'DataDownload',
    name,
    contentUrl: allYearsUrl(origin, release, file, lang),
    encodingFormat: MEDIA_TYPES[format],
  });
  const years = `${release.referenceYears[0]}–${release.referenceYears.at(-1)}`;
  return [
    all(
      'all-years.csv',
      'csv',
      `${t(lang, 'downloads.allYears', { from: release.referenceYears[0] ?? '', to: release.referenceYears.at(-1) ?? '' })} (CSV)`,
    ),
    all('all-years-codes.csv', 'csv', `${years} (CSV, codes)`),
    all('all-years.xlsx', 'xlsx', `${years} (XLSX)`),
    all('all-years.zip', 'zip', `${years} (ZIP, datapackage.json)`),
    ...release.referenceYears.flatMap((year) =>
      (['pdf', 'csv', 'xlsx', 'json'] as const).map((format) => ({
        '@type': 'DataDownload',
        name: `${t(lang, 'downloads.year', { year })} (${format.toUpperCase()})`,
        contentUrl: summaryUrl(origin, release, year, format, lang),
        encodingFormat: MEDIA_TYPES[format],
      })),
    ),
  ];
}

/** The Dataset object of one release, in a language. */
export function datasetJsonLd(release: DatasetRelease, origin: string, lang: Lang) {
  const years = release.referenceYears;
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': `${origin}/releases/${encodeURIComponent(release.slug)}#dataset`,
    name: `${release.title[lang]} (${years[0]}–${years.at(-1)})`,
    description: description(release, lang),
    url: pageUrl(origin, lang, '/downloads', release.slug),
    identifier: release.id,
    version: release.slug,
    inLanguage: lang,
    keywords: t(lang, 'dataset.keywords').split(', '),
    license: ETALAB_LICENCE.url,
    isAccessibleForFree: true,
    creator: organisation(origin, lang),
    publisher: organisation(origin, lang),
    temporalCoverage: `${years[0]}/${years.at(-1)}`,
    spatialCoverage: { '@type': 'Place', name: 'France' },
    datePublished: release.publishedAt,
    dateModified: release.publishedAt,
    ...(release.createdAt && { dateCreated: release.createdAt }),
    distribution: distribution(origin, release, lang),
    subjectOf: { '@type': 'CreativeWork', url: `${origin}${dcatPath(release.slug)}` },
  };
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`: `<` written as `\u003c`, so that no text of a
 * release (its notes are typed by an admin) can close the element or open another.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The `<script type="application/ld+json">` element of one Dataset per release (`@graph` when there are several). */
export function datasetJsonLdScript(releases: DatasetRelease[], origin: string, lang: Lang): string {
  if (!releases.length) return '';
  const graph = releases.map((r) => datasetJsonLd(r, origin, lang));
  const value =
    graph.length === 1
      ? graph[0]
      : { '@context': 'https://schema.org/', '@graph': graph.map(({ '@context': _c, ...d }) => d) };
  return `<script type="application/ld+json">${jsonLdText(value)}</script>`;
}
