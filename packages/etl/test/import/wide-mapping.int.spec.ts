import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportColumn } from '@observatoire/schema';
import { fixture, useHarness } from './helpers.js';

/**
 * Issue 15: a wide Excel export (one column per channel and platform ticked X / oui / 1 / empty, ISO3
 * nationalities) the platform has never seen. Without a profile the report says what each unmapped column looks
 * like, which ones need a decision, what a one-hot column's title names and how the values were read; with the
 * profile the mapping screen writes, every channel and platform is counted.
 */
describe('a wide export mapped by clicking (issue 15)', () => {
  const h = useHarness('wide-excel');

  const file = fixture('own/wide-one-hot.xlsx');
  const expected = JSON.parse(readFileSync(fixture('own/wide-one-hot.expected.json'), 'utf8'));
  const column = (cols: ImportColumn[], header: string) => cols.find((c) => c.header === header)!;

  it('reads the one-hot columns, the category column and the free text without a profile, and asks for decisions', async () => {
    const r = await h.run(file, 'wide-excel', { dryRun: true, skipInvalidRows: true });
    expect(r.outcome, JSON.stringify(r.report.warnings)).toBe('dry_run');
    expect(r.report.counts.rowsAccepted).toBe(168);
    const cols = r.report.columns;
    const oneHot = {
      'Réseaux sociaux': ['recruitmentChannels', 'social_network'],
      Messagerie: ['recruitmentChannels', 'messaging_app'],
      'Petites annonces en ligne': ['recruitmentChannels', 'classified_ads'],
      Famille: ['recruitmentChannels', 'family'],
      Facebook: ['recruitmentPlatforms', 'facebook'],
      Insta: ['recruitmentPlatforms', 'instagram'],
      WhatsApp: ['recruitmentPlatforms', 'whatsapp'],
      Snap: ['recruitmentPlatforms', 'snapchat'],
    };
    for (const [header, [field, code]] of Object.entries(oneHot)) {
      const c = column(cols, header);
      expect(c, header).toMatchObject({ status: 'unmapped', reading: 'one_hot', needsDecision: true });
      expect(c.suggestedCode, header).toEqual({ field, code });
      // The wrong « victime annoncee en ligne » suggestion of the issue's replay is gone.
      expect(c.suggestion, header).toBeUndefined();
      expect(
        c.samples!.map((s) => s.value).every((v) => /^(x|oui|1|non)$/i.test(v)),
        header,
      ).toBe(true);
    }
    expect(column(cols, 'Orientation')).toMatchObject({ reading: 'data', needsDecision: true });
    expect(
      column(cols, 'Orientation')
        .samples!.map((s) => s.value)
        .sort(),
    ).toEqual(['115', 'ASE', 'Aucune', 'Hébergement'].sort());
    // Never a value of an identifier, a date or free text.
    for (const h of ['N° dossier', "Date d'accueil", 'Observations'])
      expect(column(cols, h).samples, h).toBeUndefined();
    expect(column(cols, 'Observations').status).toBe('free_text');
    expect(JSON.stringify(r.report)).not.toMatch(/D0\d\d|Personne orientée/);
    const notes = r.report.warnings.map((w) => w.code);
    expect(notes.filter((c) => c === 'one_hot_column')).toHaveLength(8);
    expect(notes).toContain('data_column');

    // What was understood: ISO3 nationalities through synonyms, the unknown abbreviation with its rows.
    const citizenship = r.report.understood!.find((u) => u.field === 'citizenship')!;
    expect(citizenship.unknown).toBe(0);
    expect(citizenship.synonyms.map((s) => s.rawValue)).toContain('NGA');
    expect(citizenship.synonyms.find((s) => s.rawValue === 'NGA')!.codes).toEqual(['NG']);
    const exploitation = r.report.understood!.find((u) => u.field === 'exploitationTypes')!;
    const teh = exploitation.unknownValues.find((u) => u.rawValue === 'TEH-S')!;
    expect(teh.count).toBeGreaterThan(0);
    expect(exploitation.unknown).toBe(teh.count);
    expect(exploitation.codes.reduce((n, c) => n + c.count, 0) + exploitation.unknown).toBe(168);
  });

  it('with the profile the mapping screen writes, every channel and platform is counted', async () => {
    const profile = {
      columns: { Orientation: 'ignore' },
      wide: [
        { column: 'Réseaux sociaux', field: 'recruitmentChannels', code: 'social_network' },
        { column: 'Messagerie', field: 'recruitmentChannels', code: 'messaging_app' },
        { column: 'Petites annonces en ligne', field: 'recruitmentChannels', code: 'classified_ads' },
        { column: 'Famille', field: 'recruitmentChannels', code: 'family' },
        { column: 'Facebook', field: 'recruitmentPlatforms', code: 'facebook' },
        { column: 'Insta', field: 'recruitmentPlatforms', code: 'instagram' },
        { column: 'WhatsApp', field: 'recruitmentPlatforms', code: 'whatsapp' },
        { column: 'Snap', field: 'recruitmentPlatforms', code: 'snapchat' },
      ],
      values: { exploitationTypes: { 'TEH-S': 'sexual' } },
    };
    const r = await h.run(file, 'wide-excel', { profile });
    expect(r.outcome, JSON.stringify(r.report.warnings)).toBe('committed');
    expect(r.report.columns.some((c) => c.needsDecision)).toBe(false);
    const { rows } = await h.client.query(
      `SELECT reference_year::text AS year, count(*)::int AS cases FROM case_record c
       JOIN association a ON a.id = c.association_id WHERE a.slug = 'wide-excel' GROUP BY 1`,
    );
    expect(Object.fromEntries(rows.map((x) => [x.year, x.cases]))).toEqual({
      '2023': expected['2023'].cases,
      '2024': expected['2024'].cases,
    });
    for (const [field, col] of [
      ['recruitmentChannels', 'recruitment_channels'],
      ['recruitmentPlatforms', 'recruitment_platforms'],
      ['exploitationTypes', 'exploitation_types'],
    ]) {
      const { rows: counts } = await h.client.query(
        `SELECT reference_year::text AS year, code, count(*)::int AS n FROM case_record c
         JOIN association a ON a.id = c.association_id, unnest(c.${col}) AS code
         WHERE a.slug = 'wide-excel' GROUP BY 1, 2`,
      );
      for (const year of ['2023', '2024']) {
        const got = Object.fromEntries(counts.filter((x) => x.year === year).map((x) => [x.code, x.n]));
        expect(got, `${field} ${year}`).toEqual(expected[year][field]);
      }
    }
    // The report's reading of the loaded file agrees with the records.
    const channels = r.report.understood!.find((u) => u.field === 'recruitmentChannels')!;
    const total = (code: string) =>
      expected['2023'].recruitmentChannels[code] + expected['2024'].recruitmentChannels[code];
    expect(channels.codes.find((c) => c.code === 'messaging_app')!.count).toBe(total('messaging_app'));
    expect(channels.unknown).toBe(total('unknown'));
  });
});

