import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@observatoire/db/testing';
import { releaseCompositionSchema, seriesSetSchema, yearlySummarySchema } from '@observatoire/schema';
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import {
  getComposition,
  getSeries,
  getYearlySummary,
  publishRelease,
  StatsError,
  summaryCsv,
  summaryPdf,
  summaryXlsx,
} from '../src/index.js';
import { randomCases } from './random-cases.js';
import { seedCases } from './seed.js';

describe('constant panels in a release, on real PostgreSQL', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  // 2023: a b c d e; 2024: a b c d f g (e left, f and g joined); 2025: a b c d f g.
  const cases = randomCases(21, {
    years: [2023, 2024, 2025],
    perYear: 600,
    associations: ['asso-a', 'asso-b', 'asso-c', 'asso-d', 'asso-e', 'asso-f', 'asso-g'],
  }).filter(
    (c) =>
      !(c.year === 2023 && (c.associationId === 'asso-f' || c.associationId === 'asso-g')) &&
      !(c.year > 2023 && c.associationId === 'asso-e'),
  );
  const count = (year: number, who: string[]) =>
    cases.filter((c) => c.year === year && who.map((w) => `asso-${w}`).includes(c.associationId)).length;

  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'));
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    await seedCases(db.url, cases);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('stores the panel tables with the release and keeps reusing unchanged years of the cube', async () => {
    const first = await publishRelease(pool, { slug: 'p1' });
    const views = (
      await pool.query(
        `SELECT DISTINCT view FROM release_cell WHERE release_id = $1 AND view LIKE 'panel:%' ORDER BY 1`,
        [first.id],
      )
    ).rows.map((r) => r.view);
    expect(views).toEqual(['panel:2023-2024', 'panel:2023-2025', 'panel:2024-2025']);
    // The cube's own cell count is unchanged by the panels (release.cell_count counts the cube).
    const cube = await pool.query(
      `SELECT count(*)::int AS n FROM release_cell WHERE release_id = $1 AND view NOT LIKE 'panel:%'`,
      [first.id],
    );
    expect(cube.rows[0].n).toBe(
      (await pool.query('SELECT cell_count FROM release WHERE id = $1', [first.id])).rows[0].cell_count,
    );
    const second = await publishRelease(pool, { slug: 'p2' });
    const cells = async (id: string) =>
      (
        await pool.query(
          `SELECT view, dimension, reference_year, code, value, reason FROM release_cell WHERE release_id = $1 ORDER BY 1,2,3,4,5`,
          [id],
        )
      ).rows;
    expect(await cells(second.id)).toEqual(await cells(first.id));
  });

  it('says who stands behind each side of every comparison, with plurals, in French and English', async () => {
    const composition = releaseCompositionSchema.parse(await getComposition(pool, 'p1'));
    expect(composition.years).toEqual([
      { year: 2023, associations: 5 },
      { year: 2024, associations: 6 },
      { year: 2025, associations: 6 },
    ]);
    const pair = composition.comparisons.find((c) => c.from === 2023 && c.to === 2024)!;
    expect(pair.associations).toEqual({ from: 5, to: 6, panel: 4, joined: 2, left: 1 });
    expect(pair.composition.fr).toBe(
      '2023 : 5 associations ; 2024 : 6 associations (dont 2 associations nouvelles ; 1 a cessé de transmettre). ' +
        'La composition a changé : une partie de l’évolution peut venir des associations arrivées ou parties.',
    );
    expect(pair.composition.en).toContain('(including 2 new associations; 1 stopped sending data)');
    // The associations outside the panel: e (2023) is one association, so 2023's panel figures are withheld.
    const cases = pair.panel.find((f) => f.key === 'cases')!;
    // Withheld; the release's audit may say less than why ("confidential") where the reason would narrow a count.
    expect(cases.from).toMatchObject({ suppressed: true });
    expect(['too_few_associations', 'confidential']).toContain((cases.from as { reason: string }).reason);
    expect(cases.change).toMatchObject({ suppressed: true });
    expect(pair.panelNote.fr).toMatch(
      /^À associations constantes \(4 associations présentes en 2023 et en 2024\) : chiffres non publiés/,
    );
    expect(pair.panelNote.en).toMatch(
      /^Same associations \(4 associations present in both 2023 and 2024\): figures not published/,
    );
    const all = pair.all.find((f) => f.key === 'cases')!;
    expect(all.from).toEqual({ value: count(2023, ['a', 'b', 'c', 'd', 'e']) });

    const stable = composition.comparisons.find((c) => c.from === 2024 && c.to === 2025)!;
    expect(stable.associations).toEqual({ from: 6, to: 6, panel: 6, joined: 0, left: 0 });
    expect(stable.composition.fr).toBe('2024 : 6 associations ; 2025 : 6 associations, les mêmes les deux années.');
    expect(stable.panel.find((f) => f.key === 'cases')!.to).toEqual({
      value: count(2025, ['a', 'b', 'c', 'd', 'f', 'g']),
    });
  });

  it('serves series over a constant panel, its years only, and refuses what it does not publish', async () => {
    const series = seriesSetSchema.parse(
      await getSeries(pool, 'p1', { dimension: 'recruitmentChannelGroup', panel: '2023-2025' }),
    );
    const total = series.series[0];
    expect(total.points.map((p) => p.year)).toEqual([2023, 2024, 2025]);
    // 2023: only e is outside the panel (one association): withheld; 2024-2025: f and g are outside, two.
    expect(total.points[0].cell).toMatchObject({ suppressed: true });
    expect(['too_few_associations', 'confidential']).toContain((total.points[0].cell as { reason: string }).reason);
    for (const p of total.points.slice(1)) expect(p.cell).toEqual({ value: count(p.year, ['a', 'b', 'c', 'd']) });
    await expect(getSeries(pool, 'p1', { dimension: 'gender', panel: '2023-2025' })).rejects.toBeInstanceOf(StatsError);
    const err = await getSeries(pool, 'p1', { panel: '2019-2020' }).catch((e) => e);
    expect(err.userMessage.fr).toContain('disponibles : 2023-2024, 2024-2025, 2023-2025');
  });

  it('the yearly summary carries the comparison with the previous year', async () => {
    const summary = yearlySummarySchema.parse(await getYearlySummary(pool, 'p1', 2024));
    expect(summary.comparison!.associations).toEqual({ from: 5, to: 6, panel: 4, joined: 2, left: 1 });
    expect((await getYearlySummary(pool, 'p1', 2023)).comparison).toBeNull();
  });

  it('the yearly CSV, XLSX and PDF say who stands behind each side and the same-associations figures', async () => {
    const summary = await getYearlySummary(pool, 'p1', 2025);
    const c = summary.comparison!;
    expect(c.associations).toEqual({ from: 6, to: 6, panel: 6, joined: 0, left: 0 });
    const fr = summaryCsv(summary, 'fr');
    expect(fr).toContain(c.composition.fr);
    expect(fr).toContain(c.panelNote.fr);
    expect(fr).toMatch(/Personnes \(cas\), mêmes associations \(2025\);\d+/);
    const en = summaryCsv(await getYearlySummary(pool, 'p1', 2024), 'en');
    expect(en).toContain('(including 2 new associations; 1 stopped sending data)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await summaryXlsx(await getYearlySummary(pool, 'p1', 2024), 'fr')) as never);
    const notes = wb.worksheets[wb.worksheets.length - 1];
    const texts: string[] = [];
    notes.eachRow((row) => texts.push(String(row.getCell(2).value)));
    expect(texts.some((x) => x.includes('dont 2 associations nouvelles ; 1 a cessé de transmettre'))).toBe(true);
    const pdf = await summaryPdf(await getYearlySummary(pool, 'p1', 2024), 'fr', { releaseSlug: 'p1' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.KEEP_PDF) await writeFile(process.env.KEEP_PDF, pdf);
  });
});
