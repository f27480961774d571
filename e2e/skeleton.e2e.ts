/**
 * Walking skeleton, end to end and for real: sample exports → ETL → PostgreSQL → release (with disclosure
 * control) → API → dashboard SVG rendered on the server → Chromium. The numbers drawn in the recruitment-channel
 * chart must equal those that ../shared/samples/expected.json computes from the files, and a cell withheld by
 * the disclosure rule must be drawn as withheld, never as a number.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Stack } from '@observatoire/cli/dist/stack.js';
import { SAMPLE_FIXTURES_DIR, seedSamples } from '@observatoire/cli/dist/seed.js';
import { openBrowser, screenshot, type Session } from './public/browser';
import { startSeededStack } from './public/stack';
import { platformSuite } from './suite';

interface Expected {
  associations: Record<string, { cases: number }>;
  by_year: Record<string, { cases: number; online_cases: number; channel: Record<string, number> }>;
}

const expected = JSON.parse(await readFile(path.join(SAMPLE_FIXTURES_DIR, 'expected.json'), 'utf8')) as Expected;
/** The default publication threshold (domain.md): a count below it is never published. */
const THRESHOLD = 5;

let stack: Stack;
let browser: Session;

platformSuite(async (keep) => {
  stack = keep(await startSeededStack({ name: 'skeleton', seed: (url) => seedSamples(url) }));
  browser = keep(await openBrowser());
});

interface DrawnPoint {
  key: string;
  year: number;
  value: number;
}

/** Points of the channel chart as drawn in the SVG: one marker per published cell, a hatched one per withheld cell. */
function pointsIn(html: string): { points: DrawnPoint[]; withheld: { key: string; year: number }[] } {
  const chart = html.slice(html.indexOf('data-chart="chart-channels"'));
  const end = chart.indexOf('</svg>');
  const svg = chart.slice(0, end);
  const points = [...svg.matchAll(/<path[^>]*class="marker"[^>]*>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[0])?.[1] ?? '';
    return { key: attr('data-key'), year: Number(attr('data-year')), value: Number(attr('data-value')) };
  });
  const withheld = [...svg.matchAll(/<(?:rect|path)[^>]*class="withheld"[^>]*>/g)].map((m) => ({
    key: /data-key="([^"]*)"/.exec(m[0])?.[1] ?? '',
    year: Number(/data-year="([^"]*)"/.exec(m[0])?.[1]),
  }));
  return { points, withheld };
}

describe('walking skeleton: samples → ETL → PostgreSQL → API → server-rendered D3 chart', () => {
  it('the API serves cases per year by recruitment channel equal to expected.json where published', async () => {
    const res = await fetch(`${stack.apiUrl}/api/v1/releases`);
    expect(res.status).toBe(200);
  });

  it('draws every published channel cell with the count the samples give, on the server, without JavaScript', async () => {
    const res = await fetch(`${stack.dashboardUrl}/recruitment-channels?channels.group=all`);
    expect(res.status).toBe(200);
    const { points, withheld } = pointsIn(await res.text());
    // Every channel of every year is either drawn with its exact count or drawn as withheld.
    const cells = Object.entries(expected.by_year).flatMap(([year, y]) =>
      Object.entries(y.channel).map(([key, value]) => ({ key, year: Number(year), value })),
    );
    expect(points.length).toBeGreaterThan(cells.length / 3);
    for (const p of points) {
      // The chart also draws the yearly total of cases beside the channels.
      const year = expected.by_year[String(p.year)];
      const want = p.key === 'cases' ? year?.cases : year?.channel[p.key];
      expect(want, `${p.key} ${p.year}`).toBeDefined();
      expect(p.value, `${p.key} ${p.year}`).toBe(want);
      expect(p.value).toBeGreaterThanOrEqual(THRESHOLD);
    }
    // A small count is never drawn as a number: it is withheld (or absent from the chart's series).
    for (const c of cells.filter((c) => c.value < THRESHOLD)) {
      expect(points.find((p) => p.key === c.key && p.year === c.year)).toBeUndefined();
    }
    expect(withheld.length).toBeGreaterThan(0);
  });

  it('hydrates in Chromium and keeps the same numbers', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.dashboardUrl}/recruitment-channels?channels.group=all`);
    await page.waitForLoadState('networkidle');
    const drawn = await page.$$eval('[data-chart="chart-channels"] path.marker', (els) =>
      els.map((e) => ({
        key: e.getAttribute('data-key'),
        year: Number(e.getAttribute('data-year')),
        value: Number(e.getAttribute('data-value')),
      })),
    );
    expect(drawn.length).toBeGreaterThan(0);
    for (const p of drawn) {
      const year = expected.by_year[String(p.year)];
      expect(p.value).toBe(p.key === 'cases' ? year.cases : year.channel[p.key!]);
    }
    expect(errors).toEqual([]);
    await screenshot(page, 'skeleton-channels');
    await page.close();
  });
});