describe('a column of data without a title', () => {
  const h = useHarness('untitled');

  it('is reported (a profile cannot name it) without blocking the confirmation', async () => {
    const f = await h.writeFile('untitled.csv', 'Année;Sexe;\n2023;F;X\n2023;H;\n2023;F;X\n2024;F;\n');
    const r = await h.run(f, 'untitled', { dryRun: true });
    expect(r.outcome).toBe('dry_run');
    expect(r.report.columns.some((c) => c.needsDecision)).toBe(false);
    expect(r.report.warnings.find((w) => w.code === 'untitled_data_column')?.message.fr).toMatch(
      /n° 3 n'a pas de titre/,
    );
  });
});

describe('a column of ticks read as something else', () => {
  const h = useHarness('ticks');

  it('is doubtful, with its ticks as samples', async () => {
    // "Plateforme" reads as the platform column, but its cells are ticks: a wide column to declare.
    const f = await h.writeFile('ticks.csv', 'Année;Sexe;Plateforme\n2023;F;oui\n2023;H;\n2023;F;1\n2024;F;\n');
    const r = await h.run(f, 'ticks', { dryRun: true });
    const c = r.report.columns.find((x) => x.header === 'Plateforme')!;
    expect(c).toMatchObject({ status: 'mapped', field: 'recruitmentPlatforms', doubtful: true });
    expect(c.samples!.map((s) => s.value).sort()).toEqual(['1', 'oui']);
    expect(r.report.warnings.map((w) => w.code)).toContain('doubtful_column');
    // "X" in such a column is the platform X (Twitter): what was understood says so.
    const platforms = r.report.understood!.find((u) => u.field === 'recruitmentPlatforms')!;
    expect(platforms.unknownValues.map((u) => u.rawValue).sort()).toEqual(['1', 'oui']);
  });
});
