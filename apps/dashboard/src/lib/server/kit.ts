import JSZip from 'jszip';
import { config } from '@observatoire/config';
import type { ReleaseComposition } from '@observatoire/schema';
import type { ApiClient } from '$lib/api/client.js';
import type { ReleaseInfo } from '$lib/api/types.js';
import { SPECS, type ChartData, type ChartId } from '$lib/charts/specs.js';
import { formatCount, formatDate, t, type Lang } from '$lib/i18n/index.js';
import { localePath } from '$lib/paths.js';
import { loadChart, loadFullData } from './chart.js';
import { caveats, keyFigureSentences, type KitSentence } from './kit-text.js';

export { keyFigureSentences, type KitSentence };
import { rowsOf, toCsv } from './csv.js';
import { chartPng, chartSvg, SOCIAL_SIZES } from './render.js';

/** The charts of the press kit, in the order a newsroom reads them. */
export const KIT_CHARTS: readonly ChartId[] = [
  'online-offline',
  'channels',
  'platforms',
  'platform-trends',
  'exploitation',
];

export interface PressContact {
  name: string;
  email: string | null;
  phone: string | null;
}

/** Everything the kit page and its ZIP show, for one release and one language. */
export interface Kit {
  lang: Lang;
  release: ReleaseInfo;
  year: number;
  sentences: KitSentence[];
  caveats: string[];
  associationsPerYear: ReleaseComposition['years'];
  methodology: string;
  citation: string;
  /** The kit page of this very release (pinned), as cited. */
  permalink: string;
  contact: PressContact;
  charts: ChartData[];
}

export function pressContact(): PressContact {
  const c = config();
  return { name: c.PRESS_CONTACT_NAME, email: c.PRESS_CONTACT_EMAIL ?? null, phone: c.PRESS_CONTACT_PHONE ?? null };
}

/**
 * Loads a release's kit: the latest year's key figures written as sentences (numbers, what they cover, caveats),
 * the comparison with the year before (who stands behind each side, the same associations), the main charts.
 */
export async function loadKit(
  client: ApiClient,
  release: ReleaseInfo,
  requested: string,
  lang: Lang,
  origin: string,
): Promise<Kit> {
  const year = release.referenceYears[release.referenceYears.length - 1];
  const [summary, platforms, composition, charts] = await Promise.all([
    client.summary(release.id, year),
    client.breakdown(release.id, 'recruitmentPlatform', year),
    release.referenceYears.length > 1 ? client.composition(release.id) : Promise.resolve(null),
    Promise.all(KIT_CHARTS.map((id) => loadChart(client, SPECS[id], SPECS[id].defaults, release, requested, lang))),
  ]);
  const permalink = `${origin}${localePath(lang, '/press-kit')}?release=${encodeURIComponent(release.slug)}`;
  const date = formatDate(release.publishedAt, lang);
  return {
    lang,
    release,
    year,
    sentences: keyFigureSentences(lang, summary, platforms, summary.comparison),
    caveats: caveats(lang, release, composition),
    associationsPerYear: composition?.years ?? [{ year, associations: summary.contributingAssociations }],
    methodology: summary.methodology[lang],
    citation: t(lang, 'kit.citation', {
      collective: t(lang, 'site.collective'),
      release: release.slug,
      date,
      url: permalink,
    }),
    permalink,
    contact: pressContact(),
    charts,
  };
}

const FOLDERS = {
  fr: {
    charts: 'graphiques',
    data: 'donnees',
    figures: 'chiffres-cles.txt',
    method: 'methodologie.html',
    readme: 'LISEZMOI.txt',
    contact: 'contact-presse.txt',
  },
  en: {
    charts: 'charts',
    data: 'data',
    figures: 'key-figures.txt',
    method: 'methodology.html',
    readme: 'README.txt',
    contact: 'press-contact.txt',
  },
} as const;

export function kitFileName(kit: Pick<Kit, 'lang' | 'release'>): string {
  return `${kit.lang === 'fr' ? 'observatoire-kit-presse' : 'observatoire-press-kit'}-${kit.release.slug}.zip`;
}

/**
 * The kit as one ZIP: key figures and caveats (text), the main charts at 1200 × 675 and 1080 × 1080 (PNG) and as
 * SVG, the numbers behind each chart (CSV), the methodology on one page (HTML), the citation and the press contact.
 */
