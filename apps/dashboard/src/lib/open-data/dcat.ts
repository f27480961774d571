/**
 * DCAT-AP descriptions (JSON-LD; DCAT-AP 2 and 3 terms) of the releases, for data.gouv.fr and the European data
 * portal, which harvest a catalogue: `/catalog.jsonld` (a `dcat:Catalog` of every release) and
 * `/dcat/<slug>.jsonld` (one `dcat:Dataset`). One document for both languages: every text carries its
 * language tag. Vocabularies: EU controlled vocabularies for file types, themes, languages and the country.
 */
import { ETALAB_LICENCE } from '@observatoire/schema/payloads';
import { t, type Lang } from '$lib/i18n/index.js';
import type { DatasetRelease } from './dataset.js';
import { allYearsUrl, CATALOG_PATH, dcatPath, MEDIA_TYPES, pageUrl, summaryUrl } from './urls.js';

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#',
};

const EU = 'http://publications.europa.eu/resource/authority';
const FILE_TYPES: Record<string, string> = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON', pdf: 'PDF', zip: 'ZIP' };
const LANGS: Lang[] = ['fr', 'en'];

/** The same text in both languages, tagged. */
const both = (text: (lang: Lang) => string) => LANGS.map((lang) => ({ '@value': text(lang), '@language': lang }));
const iri = (id: string) => ({ '@id': id });
const dateTime = (value: string) => ({ '@value': value, '@type': 'xsd:dateTime' });
const date = (value: string) => ({ '@value': value, '@type': 'xsd:date' });

function publisher(origin: string) {
  return {
    '@type': 'foaf:Agent',
    'foaf:name': both((lang) => t(lang, 'site.collective')),
    'foaf:homepage': iri(pageUrl(origin, 'fr', '/about')),
  };
}

function distribution(
  origin: string,
  release: DatasetRelease,
  url: string,
  format: string,
  title: (lang: Lang) => string,
) {
  return {
    '@type': 'dcat:Distribution',
    'dct:title': both(title),
    'dcat:accessURL': iri(pageUrl(origin, 'fr', '/downloads', release.slug)),
    'dcat:downloadURL': iri(url),
    'dcat:mediaType': iri(`http://www.iana.org/assignments/media-types/${MEDIA_TYPES[format]}`),
    'dct:format': iri(`${EU}/file-type/${FILE_TYPES[format]}`),
    'dct:license': iri(ETALAB_LICENCE.url),
  };
}

function distributions(origin: string, release: DatasetRelease) {
  const span = `${release.referenceYears[0]}–${release.referenceYears.at(-1)}`;
  const all = (file: string, format: string, lang: Lang, what: string) =>
    distribution(
      origin,
      release,
      allYearsUrl(origin, release, file, lang),
      format,
      (l) =>
        `${t(l, 'downloads.allYears', { from: release.referenceYears[0] ?? '', to: release.referenceYears.at(-1) ?? '' })} – ${what}`,
    );
  return [
    all('all-years.csv', 'csv', 'fr', 'CSV (français)'),
    all('all-years.csv', 'csv', 'en', 'CSV (English)'),
    all('all-years-codes.csv', 'csv', 'fr', `CSV codes (RFC 4180) ${span}`),
    all('all-years.xlsx', 'xlsx', 'fr', 'XLSX'),
    all('all-years.zip', 'zip', 'fr', 'ZIP (CSV, XLSX, datapackage.json)'),
    ...release.referenceYears.flatMap((year) =>
      (['pdf', 'csv', 'xlsx', 'json'] as const).map((format) =>
        distribution(
          origin,
          release,
          summaryUrl(origin, release, year, format, 'fr'),
          format,
          (l) => `${t(l, 'downloads.year', { year })} (${format.toUpperCase()})`,
        ),
      ),
    ),
  ];
}

/** One release as a `dcat:Dataset` (without `@context`: the catalogue and the single document add it). */
export function dcatDataset(release: DatasetRelease, origin: string) {
  const years = release.referenceYears;
  return {
    '@id': `${origin}${dcatPath(release.slug)}#dataset`,
    '@type': 'dcat:Dataset',
    'dct:identifier': release.id,
    'dct:title': both((lang) => `${release.title[lang]} (${years[0]}–${years.at(-1)})`),
    'dct:description': both((lang) =>
      [
        t(lang, 'dataset.description', {
          collective: t(lang, 'site.collective'),
          from: years[0] ?? '',
          to: years.at(-1) ?? '',
        }),
        release.notes?.[lang]?.trim() ?? '',
        release.demo ? t(lang, 'demo.banner') : '',
      ]
        .filter(Boolean)
        .join(' '),
    ),
    'dct:issued': dateTime(release.publishedAt),
    'dct:modified': dateTime(release.publishedAt),
    'dct:license': iri(ETALAB_LICENCE.url),
    'dct:accessRights': iri(`${EU}/access-right/PUBLIC`),
    'dct:publisher': publisher(origin),
    'dct:creator': publisher(origin),
    'dct:temporal': {
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': date(`${years[0]}-01-01`),
      'dcat:endDate': date(`${years.at(-1)}-12-31`),
    },
    'dct:spatial': iri(`${EU}/country/FRA`),
    'dct:language': [iri(`${EU}/language/FRA`), iri(`${EU}/language/ENG`)],
    'dcat:theme': [iri(`${EU}/data-theme/SOCI`), iri(`${EU}/data-theme/JUST`)],
    'dcat:keyword': LANGS.flatMap((lang) =>
      t(lang, 'dataset.keywords')
        .split(', ')
        .map((k) => ({ '@value': k, '@language': lang })),
    ),
    'dcat:landingPage': iri(pageUrl(origin, 'fr', '/downloads', release.slug)),
    'dcat:version': release.slug,
    'adms:versionNotes': release.notes ? both((lang) => release.notes![lang]) : undefined,
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': t('fr', 'site.collective'),
      'vcard:hasURL': iri(pageUrl(origin, 'fr', '/about')),
    },
    'dcat:distribution': distributions(origin, release),
  };
}

/** `/dcat/<slug>.jsonld`. */
export function dcatDocument(release: DatasetRelease, origin: string) {
  return { '@context': DCAT_CONTEXT, ...dcatDataset(release, origin) };
}

/** `/catalog.jsonld`: every release, newest first, in one `dcat:Catalog` (what data.gouv.fr harvests). */
export function dcatCatalog(releases: DatasetRelease[], origin: string) {
  const newest = releases[0]?.publishedAt;
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${origin}${CATALOG_PATH}`,
    '@type': 'dcat:Catalog',
    'dct:title': both((lang) => `${t(lang, 'site.name')} – ${t(lang, 'site.tagline')}`),
    'dct:description': both((lang) => t(lang, 'dataset.catalog')),
    'dct:publisher': publisher(origin),
    'dct:license': iri(ETALAB_LICENCE.url),
    'dct:language': [iri(`${EU}/language/FRA`), iri(`${EU}/language/ENG`)],
    'foaf:homepage': iri(pageUrl(origin, 'fr', '/')),
    ...(newest && { 'dct:modified': dateTime(newest) }),
    'dcat:dataset': releases.map((r) => dcatDataset(r, origin)),
  };
}
