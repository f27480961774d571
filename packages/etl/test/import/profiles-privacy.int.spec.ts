import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { identifierHeaderKind } from '../../src/index.js';
import { fixture, useHarness } from './helpers.js';

describe('mapping profiles and wide layouts', () => {
  const h = useHarness('wide');

  const profile = JSON.parse(readFileSync(fixture('own/wide-layout.profile.json'), 'utf8'));
  const records = async () =>
    (
      await h.client.query(
        `SELECT reference_year, gender, citizenship, recruitment_channels, recruitment_platforms, exploitation_types
         FROM case_record c JOIN association a ON a.id = c.association_id WHERE a.slug = 'wide' ORDER BY source_row`,
      )
    ).rows;

  it('reads a wide layout (X / oui / 1 / yes), takes the year from a date column, and stores the profile', async () => {
    const r = await h.run(fixture('own/wide-layout.csv'), 'wide', { profile, saveProfile: true });
    expect(r.outcome, JSON.stringify(r.report.warnings)).toBe('committed');
    expect(r.report.headerRow).toBe(2);
    expect(await records()).toEqual([
      {
        reference_year: 2023,
        gender: 'female',
        citizenship: ['NG'],
        recruitment_channels: ['social_network'],
        recruitment_platforms: ['facebook'],
        exploitation_types: ['sexual'],
      },
      {
        reference_year: 2023,
        gender: 'female',
        citizenship: ['RO'],
        recruitment_channels: ['messaging_app', 'social_network'],
        recruitment_platforms: ['instagram', 'whatsapp'],
        exploitation_types: ['sexual'],
      },
      {
        reference_year: 2022,
        gender: 'male',
        citizenship: ['MA'],
        recruitment_channels: ['family'],
        recruitment_platforms: ['unknown'],
        exploitation_types: ['labour'],
      },
      {
        reference_year: 2022,
        gender: 'female',
        citizenship: ['CN'],
        recruitment_channels: ['classified_ads'],
        recruitment_platforms: ['unknown'],
        exploitation_types: ['labour', 'sexual'],
      },
    ]);
    expect(r.report.warnings.map((w) => w.code)).toContain('free_text_dropped');
    const { rows } = await h.client.query(`SELECT mapping_profile FROM association WHERE slug = 'wide'`);
    expect(rows[0].mapping_profile.wide).toHaveLength(7);
  });

  it('uses the stored profile automatically on the next upload', async () => {
    const f = await h.writeFile(
      'wide2.csv',
      readFileSync(fixture('own/wide-layout.csv'), 'utf8').replace('W4;02/02/2022;F;', 'W4;02/02/2022;H;'),
    );
    const r = await h.run(f, 'wide');
    expect(r.outcome).toBe('committed');
    expect(r.report.counts).toMatchObject({ recordsUnchanged: 3, recordsReplaced: 1 });
  });

  it('an invalid profile is a clear error, not a crash', async () => {
    await expect(
      h.run(fixture('own/wide-layout.csv'), 'wide', { profile: { wide: [{ column: 'X' }] } }),
    ).rejects.toMatchObject({
      code: 'invalid_mapping_profile',
    });
  });

  it('without a profile, unmapped columns are listed with a close suggestion', async () => {
    await h.association('typo');
    const f = await h.writeFile('typo.csv', 'Année;Sexe;Nationalitee;Recrutment;Couleur\n2023;F;Maroc;Famille;bleu\n');
    const r = await h.run(f, 'typo');
    const cols = Object.fromEntries(r.report.columns.map((c) => [c.header, [c.status, c.suggestion]]));
    expect(cols['Nationalitee']).toEqual(['unmapped', 'nationalite']);
    expect(cols['Recrutment']).toEqual(['unmapped', 'recrutement']);
    expect(cols['Couleur']).toEqual(['unmapped', undefined]);
    expect(r.report.warnings.find((w) => w.column === 'Nationalitee')?.message.fr).toMatch(/Vouliez-vous dire/);
  });
});

