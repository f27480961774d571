import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importReportSchema, ONLINE_CHANNELS } from '@observatoire/schema';
import { fixture, useHarness } from './helpers.js';

interface YearExpectation {
  cases: number;
  online_cases: number;
  minors: number;
  channel: Record<string, number>;
  platform: Record<string, number>;
  exploitation: Record<string, number>;
  gender: Record<string, number>;
}
const expected = JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as {
  associations: Record<string, { cases: number }>;
  by_year: Record<string, YearExpectation>;
};

const FILES: Record<string, string> = {
  'aurore-paris': 'aurore-paris-2019-2024.csv',
  'amarre-nantes': 'amarre-nantes-suivi.xlsx',
  'safe-harbour-nice': 'safe-harbour-nice-export.csv',
};

describe('golden: the three sample exports load to exactly the expected counts', () => {
  const h = useHarness();
  beforeAll(async () => {
    for (const [slug, file] of Object.entries(FILES)) {
      await h.association(slug);
      const result = await h.run(fixture(file), slug);
      // The report is the shared wire shape the API and the dashboard parse.
      expect(importReportSchema.safeParse(result.report).success).toBe(true);
      expect(result.report.errors, `${file}: ${JSON.stringify(result.report.errors.slice(0, 3))}`).toEqual([]);
      expect(result.outcome, JSON.stringify(result.report.warnings.filter((w) => w.severity === 'error'))).toBe(
        'committed',
      );
    }
  });

  it('cases per association', async () => {
    const { rows } = await h.client.query<{ slug: string; n: number }>(
      `SELECT a.slug, count(*)::int AS n FROM case_record c JOIN association a ON a.id = c.association_id GROUP BY a.slug`,
    );
    const got = Object.fromEntries(rows.map((r) => [r.slug, r.n]));
    for (const [slug, e] of Object.entries(expected.associations)) expect(got[slug], slug).toBe(e.cases);
  });

  async function countBy(year: number, expr: string, where = 'true'): Promise<Record<string, number>> {
    const { rows } = await h.client.query<{ code: string; n: number }>(
      `SELECT code, count(*)::int AS n FROM case_record, LATERAL ${expr} AS code WHERE reference_year = $1 AND ${where} GROUP BY code`,
      [year],
    );
    return Object.fromEntries(rows.map((r) => [r.code, r.n]));
  }

  for (const [yearText, e] of Object.entries(expected.by_year)) {
    const year = Number(yearText);
    it(`year ${year}: cases, online cases, minors, channel, platform, exploitation and gender counts`, async () => {
      const { rows } = await h.client.query<{ cases: number; online: number; minors: number }>(
        `SELECT count(*)::int AS cases,
                count(*) FILTER (WHERE recruitment_channels && $2::text[])::int AS online,
                count(*) FILTER (WHERE is_minor)::int AS minors
         FROM case_record WHERE reference_year = $1`,
        [year, [...ONLINE_CHANNELS]],
      );
      expect(rows[0].cases).toBe(e.cases);
      expect(rows[0].online).toBe(e.online_cases);
      expect(rows[0].minors).toBe(e.minors);
      expect(await countBy(year, 'unnest(recruitment_channels)')).toEqual(e.channel);
      const platforms = await countBy(year, 'unnest(recruitment_platforms)');
      delete platforms.unknown;
      expect(platforms).toEqual(e.platform);
      expect(await countBy(year, 'unnest(exploitation_types)')).toEqual(e.exploitation);
      expect(await countBy(year, 'unnest(ARRAY[gender])')).toEqual(e.gender);
    });
  }

  it('the aggregates table agrees with the records', async () => {
    for (const [yearText, e] of Object.entries(expected.by_year)) {
      const { rows } = await h.client.query<{ dimension: string; code: string; n: number }>(
        `SELECT dimension, code, sum(cases)::int AS n FROM case_aggregate WHERE reference_year = $1 GROUP BY 1, 2`,
        [Number(yearText)],
      );
      const get = (d: string, c: string) => rows.find((r) => r.dimension === d && r.code === c)?.n ?? 0;
      expect(get('cases', 'all')).toBe(e.cases);
      expect(get('online_recruitment', 'yes')).toBe(e.online_cases);
      expect(get('minor', 'yes')).toBe(e.minors);
      for (const [code, n] of Object.entries(e.channel)) expect(get('recruitment_channel', code)).toBe(n);
      for (const [code, n] of Object.entries(e.platform)) expect(get('recruitment_platform', code)).toBe(n);
      for (const [code, n] of Object.entries(e.exploitation)) expect(get('exploitation_type', code)).toBe(n);
      for (const [code, n] of Object.entries(e.gender)) expect(get('gender', code)).toBe(n);
    }
  });

  it('every record keeps its batch and source row; no raw case id is stored', async () => {
    const { rows } = await h.client.query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM case_record c LEFT JOIN import_batch b ON b.id = c.batch_id
       WHERE b.status <> 'committed' OR c.source_row < 1 OR c.case_key !~ '^[0-9a-f]{64}$'`,
    );
    expect(rows[0].bad).toBe(0);
    const dump = JSON.stringify((await h.client.query('SELECT * FROM case_record')).rows);
    for (const rawId of ['D-2019-0001', 'SH1000', 'AMA-0"']) expect(dump).not.toContain(rawId);
    const { rows: src } = await h.client.query<{ source_row: number }>(
      `SELECT c.source_row FROM case_record c JOIN association a ON a.id = c.association_id
       WHERE a.slug = 'aurore-paris' ORDER BY c.source_row LIMIT 1`,
    );
    // Title line, blank line, header: the first case is on line 4 of the file.
    expect(src[0].source_row).toBe(4);
  });

  it('reports control totals: the TOTAL row of the CSV matches the rows read', async () => {
    const { rows } = await h.client.query<{ report: { declaredTotal: number; counts: { rowsRead: number } } }>(
      `SELECT b.report FROM import_batch b JOIN association a ON a.id = b.association_id WHERE a.slug = 'aurore-paris'`,
    );
    expect(rows[0].report.declaredTotal).toBe(180);
    expect(rows[0].report.counts.rowsRead).toBe(180);
  });
});
