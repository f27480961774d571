/**
 * The Atom feed of releases (RFC 4287), one per language: `/releases.atom` in French, `/en/releases.atom` in
 * English. A newsroom or a data portal subscribes and learns of a new release, its title, notes and files.
 * Written with fast-xml-parser's builder (escaping included), never by string concatenation.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { ETALAB_LICENCE } from '@observatoire/schema/payloads';
import { newestFirst } from '$lib/api/releases.js';
import { t, type Lang } from '$lib/i18n/index.js';
import type { DatasetRelease } from './dataset.js';
import { allYearsUrl, dcatPath, feedPath, pageUrl } from './urls.js';
import { releasePageUrl } from '$lib/charts/links.js';
import { noticeText } from '$lib/charts/notices.js';

/** An erratum or retraction attached to a release after it was published. */
export interface FeedNotice {
  kind: 'erratum' | 'retraction';
  text: { fr: string; en: string };
  createdAt: string;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  suppressEmptyNode: true,
});

function entry(release: DatasetRelease, origin: string, lang: Lang, notices: FeedNotice[] = []) {
  const years = release.referenceYears;
  const page = pageUrl(origin, lang, '/downloads', release.slug);
  // An erratum or a retraction comes first in the entry, and updates it (its date is the entry's `updated`).
  const said = notices.map((n) => noticeText({ kind: n.kind, text: n.text[lang], createdAt: n.createdAt }, lang));
  const updated = [release.publishedAt, ...notices.map((n) => n.createdAt)].sort().at(-1)!;
  const summary = [
    ...said,
    t(lang, 'feed.entry', { from: years[0] ?? '', to: years.at(-1) ?? '' }),
    release.notes?.[lang]?.trim() ?? '',
    release.demo ? t(lang, 'demo.banner') : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    id: `${origin}/releases/${encodeURIComponent(release.slug)}`,
    title: { '@type': 'text', '#text': `${release.title[lang]} (${release.slug})` },
    updated,
    published: release.publishedAt,
    link: [
      { '@rel': 'alternate', '@type': 'text/html', '@hreflang': lang, '@href': page },
      {
        '@rel': 'related',
        '@type': 'text/html',
        '@hreflang': lang,
        '@title': t(lang, 'chart.releaseLinkText', { release: release.slug }),
        '@href': releasePageUrl(origin, lang, release.slug),
      },
      {
        '@rel': 'enclosure',
        '@type': 'application/zip',
        '@title': t(lang, 'downloads.allYears', { from: years[0] ?? '', to: years.at(-1) ?? '' }),
        '@href': allYearsUrl(origin, release, 'all-years.zip', lang),
      },
      { '@rel': 'describedby', '@type': 'application/ld+json', '@href': `${origin}${dcatPath(release.slug)}` },
    ],
    summary: { '@type': 'text', '#text': summary },
    category: years.map((y) => ({ '@term': String(y) })),
  };
}

/** The feed's XML text, newest release first. */
export function releasesFeed(
  releases: DatasetRelease[],
  origin: string,
  lang: Lang,
  notices: ReadonlyMap<string, FeedNotice[]> = new Map(),
): string {
  const sorted = newestFirst(releases);
  const self = `${origin}${feedPath(lang)}`;
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const feed = {
    '?xml': { '@version': '1.0', '@encoding': 'utf-8' },
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xml:lang': lang,
      id: self,
      title: { '@type': 'text', '#text': t(lang, 'feed.title') },
      subtitle: { '@type': 'text', '#text': t(lang, 'site.tagline') },
      // A feed with no entry is still valid: its date is then the epoch, never "now" (the bytes must not change).
      updated:
        [...sorted.map((r) => r.publishedAt), ...[...notices.values()].flat().map((n) => n.createdAt)].sort().at(-1) ??
        new Date(0).toISOString(),
      author: { name: t(lang, 'site.collective'), uri: pageUrl(origin, lang, '/about') },
      rights: `${ETALAB_LICENCE.name} – ${ETALAB_LICENCE.url}`,
      link: [
        { '@rel': 'self', '@type': 'application/atom+xml', '@href': self },
        { '@rel': 'alternate', '@type': 'text/html', '@hreflang': lang, '@href': pageUrl(origin, lang, '/downloads') },
        {
          '@rel': 'alternate',
          '@type': 'application/atom+xml',
          '@hreflang': other,
          '@href': `${origin}${feedPath(other)}`,
        },
      ],
      generator: 'Observatoire',
      entry: sorted.map((r) => entry(r, origin, lang, notices.get(r.id))),
    },
  };
  return builder.build(feed) as string;
}
