import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import ExcelJS from 'exceljs';
import { createTestDatabase, type TestDatabase } from '@observatoire/db/testing';
import {
  getBreakdown,
  getRelease,
  getSeries,
  getYearlySummary,
  listReleases,
  publishRelease,
  previewRelease,
  summaryCsv,
  summaryXlsx,
  StatsError,
} from '../src/index.js';
import { breakdownSchema, releaseSchema, seriesSetSchema, yearlySummarySchema } from '@observatoire/schema';
import { randomCases } from './random-cases.js';
import { seedCases } from './seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

describe('releases on real PostgreSQL', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  const cases = randomCases(11, {
    years: [2022, 2023, 2024],
    perYear: 220,
    associations: ['aurore', 'amarre', 'harbour', 'nid'],
  });

  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'));
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('refuses to publish with no data, in French and English, and stores nothing', async () => {
    const err = await publishRelease(pool).catch((e) => e);
    expect(err).toBeInstanceOf(StatsError);
    expect(err.status).toBe(409);
    expect(err.userMessage.fr).toMatch(/Aucun cas/);
    expect(err.userMessage.en).toMatch(/No cases/);
    expect((await pool.query('SELECT count(*)::int AS n FROM release')).rows[0].n).toBe(0);
  });

  it('publishes a release from case records, with counts equal to the records and withheld cells never 0', async () => {
    await seedCases(db.url, cases);
    const release = await publishRelease(pool, {
      slug: '2025-07-30',
      notes: { fr: 'Édition du 30 juillet', en: '30 July edition' },
      publishedBy: 'test',
    });
    expect(release.slug).toBe('2025-07-30');
    expect(release.referenceYears).toEqual([2022, 2023, 2024]);
    expect(release.contributingAssociations).toBe(4);
    expect(release.disclosureRule).toEqual({ threshold: 5, platformThreshold: 10, minAssociations: 2 });

    const series = await getSeries(pool, 'latest', { dimension: 'recruitmentChannelGroup' });
    const total = series.series.find((s) => s.key === 'cases')!;
    for (const p of total.points) {
      const expected = cases.filter((c) => c.year === p.year).length;
      if ('value' in p.cell) expect(p.cell.value).toBe(expected);
    }
    const online = series.series.find((s) => s.key === 'recruitmentChannelGroup:online')!;
    for (const p of online.points) {
      if (!('value' in p.cell)) continue;
      const expected = cases.filter(
        (c) =>
          c.year === p.year &&
          c.recruitmentChannels.some((ch) =>
            [
              'social_network',
              'messaging_app',
              'classified_ads',
              'escort_adult_site',
              'dating_app',
              'online_job_offer',
              'video_livestream',
              'gaming_platform',
              'other_online',
            ].includes(ch),
          ),
      ).length;
      expect(p.cell.value).toBe(expected);
    }
    const { rows } = await pool.query(
      `SELECT count(*) FILTER (WHERE value IS NULL)::int AS withheld, count(*) FILTER (WHERE value = 0)::int AS zeros
         FROM release_cell WHERE release_id = $1`,
      [release.id],
    );
    expect(rows[0].withheld).toBeGreaterThan(0);
    expect(rows[0].zeros).toBe(0);
  });

  it('breakdowns: shares derived from published cells only, withheld when an input is', async () => {
    const b = await getBreakdown(pool, 'latest', { dimension: 'gender', year: 2024 });
    expect(b.multiValued).toBe(false);
    for (const item of b.items) {
      if ('value' in item.cell && 'value' in b.total) {
        expect(item.share).toEqual({ value: Math.round((item.cell.value / b.total.value) * 1000) / 10 });
      } else {
        expect(item.share).toMatchObject({ suppressed: true });
      }
      if ('suppressed' in item.cell) expect(item.cell.message.fr.length).toBeGreaterThan(0);
    }
    const filtered = await getBreakdown(pool, 'latest', {
      dimension: 'gender',
      year: 2024,
      filter: { recruitmentChannelGroup: 'online' },
    });
    expect(filtered.filter).toEqual({ recruitmentChannelGroup: 'online' });
    const groups = await getBreakdown(pool, 'latest', { dimension: 'recruitmentChannelGroup', year: 2024 });
    // A filtered view's total is the same number as the matching cell of the unfiltered view.
    expect(filtered.total).toEqual(groups.items.find((i) => i.code === 'online')!.cell);
    // The surface is finite: other filters, and dimensions a view does not publish, are not served.
    for (const filter of [
      { exploitationType: 'sexual' },
      { recruitmentChannelGroup: 'offline' },
      { recruitmentChannelGroup: 'unknown' },
      { exploitationType: 'sexual', recruitmentChannelGroup: 'online' },
    ]) {
      await expect(getBreakdown(pool, 'latest', { dimension: 'gender', year: 2024, filter })).rejects.toMatchObject({
        code: 'unsupported_filter',
        status: 400,
      });
    }
    await expect(
      getBreakdown(pool, 'latest', {
        dimension: 'recruiterRelation',
        year: 2024,
        filter: { recruitmentChannelGroup: 'not_online' },
      }),
    ).rejects.toMatchObject({ code: 'unsupported_filter', status: 400 });
    await expect(getBreakdown(pool, 'latest', { dimension: 'gender', year: 1999 })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('the yearly summary: key figures equal the release cells; change withheld when a year is', async () => {
    const s = await getYearlySummary(pool, '2025-07-30', 2024);
    const series = await getSeries(pool, '2025-07-30', { dimension: 'minor', codes: ['yes'] });
    expect(s.cases).toEqual(series.series[0].points.find((p) => p.year === 2024)!.cell);
    expect(s.minors).toEqual(series.series[1].points.find((p) => p.year === 2024)!.cell);
    expect(s.previousYear?.referenceYear).toBe(2023);
    if ('value' in s.cases && s.previousYear && 'value' in s.previousYear.cases) {
      expect(s.previousYear.change).toEqual({ value: s.cases.value - s.previousYear.cases.value });
    } else expect(s.previousYear!.change).toMatchObject({ suppressed: true, reason: 'derived_from_suppressed' });
    expect(s.breakdowns.map((b) => b.dimension)).toContain('recruitmentPlatform');
    expect(s.methodology.fr).toMatch(/masqué/);
  });

  it('a release never changes: updates, deletes and late inserts are refused by the database', async () => {
    const r = await getRelease(pool, 'latest');
    await expect(pool.query(`UPDATE release SET notes = NULL WHERE id = $1`, [r.id])).rejects.toThrow(/immutable/);
    await expect(pool.query(`DELETE FROM release_cell WHERE release_id = $1`, [r.id])).rejects.toThrow(/immutable/);
    await expect(pool.query(`UPDATE release_cell SET value = 1 WHERE release_id = $1`, [r.id])).rejects.toThrow(
      /immutable/,
    );
    await expect(
      pool.query(
        `INSERT INTO release_cell (release_id, view, dimension, reference_year, code, value) VALUES ($1, 'all', 'gender', 1999, 'x', 7)`,
        [r.id],
      ),
    ).rejects.toThrow(/immutable/);
  });

  it('a later release excludes withdrawn associations, keeps unchanged years identical, and the old one stays as it was', async () => {
    const before = await getSeries(pool, '2025-07-30', { dimension: 'gender' });
    const firstId = (await getRelease(pool, '2025-07-30')).id;
    const cellsBefore = (
      await pool.query(`SELECT * FROM release_cell WHERE release_id = $1 ORDER BY 2,3,4,5`, [firstId])
    ).rows;

    // Nothing changed: the next release is the same numbers.
    const same = await publishRelease(pool, { slug: 'same-data' });
    const cellsSame = (
      await pool.query(
        `SELECT view, dimension, reference_year, code, value, reason FROM release_cell WHERE release_id = $1 ORDER BY 1,2,3,4`,
        [same.id],
      )
    ).rows;
    expect(cellsSame).toEqual(cellsBefore.map(({ release_id: _r, ...c }) => c));

    // A new association sends 3 cases for 2023, and one association withdraws: published years do not move.
    await seedCases(db.url, randomCases(99, { years: [2023], perYear: 3, associations: ['nouvelle'] }));
    await pool.query(`UPDATE association SET withdrawn_at = now() WHERE slug = 'nid'`);
    const preview = await previewRelease(pool);
    expect(preview.frozenYears).toEqual([2022, 2023, 2024]);
    expect(preview.revisedFrozenYears).toEqual([2022, 2023, 2024]);
    expect(preview.failures).toEqual([]);
    const after = await publishRelease(pool, { slug: 'after-withdrawal' });
    expect(after.supersedesId).toBe(same.id);
    expect(after.frozenYears).toEqual([2022, 2023, 2024]);
    const cellsAfter = (
      await pool.query(
        `SELECT view, dimension, reference_year, code, value, reason FROM release_cell WHERE release_id = $1 ORDER BY 1,2,3,4`,
        [after.id],
      )
    ).rows;
    expect(cellsAfter).toEqual(cellsSame);
    expect(after.contributingByYear).toEqual(same.contributingByYear);

    // A new year is computed from today's data: without the withdrawn association.
    await seedCases(
      db.url,
      randomCases(12, { years: [2025], perYear: 200, associations: ['aurore', 'amarre', 'harbour', 'nid'] }),
    );
    const next = await publishRelease(pool, { slug: 'with-2025' });
    expect(next.frozenYears).toEqual([2022, 2023, 2024]);
    const total2025 = (await getSeries(pool, 'with-2025')).series[0].points.find((p) => p.year === 2025)!.cell;
    const nid = (await pool.query(`SELECT id FROM association WHERE slug = 'nid'`)).rows[0].id;
    const stored2025 = (
      await pool.query(
        `SELECT count(*)::int AS n FROM case_record WHERE reference_year = 2025 AND association_id <> $1`,
        [nid],
      )
    ).rows[0].n;
    expect(total2025).toEqual({ value: stored2025 });
    expect(next.contributingByYear['2025']).toBe(3);
    expect(await getSeries(pool, '2025-07-30', { dimension: 'gender' })).toEqual(before);
    const list = await listReleases(pool);
    expect(list.map((r) => r.slug)).toEqual(['with-2025', 'after-withdrawal', 'same-data', '2025-07-30']);
    await expect(publishRelease(pool, { slug: 'same-data' })).rejects.toMatchObject({ code: 'slug_taken' });
  });

  it('every payload parses with the schema package (the wire contract the API validates)', async () => {
    for (const r of await listReleases(pool)) releaseSchema.parse(r);
    seriesSetSchema.parse(
      await getSeries(pool, 'latest', { dimension: 'recruitmentPlatform', filter: { yearFrom: 2023 } }),
    );
    for (const dimension of ['recruitmentChannel', 'minor', 'citizenshipRegion'] as const) {
      breakdownSchema.parse(await getBreakdown(pool, 'latest', { dimension, year: 2023 }));
    }
    for (const dimension of ['gender', 'citizenshipRegion'] as const) {
      for (const view of ['online', 'not_online']) {
        breakdownSchema.parse(
          await getBreakdown(pool, 'latest', { dimension, year: null, filter: { recruitmentChannelGroup: view } }),
        );
      }
    }
    yearlySummarySchema.parse(await getYearlySummary(pool, 'latest', 2022));
  });

  it('CSV: UTF-8 BOM, formula-safe text, numbers untouched, withheld never 0', async () => {
    const s = await getYearlySummary(pool, '2025-07-30', 2024);
    const csv = summaryCsv(s, 'fr');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(';');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Tableau;Code;Libellé;Cas;Part (%);Note');
    const withheldLine = lines.find((l) => l.includes('Masqué'));
    expect(withheldLine).toBeDefined();
    expect(withheldLine!.split(';')[3]).toBe('');
    // A negative change is a number, left alone; the text columns of the summary carry no formula.
    for (const l of lines.slice(1)) {
      const cols = l.split(';');
      for (const i of [0, 1, 2, 5]) if (cols[i]) expect(cols[i]).not.toMatch(/^"[=+\-@＝＋－＠\t\r]/);
    }
    const en = summaryCsv(s, 'en');
    expect(en.slice(1).split('\r\n')[0]).toBe('Table,Code,Label,Cases,Share (%),Note');
  });

  it('XLSX: readable with exceljs, a sheet per table plus key figures and notes, numbers as numbers', async () => {
    const s = await getYearlySummary(pool, '2025-07-30', 2024);
    const buf = await summaryXlsx(s, 'fr');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(s.breakdowns.length + 2);
    expect(wb.worksheets[0].name).toBe('Chiffres clés 2024');
    expect(wb.worksheets.at(-1)!.name).toBe('Notes');
    const key = wb.worksheets[0];
    const casesCell = key.getRow(2).getCell(2).value;
    if ('value' in s.cases) expect(casesCell).toBe(s.cases.value);
    else expect(casesCell).toBeNull();
  });
});
