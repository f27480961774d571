import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fixture, type Harness, useHarness } from './helpers.js';

const HEADER = 'N° dossier;Année;Sexe;Âge;Nationalité;Exploitation;Recrutement;Plateforme';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

describe('load semantics', () => {
  const h = useHarness('asso-a', 'asso-b');

  /** A new association `slug` and its first upload: these rows under the header, as <slug>.csv. */
  const firstUpload = async (slug: string, rows: string[], opts?: Parameters<Harness['run']>[2]) => {
    await h.association(slug);
    return h.run(await h.writeFile(`${slug}.csv`, csv(...rows)), slug, opts);
  };

  const recordsOf = async (slug: string) =>
    (
      await h.client.query(
        `SELECT reference_year, gender, age_band, citizenship, source_row, batch_id FROM case_record c
         JOIN association a ON a.id = c.association_id WHERE a.slug = $1 ORDER BY reference_year, source_row`,
        [slug],
      )
    ).rows;

  it('the same file twice changes nothing, and the report says so', async () => {
    const file = fixture('safe-harbour-nice-export.csv');
    const first = await h.run(file, 'asso-a');
    expect(first.outcome).toBe('committed');
    const before = await h.snapshot();
    const second = await h.run(file, 'asso-a');
    expect(second.outcome).toBe('duplicate');
    expect(second.batchId).toBe(first.batchId);
    expect(second.report.summary.fr).toMatch(/déjà été importé/);
    expect(await h.snapshot()).toBe(before);
  });

  it('an upload replaces exactly the years it contains; earlier batches are superseded for those years', async () => {
    const v1 = await h.writeFile(
      'v1.csv',
      csv(
        'A1;2021;F;25;Maroc;Travail forcé;Famille;',
        'A2;2022;F;30;Maroc;Travail forcé;Famille;',
        'A3;2022;H;40;Chine;Mendicité forcée;Inconnu;',
      ),
    );
    const r1 = await h.run(v1, 'asso-b');
    expect(r1.report.counts).toMatchObject({
      recordsNew: 3,
      recordsReplaced: 0,
      recordsUnchanged: 0,
      recordsRemoved: 0,
    });
    // 2022 again: A2 unchanged, A3 changed (age), A3 dropped? no: A4 new, A3 kept with a new age; 2021 untouched.
    const v2 = await h.writeFile(
      'v2.csv',
      csv(
        'A2;2022;F;30;Maroc;Travail forcé;Famille;',
        'A3;2022;H;41;Chine;Mendicité forcée;Inconnu;',
        'A4;2022;F;19;France;Exploitation sexuelle;Réseaux sociaux;Snap',
      ),
    );
    const r2 = await h.run(v2, 'asso-b');
    expect(r2.outcome).toBe('committed');
    expect(r2.report.referenceYears).toEqual([2022]);
    expect(r2.report.counts).toMatchObject({
      recordsNew: 1,
      recordsReplaced: 0,
      recordsUnchanged: 2,
      recordsRemoved: 0,
    });
    // 41 and 40 fall in the same band: the stored record is unchanged. A different band is a replacement:
    const v3 = await h.writeFile('v3.csv', csv('A2;2022;F;17;Maroc;Travail forcé;Famille;'));
    // Removing two stored cases of 2022 is a decision: without naming the year, nothing changes.
    const kept = await h.snapshot();
    const refused = await h.run(v3, 'asso-b');
    expect(refused.outcome).toBe('failed');
    expect(refused.report.warnings[0]).toMatchObject({ code: 'replace_not_confirmed', severity: 'error' });
    expect(refused.report.warnings[0].message.fr).toContain("2022 : 3 dossiers aujourd'hui, 1 après cet envoi");
    expect(refused.report.warnings[0].message.en).toContain('2022: 3 cases today, 1 after this upload');
    expect(await h.snapshot()).toBe(kept);
    const r3 = await h.run(v3, 'asso-b', { replaceYears: [2022] });
    expect(r3.report.yearChanges).toEqual([
      { year: 2022, before: 3, after: 1, new: 0, replaced: 1, unchanged: 0, removed: 2, partial: true },
    ]);
    expect(r3.report.counts).toMatchObject({
      recordsNew: 0,
      recordsReplaced: 1,
      recordsUnchanged: 0,
      recordsRemoved: 2,
    });
    const rows = await recordsOf('asso-b');
    expect(rows.map((r) => [r.reference_year, r.age_band])).toEqual([
      [2021, '24-26'],
      [2022, '9-17'],
    ]);
    expect(rows[0].batch_id).toBe(r1.batchId);
    expect(rows[1].batch_id).toBe(r3.batchId);
    const { rows: batches } = await h.client.query(
      `SELECT id, status, reference_years, superseded_years FROM import_batch WHERE id = ANY($1) ORDER BY created_at`,
      [[r1.batchId, r2.batchId, r3.batchId]],
    );
    expect(batches.map((b) => [b.status, b.reference_years, b.superseded_years])).toEqual([
      ['committed', [2021, 2022], [2022]],
      ['superseded', [2022], [2022]],
      ['committed', [2022], []],
    ]);
    // Aggregates follow: 2022 holds one case now.
    const { rows: agg } = await h.client.query(
      `SELECT reference_year, cases FROM case_aggregate g JOIN association a ON a.id = g.association_id
       WHERE a.slug = 'asso-b' AND dimension = 'cases' ORDER BY 1`,
    );
    expect(agg).toEqual([
      { reference_year: 2021, cases: 1 },
      { reference_year: 2022, cases: 1 },
    ]);
  });

  it('removing stored cases needs the year named; a dry run only reports before and after per year', async () => {
    const first = await firstUpload('asso-years', [
      ...Array.from({ length: 18 }, (_, i) => `Y${i};2023;F;25;Maroc;Travail forcé;Famille;`),
      'Z1;2024;F;30;Maroc;Travail forcé;Famille;',
    ]);
    expect(first.outcome).toBe('committed');
    const partial = await h.writeFile('years-partial.csv', csv('Y0;2023;F;25;Maroc;Travail forcé;Famille;'));
    const before = await h.snapshot();
    const dry = await h.run(partial, 'asso-years', { dryRun: true });
    expect(dry.outcome).toBe('dry_run');
    expect(dry.report.yearChanges).toEqual([
      { year: 2023, before: 18, after: 1, new: 0, replaced: 0, unchanged: 1, removed: 17, partial: true },
    ]);
    // Naming another year is no consent for 2023.
    const other = await h.run(partial, 'asso-years', { replaceYears: [2024] });
    expect(other.outcome).toBe('failed');
    expect(other.report.warnings.map((w) => w.code)).toContain('replace_not_confirmed');
    expect(await h.snapshot()).toBe(before);
    // A change of content without removal (same keys) needs no consent; 2024 is left as it was.
    const fixed = await h.writeFile(
      'years-fixed.csv',
      csv(...Array.from({ length: 18 }, (_, i) => `Y${i};2023;H;25;Maroc;Travail forcé;Famille;`)),
    );
    const changed = await h.run(fixed, 'asso-years');
    expect(changed.outcome).toBe('committed');
    expect(changed.report.yearChanges).toEqual([
      { year: 2023, before: 18, after: 18, new: 0, replaced: 18, unchanged: 0, removed: 0, partial: false },
    ]);
    const { rows } = await h.client.query(
      `SELECT reference_year, count(*)::int AS n FROM case_record c JOIN association a ON a.id = c.association_id
       WHERE a.slug = 'asso-years' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { reference_year: 2023, n: 18 },
      { reference_year: 2024, n: 1 },
    ]);
  });

  it('a file whose years were partly replaced by a later upload loads again when re-uploaded', async () => {
    await h.association('asso-back');
    const full = await h.writeFile(
      'full.csv',
      csv('B1;2021;F;25;Maroc;Travail forcé;Famille;', 'B2;2022;F;30;Maroc;Travail forcé;Famille;'),
    );
    const fix = await h.writeFile('fix.csv', csv('B2;2022;H;30;Maroc;Travail forcé;Famille;'));
    const r1 = await h.run(full, 'asso-back');
    expect((await h.run(fix, 'asso-back')).report.counts).toMatchObject({ recordsReplaced: 1 });
    // The first file is no longer the truth for 2022: sending it again is not a duplicate.
    const again = await h.run(full, 'asso-back');
    expect(again.outcome).toBe('committed');
    expect(again.batchId).not.toBe(r1.batchId);
    expect(again.report.counts).toMatchObject({ recordsUnchanged: 1, recordsReplaced: 1 });
    expect((await recordsOf('asso-back')).map((r) => r.batch_id)).toEqual([again.batchId, again.batchId]);
    const { rows } = await h.client.query(`SELECT status FROM import_batch WHERE id = $1`, [r1.batchId]);
    expect(rows[0].status).toBe('superseded');
    // And now it is live again: a third time is a duplicate.
    expect((await h.run(full, 'asso-back')).outcome).toBe('duplicate');
  });

  it('a dry run gives the same report and writes nothing', async () => {
    await h.association('asso-dry');
    const file = fixture('aurore-paris-2019-2024.csv');
    const before = await h.snapshot();
    const dry = await h.run(file, 'asso-dry', { dryRun: true });
    expect(dry.outcome).toBe('dry_run');
    expect(await h.snapshot()).toBe(before);
    const { rows } = await h.client.query(`SELECT count(*)::int AS n FROM import_batch WHERE dry_run`);
    expect(rows[0].n).toBe(0);
    const real = await h.run(file, 'asso-dry');
    expect(real.report.counts).toEqual(dry.report.counts);
    expect(real.report.warnings).toEqual(dry.report.warnings);
  });

  it('duplicate case ids within a year are rejected with their rows', async () => {
    const r = await firstUpload('asso-dup', [
      'X1;2023;F;25;Maroc;Travail forcé;Famille;',
      'X1;2023;F;26;Maroc;Travail forcé;Famille;',
      'X1;2024;F;26;Maroc;Travail forcé;Famille;',
    ]);
    expect(r.outcome).toBe('rejected');
    expect(r.report.errors.map((e) => [e.code, e.row, e.column])).toEqual([['duplicate_case', 3, 'N° dossier']]);
    expect(await recordsOf('asso-dup')).toEqual([]);
  });

  it('with --skip-invalid-rows a repeated case id keeps its first row', async () => {
    const r = await firstUpload(
      'asso-dup2',
      [
        'Y1;2023;F;25;Maroc;Travail forcé;Famille;',
        'Y1;2023;H;26;Maroc;Travail forcé;Famille;',
        'Y2;2023;F;26;Maroc;Travail forcé;Famille;',
      ],
      { skipInvalidRows: true },
    );
    expect(r.outcome).toBe('committed');
    expect(r.report.counts).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1, recordsNew: 2 });
    expect((await recordsOf('asso-dup2')).map((x) => [x.source_row, x.gender])).toEqual([
      [2, 'female'],
      [4, 'female'],
    ]);
  });

  it('thousands of bad rows: the report lists the first 1000 errors and counts them all', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `M${i};1999;F;25;Maroc;Travail forcé;Famille;`);
    const r = await firstUpload('asso-many', rows);
    expect(r.outcome).toBe('rejected');
    expect(r.report.counts.rowsRejected).toBe(1500);
    expect(r.report.errors).toHaveLength(1000);
    expect(r.report.errorsTruncated).toBe(500);
    expect(r.report.errors[0]).toMatchObject({ code: 'year_out_of_range', row: 2, rawValue: '1999' });
  });

  it('header changes since the previous upload are reported (appeared, vanished, renamed)', async () => {
    await firstUpload('asso-h', ['H1;2023;F;25;Maroc;Travail forcé;Famille;']);
    const f2 = await h.writeFile(
      'h2.csv',
      [
        'Identifiant;Année;Sexe;Âge;Nationalité;Exploitation;Recrutement;Pays d’exploitation',
        'H1;2023;F;25;Maroc;Travail forcé;Famille;France',
      ].join('\n'),
    );
    const r = await h.run(f2, 'asso-h');
    expect(r.outcome).toBe('committed');
    expect(r.report.headerChanges).toEqual({
      appeared: ['Pays d’exploitation'],
      vanished: ['Plateforme'],
      renamed: [{ from: 'N° dossier', to: 'Identifiant' }],
    });
  });

  it('UTF-16 LE with BOM (Excel "Unicode text"), tab-separated, loads like the UTF-8 file', async () => {
    await h.association('asso-utf16');
    const text = csv('U1;2023;Femme;24 ans;Côte d’Ivoire;Exploitation sexuelle;Réseaux sociaux;Facebook').replace(
      /;/g,
      '\t',
    );
    const f = await h.writeFile('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]));
    const r = await h.run(f, 'asso-utf16');
    expect(r.outcome, JSON.stringify(r.report.warnings)).toBe('committed');
    const { rows } = await h.client.query(
      `SELECT citizenship, recruitment_channels, recruitment_platforms, age_band FROM case_record c JOIN association a ON a.id = c.association_id WHERE a.slug = 'asso-utf16'`,
    );
    expect(rows).toEqual([
      {
        citizenship: ['CI'],
        recruitment_channels: ['social_network'],
        recruitment_platforms: ['facebook'],
        age_band: '24-26',
      },
    ]);
  });

  it('unrecognised values become unknown, with one warning per raw value and its count', async () => {
    const r = await firstUpload('asso-unk', [
      'K1;2023;Femme;25;Maroc;Truc bizarre;Famille;',
      'K2;2023;Femme;25;Maroc;Truc bizarre;Famille;',
      'K3;2023;Zorglub;25;Maroc;Travail forcé;Famille;',
    ]);
    expect(r.outcome).toBe('committed');
    const unknown = r.report.warnings.filter((w) => w.code === 'unknown_value');
    expect(unknown.map((w) => [w.column, w.rawValue, w.count, w.rows])).toEqual([
      ['Exploitation', 'Truc bizarre', 2, [2, 3]],
      ['Sexe', 'Zorglub', 1, [4]],
    ]);
  });

  it('JSON records in the canonical shape load too', async () => {
    await h.association('asso-json');
    const f = await h.writeFile(
      'cases.json',
      JSON.stringify([
        {
          caseId: 'J1',
          referenceYear: 2022,
          gender: 'female',
          age: 19,
          citizenship: ['NG', 'FR'],
          exploitationTypes: ['sexual'],
          recruitmentChannels: ['social_network'],
          recruitmentPlatforms: ['instagram'],
        },
        {
          caseId: 'J2',
          referenceYear: 2023,
          gender: 'male',
          age: null,
          citizenship: 'RO',
          exploitationTypes: 'labour',
        },
      ]),
    );
    const r = await h.run(f, 'asso-json');
    expect(r.outcome, JSON.stringify(r.report.warnings)).toBe('committed');
    const { rows } = await h.client.query(
      `SELECT reference_year, gender, age_band, is_minor, citizenship, recruitment_platforms FROM case_record c JOIN association a ON a.id = c.association_id WHERE a.slug = 'asso-json' ORDER BY 1`,
    );
    expect(rows).toEqual([
      {
        reference_year: 2022,
        gender: 'female',
        age_band: '18-20',
        is_minor: false,
        citizenship: ['FR', 'NG'],
        recruitment_platforms: ['instagram'],
      },
      {
        reference_year: 2023,
        gender: 'male',
        age_band: 'unknown',
        is_minor: null,
        citizenship: ['RO'],
        recruitment_platforms: ['unknown'],
      },
    ]);
  });

  it('computes the same case keys in the worker thread as inline, over many key batches, with and without ids', async () => {
    const rows = (withId: boolean) =>
      Array.from({ length: 9000 }, (_, i) =>
        [
          withId ? `K-${i}` : '',
          2016 + (i % 8),
          i % 3 ? 'F' : 'H',
          18 + (i % 40),
          'Maroc',
          'Travail forcé',
          'Famille',
          '',
        ].join(';'),
      );
    for (const [slug, withId] of [
      ['asso-keys-id', true],
      ['asso-keys-content', false],
    ] as const) {
      const inline = await firstUpload(slug, rows(withId), { keyWorker: false });
      expect(inline.outcome).toBe('committed');
      expect(inline.report.counts.recordsNew).toBe(9000);
      // A dry run of the same rows (another file: the same one would be a duplicate upload) finds every record
      // unchanged: same keys, same profiles.
      const again = await h.writeFile(`${slug}-again.csv`, csv(...rows(withId)) + '\r\n');
      const worker = await h.run(again, slug, { keyWorker: true, dryRun: true });
      expect(worker.outcome).toBe('dry_run');
      expect(worker.report.counts).toMatchObject({ recordsNew: 0, recordsUnchanged: 9000, recordsReplaced: 0 });
    }
  });

  it('finds a case id repeated far apart in a large file (after several key batches), in the worker or not', async () => {
    await h.association('asso-far-dup');
    const lines = Array.from({ length: 9000 }, (_, i) => `F-${i};2020;F;30;Maroc;Travail forcé;Famille;`);
    lines[8500] = 'F-3;2020;F;31;Maroc;Travail forcé;Famille;';
    const file = await h.writeFile('far-dup.csv', csv(...lines));
    for (const keyWorker of [false, true]) {
      const r = await h.run(file, 'asso-far-dup', { keyWorker, dryRun: true });
      expect(r.outcome).toBe('rejected');
      expect(r.report.errors.map((e) => [e.code, e.row])).toEqual([['duplicate_case', 8502]]);
    }
  });

  it('two associations loading at once, adding the same new profiles in opposite orders over many chunks, both commit', async () => {
    const countries = [
      'Maroc',
      'Chine',
      'France',
      'Nigéria',
      'Roumanie',
      'Albanie',
      'Brésil',
      'Bulgarie',
      'Guinée',
      'Cameroun',
    ];
    const types = ['Travail forcé', 'Mendicité forcée', 'Exploitation sexuelle'];
    // 30 profiles, five new ones per 50-row chunk: A meets them in one order, B in the opposite one.
    const profileRow = (p: number, i: number) =>
      `P-${i};2021;F;30;${countries[p % 10]};${types[Math.floor(p / 10)]};Famille;`;
    const file = (name: string, order: (chunk: number) => number) =>
      h.writeFile(
        name,
        csv(...Array.from({ length: 300 }, (_, i) => profileRow(order(Math.floor(i / 50)) * 5 + (i % 5), i))),
      );
    await h.association('asso-order-a');
    await h.association('asso-order-b');
    const a = await file('order-a.csv', (c) => c);
    const b = await file('order-b.csv', (c) => 5 - c);
    const [ra, rb] = await Promise.all([
      h.run(a, 'asso-order-a', { chunkRows: 50, keyWorker: false }),
      h.run(b, 'asso-order-b', { chunkRows: 50, keyWorker: false }),
    ]);
    expect([ra.outcome, rb.outcome]).toEqual(['committed', 'committed']);
    const shared = await h.client.query(
      `SELECT count(DISTINCT c.profile_id)::int AS n FROM case_record c
       JOIN association a ON a.id = c.association_id WHERE a.slug LIKE 'asso-order-%'`,
    );
    expect(shared.rows[0].n).toBe(30);
    const { rows } = await h.client.query(
      `SELECT a.slug, count(*)::int AS n, count(DISTINCT c.profile_id)::int AS profiles FROM case_record c
       JOIN association a ON a.id = c.association_id WHERE a.slug LIKE 'asso-order-%' GROUP BY a.slug ORDER BY 1`,
    );
    expect(rows).toEqual([
      { slug: 'asso-order-a', n: 300, profiles: 30 },
      { slug: 'asso-order-b', n: 300, profiles: 30 },
    ]);
  });
});
