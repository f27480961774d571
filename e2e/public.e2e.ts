/**
 * The public dashboard end to end, in Chromium against the real platform with the demo data published:
 * every page renders its charts on the server, filters live in the URL, a shared link reproduces the view,
 * downloads are valid files carrying the API's numbers, the embed resizes inside an iframe, no axe-core
 * violations, usable at 360 px and without JavaScript, and a clear message when the API is down.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { breakdownSchema, releaseSchema, seriesSetSchema } from '@observatoire/schema';
import { axeViolations, openBrowser, screenshot, type Session } from './public/browser';
import { drawnBars, drawnTime, persons, withheldCells, type DrawnBar } from './public/every-year';
import { drawnSeries, legendKeys, showSvg, svgTextIssues } from './public/layout';
import { startPublicStack, type PublicStack } from './public/stack';
import { platformSuite } from './suite';

let stack: PublicStack;
let browser: Session;

platformSuite(async (keep) => {
  stack = keep(await startPublicStack());
  browser = keep(await openBrowser());
});

async function api<T>(p: string): Promise<T> {
  const res = await fetch(`${stack.apiUrl}${p}`);
  expect(res.status, p).toBe(200);
  return (await res.json()) as T;
}

async function latestRelease() {
  const body = await api<unknown>('/api/v1/releases');
  const list = (
    Array.isArray(body)
      ? body
      : ((body as { releases?: unknown[]; items?: unknown[] }).releases ?? (body as { items: unknown[] }).items)
  ) as unknown[];
  const releases = list.map((r) => releaseSchema.parse(r)).filter((r) => r.status === 'published');
  releases.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  return releases[0];
}

const PAGES: { path: string; charts: string[] }[] = [
  { path: '/', charts: ['online-offline'] },
  { path: '/recruitment-channels', charts: ['online-offline', 'channels', 'platforms'] },
  { path: '/profiles', charts: ['exploitation', 'gender', 'age-band', 'region'] },
  { path: '/methodology', charts: [] },
  { path: '/downloads', charts: [] },
  { path: '/about', charts: [] },
];

describe('public dashboard', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const p of PAGES) {
      it(`renders ${lang} ${p.path} with its charts and no axe violations`, async () => {
        const page = await browser.context.newPage();
        const url = `${stack.dashboardUrl}${lang === 'en' ? (p.path === '/' ? '/en' : `/en${p.path}`) : p.path}`;
        const res = await page.goto(url, { waitUntil: 'networkidle' });
        expect(res?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        for (const id of p.charts) {
          const svg = page.locator(`svg[role="img"][data-chart="chart-${id}"]`);
          await expect.poll(() => svg.count()).toBe(1);
          // Something is drawn: lines, areas, or bars.
          expect(await svg.locator('path, .bar rect').count()).toBeGreaterThan(0);
          expect((await svg.locator('desc').textContent())?.length).toBeGreaterThan(20);
        }
        // The demo data is fictional and says so.
        await expect.poll(() => page.locator('.demo-banner').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `${lang}${p.path === '/' ? '-home' : p.path.replace(/\//g, '-')}`);
        await page.close();
      });
    }
  }

  it('puts charts and French numbers in the HTML before any JavaScript runs', async () => {
    const html = await (await fetch(`${stack.dashboardUrl}/recruitment-channels`)).text();
    expect(html).toContain('data-chart="chart-channels"');
    expect(html).toMatch(/<path d="M[\d.]+,[\d.]+L/);
    const release = await latestRelease();
    expect(html).toContain(release.slug);
    // A four-digit count in the tables is grouped with U+202F, never a plain or non-breaking space.
    expect(html).not.toMatch(/\d\u00a0\d{3}\b/);
  });

  it('is fully usable without JavaScript: charts, tables and the filter form work', async () => {
    const session = await openBrowser({ javaScriptEnabled: false });
    try {
      const page = await session.context.newPage();
      await page.goto(`${stack.dashboardUrl}/recruitment-channels`);
      expect(await page.locator('svg[data-chart="chart-channels"] path').count()).toBeGreaterThan(0);
      const form = page.locator('#channels form.filters');
      await form.locator('select[name="channels.view"]').selectOption('area');
      await form.getByRole('button').click();
      await page.waitForURL(/channels\.view=area/);
      expect(await page.getAttribute('svg[data-chart="chart-channels"]', 'data-view')).toBe('area');
      await screenshot(page, 'no-js-recruitment');
    } finally {
      await session.close();
    }
  });

  it('changes the URL and the chart with a filter, and a shared link reproduces the view', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.dashboardUrl}/recruitment-channels`, { waitUntil: 'networkidle' });
    const svg = page.locator('svg[data-chart="chart-channels"]');
    const before = await svg.locator('.lines path').first().getAttribute('d');
    await page.locator('select[name="channels.group"]').selectOption('offline');
    await page.waitForURL(/channels\.group=offline/);
    await page.locator('select[name="channels.view"]').selectOption('area');
    await page.waitForURL(/channels\.view=area/);
    await expect.poll(() => svg.getAttribute('data-view')).toBe('area');
    const shared = page.url();
    const legend = await page.locator('#channels .legend').textContent();
    const areas = await svg.locator('.areas path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    expect(areas.length).toBeGreaterThan(0);
    expect(areas[0]).not.toBe(before);
    await screenshot(page, 'filtered-channels');

    const other = await browser.context.newPage();
    await other.goto(shared, { waitUntil: 'networkidle' });
    const svg2 = other.locator('svg[data-chart="chart-channels"]');
    expect(await svg2.getAttribute('data-view')).toBe('area');
    expect(await other.locator('#channels .legend').textContent()).toBe(legend);
    expect(await svg2.locator('.areas path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')))).toEqual(areas);
    // The preview image of the shared link shows the same view.
    const og = await other.getAttribute('meta[property="og:image"]', 'content');
    expect(og).toContain('view=area');
    await page.close();
    await other.close();
  });

  it('serves PNG, SVG, CSV and ZIP downloads carrying the API numbers', async () => {
    const release = await latestRelease();
    const base = `${stack.dashboardUrl}/charts/online-offline`;
    const q = `?release=${release.slug}&view=lines`;

    const png = Buffer.from(await (await fetch(`${base}/chart.png${q}`)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1600); // 800 px laid out, rendered at 2×

    const svg = await (await fetch(`${base}/chart.svg${q}`)).text();
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain("font-family=\"'DejaVu Sans', Verdana");
    expect(svg).toContain(`publication ${release.slug}`);

    const set = seriesSetSchema.parse(
      await api(`/api/v1/stats/series?dimension=recruitmentChannelGroup&release=${release.id}`),
    );
    // The machine-readable file (codes, RFC 4180); the French page's data.csv is the French dialect.
    // Read as bytes: fetch's text() drops the byte order mark.
    const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer()).toString('utf8');
    const french = await bytes(`${base}/data.csv${q}`);
    expect(french.startsWith('\ufeffPublication;Année;Graphique;Code;Libellé;Valeur;Statut;Note\r\n')).toBe(true);
    const english = await bytes(`${stack.dashboardUrl}/en/charts/online-offline/data.csv${q}`);
    expect(english.startsWith('\ufeffRelease,Year,Chart,Code,Label,Value,Status,Note\r\n')).toBe(true);
    const csv = await bytes(`${base}/codes.csv${q}`);
    expect(csv.startsWith('release,')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('release,year,chart,code,value,status,reason');
    let compared = 0;
    // Every code of the dimension (the yearly total the API adds first is not part of this chart).
    for (const s of set.series.filter((x) => x.dimension !== null)) {
      for (const p of s.points) {
        const code = s.code ?? s.key;
        const line = lines.find((l) => l.startsWith(`${release.slug},${p.year},online-offline,${code},`));
        expect(line, `${code} ${p.year}`).toBeDefined();
        if ('value' in p.cell) expect(line!.endsWith(`,${p.cell.value},published,`)).toBe(true);
        else expect(line).toMatch(/,,withheld,[a-z_]+$/);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5);

    const zip = await JSZip.loadAsync(await (await fetch(`${base}/data.zip${q}`)).arrayBuffer());
    const names = Object.keys(zip.files);
    expect(names.some((n) => n.endsWith('.xlsx'))).toBe(true);
    expect(names).toContain('LISEZMOI.txt');
    expect(names).toContain('datapackage.json');

    // The same download from the page: the browser saves a file.
    const page = await browser.context.newPage();
    await page.goto(`${stack.dashboardUrl}/recruitment-channels`);
    await page.locator('#platforms .chart-tools summary').first().click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#platforms a[href*="data.csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^observatoire-platforms-.*\.csv$/);
    await page.close();
  });

  it('works inside an iframe and keeps it as tall as its content when the frame is resized', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.dashboardUrl}/recruitment-channels`);
    const code = await page.locator('#channels .embed-code textarea').first().inputValue();
    expect(code).toContain('/embed/channels');
    expect(code).toMatch(/release=/);
    const host = await browser.context.newPage();
    // A blank page on the dashboard's origin stands for a newspaper's article; its column is resized below.
    await host.goto(`${stack.dashboardUrl}/embed.js`);
    await host.setContent(
      `<!doctype html><html lang="fr"><body style="margin:0"><h1>Article</h1><div id="column" style="width:900px">${code}</div></body></html>`,
    );
    const frame = host.locator('iframe[data-observatoire-embed]');
    await expect
      .poll(async () => (await frame.getAttribute('style')) ?? '', { timeout: 20_000 })
      .toMatch(/height: \d+px/);
    const inner = host.frameLocator('iframe[data-observatoire-embed]');
    expect(await inner.locator('svg[data-chart="chart-channels"]').count()).toBe(1);
    const frameHeight = () => frame.evaluate((f) => Math.round(f.getBoundingClientRect().height));
    // The content's own height, and whether the frame's document scrolls (it must not: the frame fits it).
    const content = () =>
      inner.locator('main').evaluate((m) => ({
        height: Math.ceil(m.getBoundingClientRect().bottom + window.scrollY),
        scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight + 1,
        overflowX: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      }));
    const fits = async () => {
      const c = await content();
      const h = await frameHeight();
      return !c.scrolls && !c.overflowX && Math.abs(h - c.height) <= 2;
    };
    await expect.poll(fits, { timeout: 10_000 }).toBe(true);
    const wide = await frameHeight();
    // Narrower: the legend and labels wrap, the content grows, the frame follows.
    await host.evaluate(() => (document.getElementById('column')!.style.width = '400px'));
    await expect.poll(async () => (await frameHeight()) > wide && (await fits()), { timeout: 10_000 }).toBe(true);
    const narrow = await frameHeight();
    await screenshot(host, 'embed-in-iframe-400');
    // Wider again: the frame shrinks back (it used to keep its tallest height).
    await host.evaluate(() => (document.getElementById('column')!.style.width = '900px'));
    await expect.poll(async () => (await frameHeight()) < narrow && (await fits()), { timeout: 10_000 }).toBe(true);
    expect(Math.abs((await frameHeight()) - wide)).toBeLessThanOrEqual(2);
    await screenshot(host, 'embed-in-iframe');
    await host.close();
    await page.close();
  });

  for (const lang of ['fr', 'en'] as const) {
    for (const width of [1280, 360]) {
      it(`${lang} at ${width} px: every series told apart as its legend shows it, no chart text cut or overlapping`, async () => {
        const session = await openBrowser({
          viewport: { width, height: 900 },
          locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
        });
        try {
          const page = await session.context.newPage();
          const prefix = lang === 'en' ? '/en' : '';
          for (const path of ['/recruitment-channels?channels.group=all', '/profiles', '/']) {
            await page.goto(`${stack.dashboardUrl}${prefix}${path}`, { waitUntil: 'networkidle' });
            const charts = page.locator('svg[role="img"][data-chart]');
            expect(await charts.count()).toBeGreaterThan(0);
            for (const svg of await charts.all()) {
              const issues = await svgTextIssues(svg);
              const id = await svg.getAttribute('data-chart');
              expect(issues.texts, `${path} ${id}`).toBeGreaterThan(3);
              expect(issues.outside, `${path} ${id}`).toEqual([]);
              expect(issues.overlaps, `${path} ${id}`).toEqual([]);
              expect(issues.truncated, `${path} ${id}`).toEqual([]);
            }
          }
          await page.goto(`${stack.dashboardUrl}${prefix}/recruitment-channels?channels.group=all`, {
            waitUntil: 'networkidle',
          });
          const drawn = await drawnSeries(page.locator('svg[data-chart="chart-channels"]'));
          // All 17 channels, no two drawn alike (colour, dash, marker), each as its legend key shows it.
          expect(Object.keys(drawn)).toHaveLength(17);
          const combos = new Set(Object.values(drawn).map((d) => `${d.stroke}|${d.dash}|${d.marker}`));
          expect(combos.size).toBe(17);
          expect(await legendKeys(page.locator('#channels .legend'))).toEqual(drawn);
          // Direct labels on a wide screen carry whole names.
          if (width >= 1280) {
            const labels = await page.locator('#channels .end-label').allTextContents();
            expect(labels.length).toBe(17);
          }
          // A legend entry brings its series forward and fades the others; pressed again, all come back.
          const toggle = page.locator('#channels .legend button').first();
          const series = page.locator('svg[data-chart="chart-channels"] .lines .series');
          await toggle.click();
          expect(await toggle.getAttribute('aria-pressed')).toBe('true');
          const opacities = await series.evaluateAll((gs) => gs.map((g) => g.getAttribute('opacity')));
          expect(opacities[0]).toBe('1');
          expect(opacities.slice(1).every((o) => o === '0.15')).toBe(true);
          await toggle.click();
          expect(await series.evaluateAll((gs) => gs.every((g) => g.getAttribute('opacity') === '1'))).toBe(true);
          await screenshot(page, `${lang}-channels-all-${width}`);
        } finally {
          await session.close();
        }
      });
    }
  }

  describe('charts that keep every year (issue 11)', () => {
    const TIME = { 'online-offline': 'recruitmentChannelGroup', channels: 'recruitmentChannel' } as const;
    const BARS = ['platforms', 'exploitation', 'gender', 'age-band', 'region'] as const;
    const WORD = { fr: 'non publié', en: 'not published' } as const;
    /** The public charts the methodology page lists (the dashboard's CHART_IDS). */
    const SPEC_IDS = Object.fromEntries(
      [
        'online-offline',
        'channels',
        'platforms',
        'platform-trends',
        'exploitation',
        'gender',
        'age-band',
        'region',
      ].map((id) => [id, true]),
    );
    const series = async (dimension: string, releaseId: string) =>
      seriesSetSchema.parse(await api(`/api/v1/stats/series?dimension=${dimension}&release=${releaseId}`));

    /** A withheld category: the placeholder square and the words, never a bar of any length. */
    const expectBarsHonest = (bars: DrawnBar[], where: string, lang: 'fr' | 'en', defaultView = true) => {
      expect(bars.length, where).toBeGreaterThan(0);
      // The default view's year is drawn: at least one published bar with a length.
      if (defaultView)
        expect(
          bars.some((b) => !b.withheld && b.bars.some((w) => w > 0)),
          `${where}: no published bar`,
        ).toBe(true);
      for (const b of bars.filter((x) => x.withheld)) {
        expect(b.bars, `${where} ${b.key}`).toEqual([]);
        expect(b.placeholder!.w, `${where} ${b.key}`).toBe(b.placeholder!.h);
        expect(b.placeholder!.w).toBeLessThanOrEqual(20);
        expect(b.text, `${where} ${b.key}`).toContain(WORD[lang]);
      }
    };

    for (const lang of ['fr', 'en'] as const) {
      it(`draws every year in every chart's default view, a withheld value marked alone (${lang})`, async () => {
        const release = await latestRelease();
        const prefix = lang === 'en' ? '/en' : '';
        const page = await browser.context.newPage();
        await page.goto(`${stack.dashboardUrl}${prefix}/recruitment-channels`, { waitUntil: 'networkidle' });
        for (const [id, dimension] of Object.entries(TIME)) {
          const drawn = await drawnTime(page.locator(`svg[data-chart="chart-${id}"]`));
          expect(drawn.years, id).toEqual(release.referenceYears);
          expect(drawn.columns, id).toBe(0);
          // Exactly the withheld values of the series drawn are marked: none more (a year is never marked
          // because another of its cells is withheld), none missing.
          expect(drawn.withheld, id).toEqual(withheldCells(await series(dimension, release.id), drawn.keys));
        }
        expectBarsHonest(await drawnBars(page.locator('svg[data-chart="chart-platforms"]')), 'platforms', lang);
        // Platforms over time: leading years where no platform is published are left out and said so (a note);
        // every withheld value is marked alone, and the years with no published platform are reported.
        const trends = await drawnTime(page.locator('svg[data-chart="chart-platform-trends"]'));
        expect(trends.columns).toBe(0);
        const platformSet = await series('recruitmentPlatform', release.id);
        const shownYears = new Set(trends.withheld.map((w) => Number(w.split(' ')[1])).concat(trends.years));
        expect(trends.withheld).toEqual(
          withheldCells(platformSet, trends.keys).filter((c) => shownYears.has(Number(c.split(' ')[1]))),
        );
        if (lang === 'fr') {
          const missing = release.referenceYears.filter((y) => !trends.years.includes(y));
          console.info(`Platform trends, years without a published platform: ${missing.join(', ') || 'none'}`);
        }
        expect(await axeViolations(page)).toEqual([]);
        await page.goto(`${stack.dashboardUrl}${prefix}/profiles`, { waitUntil: 'networkidle' });
        for (const id of BARS.slice(1))
          expectBarsHonest(await drawnBars(page.locator(`svg[data-chart="chart-${id}"]`)), id, lang);
        // Every other year of each breakdown too, as the downloaded image draws it: never a withheld bar.
        const blank: string[] = [];
        const img = await browser.context.newPage();
        for (const id of BARS)
          for (const year of release.referenceYears) {
            const url = `${stack.dashboardUrl}${prefix}/charts/${id}/chart.svg?release=${release.slug}&year=${year}`;
            const bars = await drawnBars(await showSvg(img, await (await fetch(url)).text()));
            expectBarsHonest(bars, `${id} ${year}`, lang, year === release.referenceYears.at(-1));
            if (bars.every((b) => b.withheld)) blank.push(`${id} ${year}`);
          }
        await img.close();
        // Earlier years are not a default view; which of them the disclosure method leaves blank is reported.
        if (lang === 'fr') console.info(`Breakdown years with every category withheld: ${blank.join(', ') || 'none'}`);
        await page.close();
      });

      it(`shows each chart's published mass on the methodology page when the release has it (${lang})`, async () => {
        const release = await latestRelease();
        const mass = release.publishedMass ?? {};
        const page = await browser.context.newPage();
        await page.goto(`${stack.dashboardUrl}${lang === 'en' ? '/en' : ''}/methodology`, { waitUntil: 'networkidle' });
        const rows = await page.locator('#published-mass tbody tr').evaluateAll((trs) =>
          trs.map((tr) => ({
            id: tr.getAttribute('data-key')!,
            cells: [...tr.children].map((c) => c.textContent),
          })),
        );
        const known = Object.keys(mass).filter((id) => id in SPEC_IDS);
        expect(rows.map((r) => r.id).sort()).toEqual(known.sort());
        for (const r of rows) {
          const pct = (v: number) => `${(v * 100).toFixed(1).replace('.', lang === 'fr' ? ',' : '.')}`;
          expect(r.cells[1]).toContain(pct(mass[r.id].persons));
          expect(r.cells[2]).toContain(pct(mass[r.id].cells));
        }
        if (rows.length) expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });

      it(`draws "% of total" over the year's persons: every year, a withheld series a gap in its own line (${lang})`, async () => {
        const release = await latestRelease();
        const prefix = lang === 'en' ? '/en' : '';
        const page = await browser.context.newPage();
        const query = 'online-offline.view=share&channels.view=share&channels.group=all';
        await page.goto(`${stack.dashboardUrl}${prefix}/recruitment-channels?${query}`, { waitUntil: 'networkidle' });
        let withheldSeen = 0;
        for (const [id, dimension] of Object.entries(TIME)) {
          const set = await series(dimension, release.id);
          const base = persons(set);
          const drawn = await drawnTime(page.locator(`svg[data-chart="chart-${id}"]`));
          expect(drawn.view, id).toBe('share');
          expect(drawn.years, id).toEqual(release.referenceYears);
          expect(drawn.columns, id).toBe(0);
          const expected = withheldCells(set, drawn.keys);
          expect(drawn.withheld, id).toEqual(expected);
          withheldSeen += expected.length;
          // Each share is the cell over the persons published for its year, never over the sum of the cells.
          for (const s of set.series.filter((x) => x.code !== null && drawn.keys.includes(x.code)))
            for (const p of s.points)
              if ('value' in p.cell)
                expect(drawn.values[`${s.code} ${p.year}`], `${id} ${s.code} ${p.year}`).toBeCloseTo(
                  p.cell.value / base.get(p.year)!,
                  9,
                );
          const note = await page.locator(`#${id} figcaption`).textContent();
          expect(note).toContain(lang === 'fr' ? 'En % du total' : 'As % of the total');
        }
        // The demo release has withheld values in these views: the test looks at real gaps.
        expect(withheldSeen).toBeGreaterThan(0);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `${lang}-shares-every-year`);
        await page.close();
      });
    }
  });

  it('shows withheld values the same way on the page, in the images and the preview: a placeholder, never a bar', async () => {
    const release = await latestRelease();
    const year = release.referenceYears[release.referenceYears.length - 1];
    // The first bar chart of the latest year with a withheld value (rare platforms are grouped, so the platforms
    // chart may have none).
    const charts = [
      { id: 'platforms', dimension: 'recruitmentPlatform', path: '/recruitment-channels' },
      { id: 'gender', dimension: 'gender', path: '/profiles' },
      { id: 'exploitation', dimension: 'exploitationType', path: '/profiles' },
      { id: 'region', dimension: 'citizenshipRegion', path: '/profiles' },
    ];
    let chart: (typeof charts)[number] | undefined;
    let withheld: string[] = [];
    for (const c of charts) {
      const breakdown = breakdownSchema.parse(
        await api(`/api/v1/stats/breakdown?dimension=${c.dimension}&release=${release.id}&year=${year}`),
      );
      withheld = breakdown.items.filter((i) => 'suppressed' in i.cell).map((i) => i.code);
      chart = c;
      if (withheld.length) break;
    }
    expect(withheld.length).toBeGreaterThan(0);
    const page = await browser.context.newPage();
    await page.goto(`${stack.dashboardUrl}${chart!.path}`, { waitUntil: 'networkidle' });
    const svg = page.locator(`svg[data-chart="chart-${chart!.id}"]`);
    const check = async (root: typeof svg, where: string) => {
      const bars = await root.locator('.bar[data-withheld="true"]').evaluateAll((gs) =>
        gs.map((g) => ({
          key: g.getAttribute('data-key'),
          rects: [...g.querySelectorAll('rect')].map((r) => ({
            cls: r.getAttribute('class'),
            w: Number(r.getAttribute('width')),
            h: Number(r.getAttribute('height')),
          })),
          text: g.textContent ?? '',
        })),
      );
      expect(bars.map((b) => b.key).sort(), where).toEqual([...withheld].sort());
      for (const b of bars) {
        // One square placeholder, the same for every withheld category, and the word: no bar of any length.
        expect(b.rects, `${where} ${b.key}`).toEqual([{ cls: 'placeholder', w: b.rects[0].w, h: b.rects[0].w }]);
        expect(b.rects[0].w).toBeLessThanOrEqual(20);
        expect(b.text).toContain('non publié');
      }
    };
    await check(svg, 'page');
    for (const file of ['chart.svg', 'preview.png']) {
      const res = await fetch(`${stack.dashboardUrl}/charts/${chart!.id}/${file}?release=${release.slug}`);
      expect(res.status, file).toBe(200);
    }
    const exported = await (
      await fetch(`${stack.dashboardUrl}/charts/${chart!.id}/chart.svg?release=${release.slug}`)
    ).text();
    const shown = await showSvg(page, exported);
    await check(shown, 'svg download');
    const issues = await svgTextIssues(shown);
    expect(issues.outside).toEqual([]);
    expect(issues.overlaps).toEqual([]);
    // On the platforms chart, "Inconnue" is apart from the platforms, its count written, off their scale.
    await page.goto(`${stack.dashboardUrl}/recruitment-channels`, { waitUntil: 'networkidle' });
    const unknown = page.locator('svg[data-chart="chart-platforms"] .aside [data-key="unknown"]');
    expect(await unknown.count()).toBe(1);
    expect(await unknown.locator('rect').count()).toBe(0);
    await page.close();
  });

  it('draws the downloaded images like the page: the same keys as the lines, nothing cut or overlapping', async () => {
    const release = await latestRelease();
    const page = await browser.context.newPage();
    for (const lang of ['fr', 'en'] as const) {
      const base = `${stack.dashboardUrl}${lang === 'en' ? '/en' : ''}/charts/channels`;
      for (const view of ['lines', 'area']) {
        const q = `?release=${release.slug}&group=all&view=${view}`;
        const svgText = await (await fetch(`${base}/chart.svg${q}`)).text();
        const svg = await showSvg(page, svgText);
        const issues = await svgTextIssues(svg);
        expect(issues.outside, `${lang} ${view}`).toEqual([]);
        expect(issues.overlaps, `${lang} ${view}`).toEqual([]);
        expect(issues.truncated, `${lang} ${view}`).toEqual([]);
        if (view === 'lines') {
          const drawn = await drawnSeries(svg);
          expect(Object.keys(drawn)).toHaveLength(17);
          expect(await legendKeys(svg.locator('g.legend'))).toEqual(drawn);
        }
        await screenshot(page, `${lang}-channels-${view}-svg-download`);
        const png = Buffer.from(await (await fetch(`${base}/chart.png${q}`)).arrayBuffer());
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        // The PNG is the same drawing at 2×: as tall as the SVG says.
        const height = Number(/height="(\d+)"/.exec(svgText)![1]);
        expect(png.readUInt32BE(20)).toBe(height * 2);
      }
    }
    await page.close();
  });

  it('fits a 360 px screen without horizontal scrolling', async () => {
    const session = await openBrowser({ viewport: { width: 360, height: 740 } });
    try {
      const page = await session.context.newPage();
      await page.goto(`${stack.dashboardUrl}/recruitment-channels`, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(360);
      // Touch on the chart opens the tooltip.
      const overlay = page.locator('#channels [role="slider"]');
      await overlay.scrollIntoViewIfNeeded();
      const box = (await overlay.boundingBox())!;
      await overlay.click({ position: { x: box.width - 2, y: box.height / 2 } });
      await expect.poll(() => page.locator('#channels [role="status"]').count()).toBe(1);
      await screenshot(page, 'mobile-360');
    } finally {
      await session.close();
    }
  });

  it('shows a bilingual "data unavailable" page when the API is down', async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const deadApi = `http://127.0.0.1:1`;
    const child = spawn(process.execPath, [path.join(here, '..', 'apps', 'dashboard', 'build', 'index.js')], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', OBSERVATOIRE_API_URL: deadApi },
      stdio: 'ignore',
    });
    try {
      const url = `http://127.0.0.1:${port}/recruitment-channels`;
      for (let i = 0; i < 100; i++) {
        try {
          await fetch(url);
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const res = await fetch(url);
      expect(res.status).toBe(503);
      const html = await res.text();
      expect(html).toContain('Le service de données ne répond pas');
      expect(html).toContain('The data service is not answering');
      expect(html).not.toMatch(/at \w+ \(|node:internal|TypeError/);
      const page = await browser.context.newPage();
      await page.goto(url);
      await screenshot(page, 'api-down');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    } finally {
      child.kill('SIGTERM');
    }
  });
});
