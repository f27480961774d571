/**
 * sitemap.xml (every public page in French and English, each with its hreflang alternates, as search engines
 * expect for a bilingual site) and robots.txt (public pages allowed; the association space, the admin pages and
 * the API, under every spelling the site answers, disallowed; the sitemap named).
 */
import { XMLBuilder } from 'fast-xml-parser';
import { LANGS, type Lang } from '$lib/i18n/index.js';
import { FRENCH_PATHS, localePath, PRIVATE_SECTIONS } from '$lib/paths.js';
import { CATALOG_PATH, feedPath, PUBLIC_ROUTES } from './urls.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true });

/** The sitemap; `lastmod` is the newest release's date (the public pages change only with a release). */
export function sitemapXml(origin: string, lastModified: string | null, extraRoutes: readonly string[] = []): string {
  const routes = [...PUBLIC_ROUTES, ...extraRoutes];
  const url = (lang: Lang, route: string) => `${origin}${localePath(lang, route)}`;
  const urls = routes.flatMap((route) =>
    LANGS.map((lang) => ({
      loc: url(lang, route),
      ...(lastModified && { lastmod: lastModified }),
      'xhtml:link': [
        ...LANGS.map((other) => ({ '@rel': 'alternate', '@hreflang': other, '@href': url(other, route) })),
        { '@rel': 'alternate', '@hreflang': 'x-default', '@href': url('fr', route) },
      ],
    })),
  );
  return builder.build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    urlset: {
      '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      '@xmlns:xhtml': 'http://www.w3.org/1999/xhtml',
      url: urls,
    },
  }) as string;
}

/** Every URL prefix of the private sections, in both languages (`/espace`, `/en/space`, `/admin`…), and the API. */
export function privatePrefixes(): string[] {
  const routes = [
    ...PRIVATE_SECTIONS,
    ...Object.keys(FRENCH_PATHS).filter((p) => PRIVATE_SECTIONS.some((s) => p === s || p.startsWith(`${s}/`))),
  ];
  const paths = routes.flatMap((r) => LANGS.map((lang) => localePath(lang, r)));
  return [...new Set([...paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(`${q}/`))), '/api/'])];
}

export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...privatePrefixes().map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
    `# Atom feeds of releases: ${origin}${feedPath('fr')} ${origin}${feedPath('en')}`,
    `# DCAT-AP catalogue (data.gouv.fr): ${origin}${CATALOG_PATH}`,
    '',
  ].join('\n');
}
