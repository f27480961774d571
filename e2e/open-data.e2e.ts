/**
 * Open data end to end (issue 14), in Chromium against the whole platform with the demo release published: the
 * downloads page serves the files of its language (French `;` and decimal comma, English `,`), the multi-year zip
 * holds a datapackage.json, the schema.org Dataset JSON-LD is in the page and parses, the Atom feeds, sitemap,
 * robots.txt and DCAT catalogue are reachable and well formed; no axe violation, no CSP violation.
 */
import JSZip from 'jszip';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type Session } from './public/browser';
import { startPublicStack, type PublicStack } from './public/stack';
import { platformSuite } from './suite';

let stack: PublicStack;
let browser: Session;

platformSuite(async (keep) => {
  stack = keep(await startPublicStack());
  browser = keep(await openBrowser());
});

/** The bytes of a URL of the dashboard as text, byte order mark kept (fetch's text() drops it). */
async function bytes(url: string): Promise<{ status: number; type: string; text: string; raw: Buffer }> {
  const res = await fetch(url.startsWith('http') ? url : `${stack.dashboardUrl}${url}`);
  const raw = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: raw.toString('utf8'), raw };
}

describe('open data', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`the ${lang} downloads page links ${lang} files, carries the Dataset JSON-LD and has no axe violations`, async () => {
      const page = await browser.context.newPage();
      const res = await page.goto(`${stack.dashboardUrl}${lang === 'en' ? '/en' : ''}/downloads`, {
        waitUntil: 'networkidle',
      });
      expect(res?.status()).toBe(200);
      expect(await axeViolations(page)).toEqual([]);

      // Every summary and multi-year link names the page's language.
      const hrefs = await page
        .locator('a[href^="/api/v1/releases/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(4);
      for (const href of hrefs.filter((h) => !h.includes('codes'))) expect(href, href).toContain(`lang=${lang}`);

      const summaryCsv = hrefs.find((h) => /\/summary\/\d{4}\.csv/.test(h))!;
      const summary = await bytes(summaryCsv);
      expect(summary.status).toBe(200);
      expect(summary.text.startsWith('\ufeff')).toBe(true);
      const header = summary.text.slice(1).split('\r\n')[0];
      expect(header).toBe(
        lang === 'fr' ? 'Tableau;Code;Libellé;Cas;Part (%);Note' : 'Table,Code,Label,Cases,Share (%),Note',
      );

      const allYears = await bytes(hrefs.find((h) => h.includes('/files/all-years.csv'))!);
      expect(allYears.status).toBe(200);
      expect(allYears.text.slice(1).split('\r\n')[0]).toBe(
        lang === 'fr'
          ? 'Année;Population;Tableau;Code;Libellé;Valeur;Statut;Note'
          : 'Year,Population,Table,Code,Label,Value,Status,Note',
      );
      const codes = await bytes(hrefs.find((h) => h.includes('all-years-codes.csv'))!);
      expect(codes.text.startsWith('release,year,view,dimension,code,value,status,reason\r\n')).toBe(true);
      const zip = await JSZip.loadAsync((await bytes(hrefs.find((h) => h.includes('all-years.zip'))!)).raw);
      const pkg = JSON.parse(await zip.file('datapackage.json')!.async('string'));
      expect(pkg.profile).toBe('tabular-data-package');
      expect(pkg.resources.map((r: { dialect: { delimiter: string } }) => r.dialect.delimiter)).toEqual([
        ';',
        ',',
        ',',
      ]);

      // The Dataset JSON-LD, as a search engine reads it from the page.
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      expect(blocks).toHaveLength(1);
      const ld = JSON.parse(blocks[0]!);
      const datasets = ld['@graph'] ?? [ld];
      expect(datasets.length).toBeGreaterThan(0);
      for (const d of datasets) {
        expect(d['@type']).toBe('Dataset');
        expect(d.license).toContain('etalab.gouv.fr');
        expect(d.inLanguage).toBe(lang);
        expect(d.distribution.length).toBeGreaterThan(4);
        expect(d.temporalCoverage).toMatch(/^\d{4}\/\d{4}$/);
      }
      // A distribution link answers with its file.
      const file = await bytes(datasets[0].distribution[0].contentUrl);
      expect(file.status).toBe(200);
      await page.close();
    });

    it(`the ${lang} methodology page states the conventions and carries the Dataset JSON-LD`, async () => {
      const page = await browser.context.newPage();
      await page.goto(`${stack.dashboardUrl}${lang === 'en' ? '/en' : ''}/methodology`, { waitUntil: 'networkidle' });
      expect(await page.locator('#open-data li').count()).toBeGreaterThanOrEqual(5);
      const [block] = await page.locator('script[type="application/ld+json"]').allTextContents();
      expect(JSON.parse(block!)['@type']).toBe('Dataset');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('serves the Atom feeds, the sitemap, robots.txt and the DCAT-AP catalogue', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'entry' });
    for (const [path, lang] of [
      ['/releases.atom', 'fr'],
      ['/en/releases.atom', 'en'],
    ] as const) {
      const feed = await bytes(path);
      expect(feed.status, path).toBe(200);
      expect(feed.type).toContain('application/atom+xml');
      expect(XMLValidator.validate(feed.text)).toBe(true);
      const parsed = parser.parse(feed.text).feed;
      expect(parsed['@xml:lang']).toBe(lang);
      expect(parsed.entry.length).toBeGreaterThan(0);
      expect(parsed.entry[0].id).toMatch(/\/releases\//);
    }
    const sitemap = await bytes('/sitemap.xml');
    expect(sitemap.status).toBe(200);
    expect(XMLValidator.validate(sitemap.text)).toBe(true);
    const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(`${stack.dashboardUrl}/downloads`);
    expect(locs).toContain(`${stack.dashboardUrl}/en/downloads`);
    // Every listed page answers.
    for (const loc of locs) expect((await fetch(loc)).status, loc).toBe(200);

    const robots = await bytes('/robots.txt');
    expect(robots.type).toContain('text/plain');
    expect(robots.text).toContain('Disallow: /espace');
    expect(robots.text).toContain(`Sitemap: ${stack.dashboardUrl}/sitemap.xml`);

    const catalog = await bytes('/catalog.jsonld');
    expect(catalog.type).toContain('application/ld+json');
    const json = JSON.parse(catalog.text);
    expect(json['@type']).toBe('dcat:Catalog');
    const [dataset] = json['dcat:dataset'];
    expect(dataset['dct:license']['@id']).toContain('etalab.gouv.fr');
    const one = await bytes(new URL(dataset['@id']).pathname);
    expect(one.status).toBe(200);
    expect(JSON.parse(one.text)['@type']).toBe('dcat:Dataset');
  });
});
