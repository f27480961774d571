/**
 * The 30 July kit and the trends that say who stands behind them, in Chromium against the whole platform with the
 * demo data published (three associations in 2016, six from 2019 on): the press kit page in French and English,
 * its ZIP downloaded by the browser and opened (every file there, the PNGs decoded at their social sizes, looked at
 * in the browser), the constant-panel ("same associations") view of the channel charts in both languages, the
 * composition said in words on the home page; no axe-core violations.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { releaseCompositionSchema, seriesSetSchema } from '@observatoire/schema';
import type { Stack } from '@observatoire/cli/dist/stack.js';
import { launchChromium, type Session } from './chromium';
import { watchCsp } from './csp';
import { axeViolations, screenshotsOf } from './page-checks';
import { seedDemo, startSeededStack } from './public/stack';
import { platformSuite } from './suite';

const screenshot = screenshotsOf('kit');
const CONTACT = { name: 'Service presse du collectif', email: 'presse@collectif.example', phone: '+33 1 23 45 67 89' };

let stack: Stack;
let browser: Session;

platformSuite(async (keep) => {
  stack = keep(
    await startSeededStack({
      name: 'kit',
      seed: (url, dir) =>
        seedDemo(url, dir, {
          slug: 'kit-e2e',
          notes: { fr: 'Données fictives (tests du kit).', en: 'Fictional data (kit tests).' },
        }),
      env: {
        PRESS_CONTACT_NAME: CONTACT.name,
        PRESS_CONTACT_EMAIL: CONTACT.email,
        PRESS_CONTACT_PHONE: CONTACT.phone,
      },
    }),
  );
  browser = keep(await launchChromium({ name: 'kit-chromium', acceptDownloads: true }));
  watchCsp(browser.context);
});

async function api<T>(p: string, parse: (x: unknown) => T): Promise<T> {
  const res = await fetch(`${stack.apiUrl}${p}`);
  expect(res.status, p).toBe(200);
  return parse(await res.json());
}

const nbsp = (s: string | null) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const KIT = {
  fr: {
    path: '/presse',
    charts: 'graphiques',
    data: 'donnees',
    figures: 'chiffres-cles.txt',
    method: 'methodologie.html',
  },
  en: { path: '/en/press-kit', charts: 'charts', data: 'data', figures: 'key-figures.txt', method: 'methodology.html' },
} as const;
const CHARTS = ['online-offline', 'channels', 'platforms', 'platform-trends', 'exploitation'];

describe('the press kit', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: a page with quotable key figures, caveats, charts, citation and the configured press contact`, async () => {
      const page = await browser.context.newPage();
      const res = await page.goto(`${stack.dashboardUrl}${KIT[lang].path}`, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const composition = await api('/api/v1/stats/composition', (x) => releaseCompositionSchema.parse(x));
      const last = composition.years[composition.years.length - 1];
      const cases = nbsp(await page.locator('[data-sentence="cases"]').textContent());
      expect(cases).toMatch(
        lang === 'fr'
          ? new RegExp(
              `^En ${last.year}, les ${last.associations} associations du collectif qui ont transmis leurs données ont suivi [0-9 ]+ personnes`,
            )
          : new RegExp(
              `^In ${last.year}, the ${last.associations} associations of the collective that sent data supported [0-9,]+ victims`,
            ),
      );
      // The comparison with the year before says who stands behind each side.
      const yoy = composition.comparisons.find((c) => c.to === last.year && c.from === last.year - 1)!;
      expect(await page.locator('[data-sentence="composition"]').textContent()).toBe(yoy.composition[lang]);
      expect(await page.locator('[data-sentence="panel"]').textContent()).toBe(yoy.panelNote[lang]);
      expect(await page.locator('.caveats li').first().textContent()).toMatch(
        lang === 'fr' ? /pas une mesure de prévalence/ : /do not measure prevalence/,
      );
      const contact = nbsp(await page.locator('[data-kit-contact]').textContent());
      for (const part of Object.values(CONTACT)) expect(contact).toContain(part);
      expect(await page.locator('[data-kit-citation]').textContent()).toContain('release=kit-e2e');
      // Every chart is shown as its 1200 × 675 image, decoded by the browser.
      // Lazy images load as they come into view.
      for (const img of await page.locator('[data-kit-chart] img').all()) {
        await img.scrollIntoViewIfNeeded();
        await img.evaluate((i) => (i as HTMLImageElement).decode());
      }
      const sizes = await page
        .locator('[data-kit-chart] img')
        .evaluateAll((imgs) =>
          imgs.map((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]),
        );
      expect(sizes).toEqual(CHARTS.map(() => [1200, 675]));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${lang}-kit`);
      await page.setViewportSize({ width: 360, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `${lang}-kit-360`);
      await page.close();
    });

    it(`${lang}: the ZIP downloads from the page and holds every file, the PNGs at 1200 × 675 and 1080 × 1080`, async () => {
      const page = await browser.context.newPage();
      await page.goto(`${stack.dashboardUrl}${KIT[lang].path}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-kit-zip]').click()]);
      expect(download.suggestedFilename()).toBe(
        lang === 'fr' ? 'observatoire-kit-presse-kit-e2e.zip' : 'observatoire-press-kit-kit-e2e.zip',
      );
      const zip = await JSZip.loadAsync(await readFile((await download.path())!));
      const names = KIT[lang];
      const expected = [
        names.figures,
        names.method,
        'citation.txt',
        lang === 'fr' ? 'LISEZMOI.txt' : 'README.txt',
        lang === 'fr' ? 'contact-presse.txt' : 'press-contact.txt',
        ...CHARTS.flatMap((id) => [
          `${names.charts}/${id}-1200x675.png`,
          `${names.charts}/${id}-1080x1080.png`,
          `${names.charts}/${id}.svg`,
          `${names.data}/${id}.csv`,
        ]),
      ];
      const files = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
      expect(files.sort()).toEqual(expected.sort());
      for (const id of CHARTS) {
        const wide = await zip.file(`${names.charts}/${id}-1200x675.png`)!.async('uint8array');
        const square = await zip.file(`${names.charts}/${id}-1080x1080.png`)!.async('uint8array');
        expect(pngSize(wide)).toEqual({ width: 1200, height: 675 });
        expect(pngSize(square)).toEqual({ width: 1080, height: 1080 });
        expect(await zip.file(`${names.charts}/${id}.svg`)!.async('string')).toMatch(/<svg[^>]+role="img"/);
        const csv = await zip.file(`${names.data}/${id}.csv`)!.async('string');
        expect(csv.split('\n')[0]).toContain(lang === 'fr' ? 'Publication;Année' : 'Release,Year');
      }
      // Looked at in the browser: the square picture of the platform trends decodes and is not blank.
      const square = await zip.file(`${names.charts}/platform-trends-1080x1080.png`)!.async('base64');
      const look = await browser.context.newPage();
      await look.setContent(`<img id="p" alt="" src="data:image/png;base64,${square}">`);
      const seen = await look.evaluate(async () => {
        const img = document.getElementById('p') as HTMLImageElement;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let dark = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 300) dark++;
        return { w: img.naturalWidth, h: img.naturalHeight, dark };
      });
      expect(seen.w).toBe(1080);
      expect(seen.dark).toBeGreaterThan(2000);
      await look.close();
      const figures = nbsp(await zip.file(names.figures)!.async('string'));
      expect(figures).toContain(nbsp(await page.locator('[data-sentence="cases"]').textContent()));
      expect(figures).toContain(CONTACT.email);
      const method = await zip.file(names.method)!.async('string');
      expect(method).toContain(`<html lang="${lang}">`);
      expect(method).not.toMatch(/<script|https?:\/\/[^"]+\.(js|css)/);
      expect(await zip.file('citation.txt')!.async('string')).toContain('kit-e2e');
      await page.close();
    });
  }

  it('a kit for a release that does not exist is a clear 404, in both languages', async () => {
    for (const url of ['/presse?release=nope-1', '/en/press-kit?release=nope-1', '/presse/kit.zip?release=nope-1']) {
      const res = await fetch(`${stack.dashboardUrl}${url}`);
      expect(res.status, url).toBe(404);
    }
  });
});

describe('trends on the same associations', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: the channel charts switch to the same associations, with the table and downloads following`, async () => {
      const composition = await api('/api/v1/stats/composition', (x) => releaseCompositionSchema.parse(x));
      const years = composition.years.map((y) => y.year);
      const span = composition.comparisons.find((c) => c.from === years[0] && c.to === years[years.length - 1])!;
      const series = await api(
        `/api/v1/stats/series?dimension=recruitmentChannelGroup&panel=${span.from}-${span.to}`,
        (x) => seriesSetSchema.parse(x),
      );
      const online = series.series.find((s) => s.code === 'online')!;
      const page = await browser.context.newPage();
      const base = `${stack.dashboardUrl}${lang === 'en' ? '/en' : ''}/recruitment-channels`;
      await page.goto(base, { waitUntil: 'networkidle' });
      // Switched with the control: the URL keeps the state.
      await page.locator('#online-offline select[name="online-offline.panel"]').selectOption('same');
      await page.waitForURL(/online-offline\.panel=same/);
      await expect
        .poll(() => page.locator('#online-offline .subtitle').textContent())
        .toContain(
          lang === 'fr'
            ? `mêmes associations : les ${span.associations.panel} associations présentes chaque année de ${span.from} à ${span.to}`
            : `same associations: the ${span.associations.panel} associations present every year from ${span.from} to ${span.to}`,
        );
      const notes = await page.locator('#online-offline .notes').textContent();
      expect(notes).toContain(
        lang === 'fr' ? 'Mêmes associations : ne sont comptées que' : 'Same associations: only the associations',
      );
      // The table view shows the panel's numbers, withheld ones as withheld.
      await page.locator('#online-offline .table-view summary').click();
      const table = nbsp(await page.locator('#online-offline .table-view table').textContent());
      for (const p of online.points) {
        if ('value' in p.cell)
          expect(table).toContain(
            new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB')
              .format(p.cell.value)
              .replace(/[\u202f\u00a0]/g, ' '),
          );
      }
      // Downloads follow the switch.
      const png = await page.locator('#online-offline a[href*="chart.png"]').getAttribute('href');
      expect(png).toContain('panel=same');
      const csvUrl = (await page.locator('#online-offline a[href*="full.csv"]').getAttribute('href'))!;
      const csv = await (await fetch(csvUrl)).text();
      expect(csv).toContain(`online-offline (panel:${span.from}-${span.to})`);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${lang}-same-associations`);
      // A shared link reproduces the view, and the other chart keeps its own state.
      const shared = await browser.context.newPage();
      await shared.goto(`${base}?channels.panel=same`, { waitUntil: 'networkidle' });
      expect(await shared.locator('#channels select[name="channels.panel"]').inputValue()).toBe('same');
      expect(await shared.locator('#online-offline select[name="online-offline.panel"]').inputValue()).toBe('all');
      await shared.close();
      await page.close();
    });
  }

  it('the home page says how many associations stand behind each side of its comparisons', async () => {
    const composition = await api('/api/v1/stats/composition', (x) => releaseCompositionSchema.parse(x));
    const last = composition.years[composition.years.length - 1].year;
    for (const lang of ['fr', 'en'] as const) {
      const page = await browser.context.newPage();
      await page.goto(`${stack.dashboardUrl}${lang === 'en' ? '/en' : '/'}`, { waitUntil: 'networkidle' });
      const yoy = composition.comparisons.find((c) => c.from === last - 1 && c.to === last)!;
      const section = page.locator('[data-comparison="year-on-year"]');
      expect(await section.textContent()).toContain(yoy.composition[lang]);
      const five = composition.comparisons.find((c) => c.from === last - 5 && c.to === last);
      if (five)
        expect(await page.locator('[data-comparison="five-year"]').textContent()).toContain(five.composition[lang]);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it('the platforms over the years: published platforms only, withheld years never drawn as values', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.dashboardUrl}/en/recruitment-channels`, { waitUntil: 'networkidle' });
    const svg = page.locator('svg[role="img"][data-chart="chart-platform-trends"]');
    await expect.poll(() => svg.count()).toBe(1);
    expect(await svg.locator('path').count()).toBeGreaterThan(0);
    await page.locator('#platform-trends .table-view summary').click();
    const rows = await page.locator('#platform-trends .table-view tbody th').allTextContents();
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.join('|')).not.toMatch(/Not applicable|Unknown/);
    const cells = await page.locator('#platform-trends .table-view td').allTextContents();
    // Below the platform threshold a number is never shown: every number in the table is at least 10.
    for (const c of cells) {
      const n = Number(c.replace(/[^0-9]/g, ''));
      if (/^[0-9,\s]+$/.test(c.trim())) expect(n).toBeGreaterThanOrEqual(10);
    }
    const png = await fetch(`${stack.dashboardUrl}/en/charts/platform-trends/social-1080x1080.png`);
    expect(png.status).toBe(200);
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 1080, height: 1080 });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
