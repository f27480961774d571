import jsonld from 'jsonld';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { datasetJsonLd, jsonLdText, type DatasetRelease } from './dataset.js';
import { dcatCatalog, dcatDocument } from './dcat.js';
import { releasesFeed } from './feed.js';
import { robotsTxt, sitemapXml } from './sitemap.js';

const origin = 'https://obs.example';
const release = (over: Partial<DatasetRelease> = {}): DatasetRelease => ({
  id: '0b6c3f5e-8f3a-4c1e-9a57-1f2d3e4c5b6a',
  slug: '2026-07-30',
  title: { fr: 'Édition du 30 juillet 2026', en: '30 July 2026 edition' },
  notes: { fr: 'Deux associations de plus.', en: 'Two more associations.' },
  referenceYears: [2021, 2022, 2023, 2024, 2025],
  publishedAt: '2026-07-30T08:00:00.000Z',
  createdAt: '2026-07-29T18:00:00.000Z',
  ...over,
});

describe('schema.org Dataset JSON-LD (Google Dataset guidance)', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`has the required and recommended properties (${lang})`, () => {
      const d = datasetJsonLd(release(), origin, lang);
      expect(d['@context']).toBe('https://schema.org/');
      expect(d['@type']).toBe('Dataset');
      // Required: name and a description of 50 to 5,000 characters.
      expect(d.name).toContain(release().title[lang]);
      expect(d.description.length).toBeGreaterThanOrEqual(50);
      expect(d.description.length).toBeLessThanOrEqual(5000);
      // Recommended.
      expect(d.license).toBe('https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
      expect(d.creator).toMatchObject({ '@type': 'Organization', name: expect.any(String), url: expect.any(String) });
      expect(d.temporalCoverage).toBe('2021/2025');
      expect(d.dateModified).toBe('2026-07-30T08:00:00.000Z');
      expect(d.version).toBe('2026-07-30');
      expect(d.url).toMatch(/^https:\/\/obs\.example\/(en\/)?downloads\?release=2026-07-30$/);
      expect(d.distribution.length).toBe(4 + 5 * 4);
      for (const file of d.distribution) {
        expect(file['@type']).toBe('DataDownload');
        expect(file.contentUrl).toMatch(/^https:\/\/obs\.example\/api\/v1\/releases\//);
        expect(file.encodingFormat).toMatch(/^(text\/csv|application\/(pdf|json|zip|vnd\.openxml.+))$/);
        if (!file.contentUrl.includes('codes')) expect(file.contentUrl).toContain(`lang=${lang}`);
      }
    });
  }

  it('escapes "<" so that an admin\'s notes cannot close the script element', () => {
    const text = jsonLdText(
      datasetJsonLd(release({ notes: { fr: '</script><script>alert(1)</script>', en: 'x' } }), origin, 'fr'),
    );
    expect(text).not.toContain('<');
    expect(JSON.parse(text).description).toContain('</script><script>alert(1)</script>');
  });
});

