import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@observatoire/db/testing';
import { getBreakdown, getSeries, getYearlySummary, summaryFile } from '@observatoire/stats';
import { SAMPLE_FILES, SAMPLE_FIXTURES_DIR, seedFiles } from '../src/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

interface Expected {
  by_year: Record<
    string,
    {
      cases: number;
      online_cases: number;
      minors: number;
      channel: Record<string, number>;
      platform: Record<string, number>;
      exploitation: Record<string, number>;
      gender: Record<string, number>;
    }
  >;
}

/**
 * The three sample exports loaded through the real ETL, then published: every figure the release publishes equals
 * the pipeline's expected count (expected.json, before disclosure control); the rest is withheld, never 0.
 */
describe('release built from the sample exports loaded through the ETL', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  const expected = JSON.parse(readFileSync(path.join(SAMPLE_FIXTURES_DIR, 'expected.json'), 'utf8')) as Expected;

  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'), 'clisamples');
    await seedFiles(
      db.url,
      SAMPLE_FILES.map((f) => ({ ...f, file: path.join(SAMPLE_FIXTURES_DIR, f.fileName) })),
      { slug: 'samples', notes: { fr: 'Échantillons', en: 'Samples' } },
    );
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('published figures equal the expected counts; withheld ones carry a reason', async () => {
    const years = Object.keys(expected.by_year).map(Number);
    const checks: [string, Record<string, number>, string][] = [
      ['recruitmentChannel', {}, 'channel'],
      ['recruitmentPlatform', {}, 'platform'],
      ['exploitationType', {}, 'exploitation'],
      ['gender', {}, 'gender'],
    ];
    let published = 0;
    let withheld = 0;
    for (const year of years) {
      const e = expected.by_year[String(year)];
      const s = await getYearlySummary(pool, 'samples', year);
      for (const [cell, want] of [
        [s.cases, e.cases],
        [s.onlineCases, e.online_cases],
        [s.minors, e.minors],
      ] as const) {
        if ('value' in cell) {
          expect(cell.value).toBe(want);
          published++;
        } else {
          expect(cell.reason).toBeTruthy();
          withheld++;
        }
      }
      for (const [dimension, , key] of checks) {
        const b = await getBreakdown(pool, 'samples', { dimension: dimension as never, year });
        const wantAll = (e as unknown as Record<string, Record<string, number>>)[key];
        for (const item of b.items) {
          // expected.json lists platforms named in the files; "no platform" is stored as unknown by the ETL.
          if (dimension === 'recruitmentPlatform' && item.code === 'unknown') continue;
          if ('value' in item.cell && dimension === 'recruitmentPlatform' && item.code === 'other') {
            // "Autres plateformes": the cases with at least one platform not published on its own (global
            // recoding): at least the largest of those platforms' counts, at most their sum.
            const own = new Set(b.items.map((i) => i.code));
            const rare = Object.entries(wantAll)
              .filter(([code]) => code === 'other' || !own.has(code))
              .map(([, n]) => n);
            expect(item.cell.value, `${year} other`).toBeGreaterThanOrEqual(Math.max(0, ...rare));
            expect(item.cell.value, `${year} other`).toBeLessThanOrEqual(rare.reduce((a, n) => a + n, 0));
            published++;
          } else if ('value' in item.cell) {
            expect(item.cell.value, `${year} ${dimension} ${item.code}`).toBe(wantAll[item.code] ?? 0);
            expect(item.cell.value).toBeGreaterThanOrEqual(dimension === 'recruitmentPlatform' ? 10 : 5);
            published++;
          } else withheld++;
        }
      }
    }
    // The headline figures of every year survive disclosure control (totals are withheld only as a last resort).
    for (const year of years) {
      const s = await getYearlySummary(pool, 'samples', year);
      expect(s.cases, `cases ${year}`).toEqual({ value: expected.by_year[String(year)].cases });
    }
    // Three associations and a few dozen cases a year: a real mix of published and withheld figures.
    expect(published).toBeGreaterThan(0);
    expect(withheld).toBeGreaterThan(0);
    const series = await getSeries(pool, 'samples');
    expect(series.series[0].points.map((p) => p.year)).toEqual(years);
  });

  it('the yearly summary downloads build for the samples (PDF, CSV, XLSX)', async () => {
    for (const format of ['pdf', 'csv', 'xlsx'] as const) {
      const f = await summaryFile(pool, 'samples', 2024, format, 'fr');
      expect(f.body.length).toBeGreaterThan(500);
    }
  });
});