describe('privacy guard', () => {
  const h = useHarness('pp');
  let before: string;
  beforeAll(async () => {
    before = await h.snapshot();
  });

  it.each([
    ['Nom', 'name'],
    ['Prénom(s)', 'name'],
    ['NOM DE FAMILLE', 'name'],
    ['E-mail', 'email'],
    ['Tél.', 'phone'],
    ['Adresse postale', 'postal_address'],
    ['N° passeport', 'identity_document'],
    ['Numéro de sécurité sociale', 'social_security'],
  ])('header %s is an identifier (%s)', (header, kind) => {
    expect(identifierHeaderKind(header)).toBe(kind);
  });

  it.each(['Nombre', 'Nationalité', 'Année', 'Mode de recrutement', 'Plateforme', 'N° dossier', 'Identifiant'])(
    'header %s is not an identifier',
    (header) => expect(identifierHeaderKind(header)).toBeNull(),
  );

  it.each([
    ['e-mail addresses', 'marie.dupont@example.org', 'email'],
    ['phone numbers', '06 12 34 56 78', 'phone'],
    ['international phone numbers', '+234 803 123 4567', 'phone'],
    ['postal addresses', '12 rue des Lilas', 'postal_address'],
    ['social security numbers', '2 84 05 75 123 456 78', 'social_security'],
  ])('content: a column of %s under an innocent header refuses the whole file', async (_label, value, kind) => {
    const f = await h.writeFile('content.csv', `Année;Sexe;Info\n2023;F;autre\n2023;F;${value}\n2023;H;autre\n`);
    const r = await h.run(f, 'pp');
    expect(r.outcome).toBe('refused');
    expect(r.rejectedRows).toBeNull();
    const w = r.report.warnings.find((x) => x.code === 'identifier_content');
    expect(w).toMatchObject({ column: 'Info', row: 3, count: 1 });
    expect(w?.message.fr).toContain('refusé');
    // The report names the column and row, never the identifying value itself.
    expect(JSON.stringify(r.report)).not.toContain(value);
    void kind;
    expect(await h.snapshot()).toBe(before);
  });

  it('a file refused for its content after several chunks were merged leaves nothing, profiles included', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `2023;F;${['autre', 'Maroc', 'Chine'][i % 3]}-${i % 7}`);
    // Phone numbers from row 150 on: the first chunks (20 rows each) are merged before the verdict.
    for (let i = 150; i < 200; i++) rows[i] = `2023;F;06 12 34 ${String(10 + (i % 90)).padStart(2, '0')} 78`;
    const f = await h.writeFile('late-phones.csv', `Année;Sexe;Info\n${rows.join('\n')}\n`);
    const profiles = async () => (await h.client.query('SELECT count(*)::int AS n FROM case_profile')).rows[0].n;
    const profilesBefore = await profiles();
    const r = await h.run(f, 'pp', { chunkRows: 20 });
    expect(r.outcome).toBe('refused');
    expect(r.report.warnings.find((x) => x.code === 'identifier_content')).toMatchObject({ column: 'Info' });
    expect(await h.snapshot()).toBe(before);
    expect(await profiles()).toBe(profilesBefore);
  });

  it('a birth date column gives the age band and is dropped', async () => {
    const f = await h.writeFile('dob.csv', 'Année;Sexe;Date de naissance\n2023;F;14/02/2007\n2023;F;1990\n');
    const r = await h.run(f, 'pp');
    expect(r.outcome, JSON.stringify(r.report.errors)).toBe('committed');
    expect(r.report.warnings.map((w) => w.code)).toContain('birth_date_dropped');
    const { rows } = await h.client.query(`SELECT age_band, is_minor FROM case_record ORDER BY source_row`);
    expect(rows).toEqual([
      { age_band: '9-17', is_minor: true },
      { age_band: '30-38', is_minor: false },
    ]);
    expect(JSON.stringify((await h.client.query('SELECT * FROM case_record')).rows)).not.toMatch(/2007|1990/);
  });

  it('case ids are keyed pseudonyms: the same id at two associations gives two keys, and the key needs the secret', async () => {
    await h.association('qa');
    const f = await h.writeFile('ids.csv', 'N° dossier;Année;Sexe\nSAME-1;2023;F\n');
    await h.run(f, 'qa');
    await h.association('q2');
    await h.run(f, 'q2');
    await h.association('q3');
    await h.run(f, 'q3', { pseudonymKey: Buffer.alloc(32, 9) });
    const { rows } = await h.client.query<{ slug: string; case_key: string }>(
      `SELECT a.slug, c.case_key FROM case_record c JOIN association a ON a.id = c.association_id WHERE a.slug LIKE 'q%' ORDER BY a.slug`,
    );
    expect(new Set(rows.map((r) => r.case_key)).size).toBe(3);
    for (const r of rows) expect(r.case_key).toMatch(/^[0-9a-f]{64}$/);
  });
});
