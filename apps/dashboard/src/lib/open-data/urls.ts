/**
 * The public addresses of a release's files and descriptions, absolute (JSON-LD, DCAT, the feed and the sitemap
 * are read by other sites). Files are served by the API through the dashboard's same-origin /api proxy.
 */
import type { Lang } from '$lib/i18n/index.js';
import { localePath } from '$lib/paths.js';

export interface ReleaseRef {
  id: string;
  slug: string;
  referenceYears: number[];
}

const api = (origin: string, release: ReleaseRef) => `${origin}/api/v1/releases/${encodeURIComponent(release.id)}`;

export const summaryUrl = (origin: string, release: ReleaseRef, year: number, format: string, lang: Lang) =>
  `${api(origin, release)}/summary/${year}.${format}?lang=${lang}`;

export const allYearsUrl = (origin: string, release: ReleaseRef, file: string, lang: Lang) =>
  `${api(origin, release)}/files/${file}${file.includes('codes') ? '' : `?lang=${lang}`}`;

/** The DCAT-AP description of one release (one URL for both languages: its texts carry their language). */
export const dcatPath = (slug: string) => `/dcat/${encodeURIComponent(slug)}.jsonld`;
export const CATALOG_PATH = '/catalog.jsonld';

/** The Atom feed of releases in a language. */
export const feedPath = (lang: Lang) => `${lang === 'en' ? '/en' : ''}/releases.atom`;

/** A page of the site, absolute, in a language; a fixed release as `?release=`. */
export const pageUrl = (origin: string, lang: Lang, route: string, release?: string) =>
  `${origin}${localePath(lang, route)}${release ? `?release=${encodeURIComponent(release)}` : ''}`;

/** The public pages of the site (routes; each in French and English), for the sitemap. */
export const PUBLIC_ROUTES = [
  '/',
  '/recruitment-channels',
  '/profiles',
  '/methodology',
  '/downloads',
  '/about',
] as const;

export const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  pdf: 'application/pdf',
  zip: 'application/zip',
};