export async function kitZip(kit: Kit, client: ApiClient, origin: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const names = FOLDERS[kit.lang];
  const shortUrl = `${origin}${kit.lang === 'en' ? '/en' : ''}`;
  for (const chart of kit.charts) {
    const base = `${names.charts}/${chart.id}`;
    for (const [size, dims] of Object.entries(SOCIAL_SIZES))
      zip.file(`${base}-${size}.png`, chartPng(chart, shortUrl, dims));
    zip.file(`${base}.svg`, chartSvg(chart, shortUrl));
    const full = await loadFullData(client, SPECS[chart.id], kit.release, chart.release.requested, kit.lang);
    zip.file(`${names.data}/${chart.id}.csv`, toCsv(full.flatMap(rowsOf), kit.lang));
  }
  zip.file(names.figures, keyFiguresText(kit));
  zip.file(names.method, methodologyHtml(kit));
  zip.file('citation.txt', `${kit.citation}\n`);
  zip.file(names.contact, `${contactLines(kit).join('\n')}\n`);
  zip.file(names.readme, readmeText(kit, names));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export function contactLines(kit: Pick<Kit, 'lang' | 'contact'>): string[] {
  const c = kit.contact;
  return [
    t(kit.lang, 'kit.contact'),
    c.name,
    ...(c.email ? [`${t(kit.lang, 'kit.email')} ${c.email}`] : []),
    ...(c.phone ? [`${t(kit.lang, 'kit.phone')} ${c.phone}`] : []),
  ];
}

function keyFiguresText(kit: Kit): string {
  const title = t(kit.lang, 'kit.figuresTitle', { year: kit.year, release: kit.release.slug });
  return [
    title,
    '',
    ...kit.sentences.map((s) => `- ${s.text}`),
    '',
    t(kit.lang, 'kit.caveatsTitle'),
    ...kit.caveats.map((c) => `- ${c}`),
    '',
    t(kit.lang, 'kit.citeTitle'),
    kit.citation,
    '',
    ...contactLines(kit),
    '',
  ].join('\n');
}

function readmeText(kit: Kit, names: (typeof FOLDERS)[Lang]): string {
  return [
    t(kit.lang, 'kit.readme.title', { release: kit.release.slug, date: formatDate(kit.release.publishedAt, kit.lang) }),
    '',
    `${names.figures}: ${t(kit.lang, 'kit.readme.figures')}`,
    `${names.charts}/: ${t(kit.lang, 'kit.readme.charts')}`,
    `${names.data}/: ${t(kit.lang, 'kit.readme.data')}`,
    `${names.method}: ${t(kit.lang, 'kit.readme.method')}`,
    `citation.txt: ${t(kit.lang, 'kit.readme.citation')}`,
    `${names.contact}: ${t(kit.lang, 'kit.readme.contact')}`,
    '',
    t(kit.lang, 'kit.licence'),
    '',
  ].join('\n');
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The methodology on one printable page, self-contained (no script, no external resource). */
export function methodologyHtml(kit: Kit): string {
  const lang = kit.lang;
  const rows = kit.associationsPerYear
    .map((y) => `<tr><th scope="row">${y.year}</th><td>${formatCount(y.associations, lang)}</td></tr>`)
    .join('');
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(t(lang, 'kit.methodTitle', { release: kit.release.slug }))}</title>
<style>
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1a1a1a}
h1{font-size:1.4rem}h2{font-size:1.05rem;margin-top:1.4rem}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.2rem .6rem;text-align:right}
@media print{body{margin:0;font-size:10pt}}
</style>
</head>
<body>
<h1>${escapeHtml(t(lang, 'kit.methodTitle', { release: kit.release.slug }))}</h1>
<p>${escapeHtml(kit.methodology)}</p>
<h2>${escapeHtml(t(lang, 'kit.caveatsTitle'))}</h2>
${list(kit.caveats)}
<h2>${escapeHtml(t(lang, 'kit.associationsTitle'))}</h2>
<table><thead><tr><th scope="col">${escapeHtml(t(lang, 'filter.year'))}</th><th scope="col">${escapeHtml(t(lang, 'kit.associationsColumn'))}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${escapeHtml(t(lang, 'kit.citeTitle'))}</h2>
<p>${escapeHtml(kit.citation)}</p>
<p>${escapeHtml(t(lang, 'kit.licence'))}</p>
<h2>${escapeHtml(t(lang, 'kit.contact'))}</h2>
<p>${contactLines(kit).slice(1).map(escapeHtml).join('<br>')}</p>
</body>
</html>
`;
}