describe('DCAT-AP description for data.gouv.fr', () => {
  const DCAT = 'http://www.w3.org/ns/dcat#';
  const DCT = 'http://purl.org/dc/terms/';

  it('expands as JSON-LD into a dcat:Dataset with the mandatory and recommended DCAT-AP properties', async () => {
    const [dataset] = (await jsonld.expand(dcatDocument(release(), origin) as never)) as Record<string, unknown[]>[];
    expect(dataset!['@type']).toEqual([`${DCAT}Dataset`]);
    for (const p of ['title', 'description', 'issued', 'modified', 'license', 'publisher', 'temporal', 'spatial']) {
      expect(dataset![`${DCT}${p}`], p).toBeDefined();
    }
    expect(dataset![`${DCT}title`]).toEqual([
      { '@value': 'Édition du 30 juillet 2026 (2021–2025)', '@language': 'fr' },
      { '@value': '30 July 2026 edition (2021–2025)', '@language': 'en' },
    ]);
    expect(dataset![`${DCT}license`]).toEqual([{ '@id': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' }]);
    const distributions = dataset![`${DCAT}distribution`] as Record<string, unknown[]>[];
    expect(distributions).toHaveLength(5 + 5 * 4);
    for (const d of distributions) {
      expect(d['@type']).toEqual([`${DCAT}Distribution`]);
      expect(d[`${DCAT}accessURL`]).toHaveLength(1);
      expect((d[`${DCAT}downloadURL`]![0] as { '@id': string })['@id']).toMatch(/^https:\/\/obs\.example\/api\//);
      expect((d[`${DCAT}mediaType`]![0] as { '@id': string })['@id']).toMatch(
        /^http:\/\/www\.iana\.org\/assignments\/media-types\/(text|application)\//,
      );
    }
  });

  it('lists every release in one dcat:Catalog', async () => {
    const catalog = dcatCatalog(
      [release(), release({ id: 'a6f0e1c2-0000-4000-8000-000000000001', slug: '2025-07-30' })],
      origin,
    );
    const [expanded] = (await jsonld.expand(catalog as never)) as Record<string, unknown[]>[];
    expect(expanded!['@type']).toEqual([`${DCAT}Catalog`]);
    expect(expanded![`${DCAT}dataset`]).toHaveLength(2);
    expect(expanded![`${DCT}publisher`]).toBeDefined();
  });
});

describe('Atom feed of releases (RFC 4287)', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (n) => ['entry', 'link'].includes(n),
  });

  it('puts an erratum first in its release entry, dates the entry and the feed by it, and links the release page', () => {
    const notices = new Map([
      [
        release().id,
        [
          {
            kind: 'erratum' as const,
            text: { fr: 'Total 2024 corrigé.', en: '2024 total corrected.' },
            createdAt: '2026-08-02T09:00:00.000Z',
          },
        ],
      ],
    ]);
    const xml = releasesFeed(
      [
        release(),
        release({
          id: 'a6f0e1c2-0000-4000-8000-000000000001',
          slug: '2025-07-30',
          publishedAt: '2025-07-30T08:00:00.000Z',
        }),
      ],
      origin,
      'fr',
      notices,
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed.updated).toBe('2026-08-02T09:00:00.000Z');
    const [corrected, other] = feed.entry;
    expect(corrected.updated).toBe('2026-08-02T09:00:00.000Z');
    expect(corrected.published).toBe('2026-07-30T08:00:00.000Z');
    expect(corrected.summary['#text']).toMatch(/^Erratum du 2 août 2026 : Total 2024 corrigé\./);
    expect(corrected.link.find((l: Record<string, string>) => l['@rel'] === 'related')['@href']).toBe(
      `${origin}/publications/2026-07-30`,
    );
    expect(other.summary['#text']).not.toContain('Erratum');
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`is well-formed and has the elements RFC 4287 requires (${lang})`, () => {
      const xml = releasesFeed(
        [
          release({ slug: '2025-07-30', publishedAt: '2025-07-30T08:00:00.000Z' }),
          release({ title: { fr: 'A & <B>', en: 'A & <B>' } }),
        ],
        origin,
        lang,
      );
      expect(XMLValidator.validate(xml)).toBe(true);
      const { feed } = parser.parse(xml);
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed['@xml:lang']).toBe(lang);
      expect(feed.id).toBe(`${origin}${lang === 'en' ? '/en' : ''}/releases.atom`);
      expect(feed.title['#text']).toBeTruthy();
      expect(feed.updated).toBe('2026-07-30T08:00:00.000Z');
      expect(feed.author.name).toBeTruthy();
      expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(feed.id);
      expect(feed.link.some((l: Record<string, string>) => l['@rel'] === 'alternate')).toBe(true);
      // Newest first; each entry with id, title, updated and an alternate link; text escaped, read back intact.
      expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([
        `${origin}/releases/2026-07-30`,
        `${origin}/releases/2025-07-30`,
      ]);
      for (const e of feed.entry) {
        expect(e.title['#text']).toBeTruthy();
        expect(e.updated).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(e.link.some((l: Record<string, string>) => l['@rel'] === 'alternate')).toBe(true);
      }
      expect(feed.entry[0].title['#text']).toBe('A & <B> (2026-07-30)');
    });
  }

  it('is valid with no release yet', () => {
    const xml = releasesFeed([], origin, 'fr');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).feed.updated).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('lists every public page in both languages, each with its hreflang alternates', () => {
    const xml = sitemapXml(origin, '2026-07-30T08:00:00.000Z');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    const urls = parsed.urlset.url as { loc: string; 'xhtml:link': Record<string, string>[] }[];
    const locs = urls.map((u) => u.loc);
    for (const page of ['', '/recruitment-channels', '/profiles', '/methodology', '/downloads', '/about']) {
      expect(locs).toContain(`${origin}${page || '/'}`);
      expect(locs).toContain(`${origin}/en${page}`);
    }
    for (const u of urls) {
      const langs = u['xhtml:link'].map((l) => l['@hreflang']).sort();
      expect(langs).toEqual(['en', 'fr', 'x-default']);
      expect(u['xhtml:link'].map((l) => l['@href'])).toContain(u.loc);
    }
    expect(locs.some((l) => /space|espace|admin|api/.test(l))).toBe(false);
  });

  it('robots.txt disallows the private sections in both languages and the API, and names the sitemap', () => {
    const lines = robotsTxt(origin).split('\n');
    for (const p of ['/espace', '/en/space', '/admin', '/en/admin', '/api/']) expect(lines).toContain(`Disallow: ${p}`);
    expect(lines).toContain('Allow: /');
    expect(lines).toContain(`Sitemap: ${origin}/sitemap.xml`);
  });
});
