import { describe, expect, it } from 'vitest';
import { importReportSchema, MAPPING_FIELDS } from '@observatoire/schema';
import { KEPT_VALUE_FIELDS } from '../../src/index.js';
import { useHarness } from './helpers.js';

/**
 * What an import report and its rejected rows may keep (coded values only: never a case id, a date or free text),
 * how a birth date becomes an age band, and how ragged rows are read and reported.
 */
describe('report contents', () => {
  const h = useHarness('asso-r');

  const narrative = 'Contactée sur internet par un inconnu qui lui promettait un emploi de serveuse à Paris';

  it('keeps raw values of coded columns only; rejected rows keep the coded cells, nothing else', async () => {
    const f = await h.writeFile(
      'private.csv',
      'N° dossier;Date premier contact;Sexe;Nationalité;Recrutement;Observations\n' +
        'K-1;12/03/2023;Femme;Nigeria;Réseaux sociaux;Suivie depuis longtemps par notre équipe de maraude\n' +
        'K-2;45/13/2023;Femme;Roumanie;Famille;rien\n' +
        `K-3;01/02/2023;Femmme;Maroc;${narrative};rien\n` +
        'K-4;;Homme;Chine;Famille;rien\n',
    );
    const r = await h.run(f, 'asso-r', { skipInvalidRows: true });
    expect(r.outcome).toBe('committed');
    expect(importReportSchema.safeParse(r.report).success).toBe(true);
    const text = JSON.stringify(r.report);
    for (const secret of ['K-1', 'K-2', '45/13/2023', 'maraude', 'serveuse']) expect(text).not.toContain(secret);
    // The unreadable date: row and column said, the value (a date) not kept.
    const dateError = r.report.errors.find((e) => e.row === 3);
    expect(dateError).toMatchObject({ code: 'year_invalid', column: 'Date premier contact' });
    expect(dateError).not.toHaveProperty('rawValue');
    // A misspelt code keeps its value (to map it); a sentence typed into a coded column does not.
    const unknown = r.report.warnings.filter((w) => w.code === 'unknown_value');
    expect(unknown.map((w) => [w.column, w.rawValue])).toEqual(
      expect.arrayContaining([
        ['Sexe', 'Femmme'],
        ['Recrutement', undefined],
      ]),
    );
    expect(r.rejectedRows).toEqual({
      columns: ['Sexe', 'Nationalité', 'Recrutement'],
      rows: [
        { row: 3, cells: ['Femme', 'Roumanie', 'Famille'] },
        { row: 5, cells: ['Homme', 'Chine', 'Famille'] },
      ],
    });
    const { rows } = await h.client.query(
      `SELECT rejected_rows, rejected_rows_until - finished_at AS kept FROM import_batch WHERE id = $1`,
      [r.batchId],
    );
    expect(rows[0].rejected_rows).toEqual(r.rejectedRows);
    expect(rows[0].kept).toMatchObject({ days: 30 });
  });

  it('the fields whose raw values may be kept are the coded ones: never an id, a date, a birth date or free text', () => {
    const never = ['caseId', 'referenceDate', 'birthDate', 'freeText'];
    expect([...KEPT_VALUE_FIELDS].sort()).toEqual(MAPPING_FIELDS.filter((f) => !never.includes(f)).sort());
  });

  it('a cell too long for the reader fails the file without quoting the cell', async () => {
    const f = await h.writeFile('long.csv', `Année;Sexe;Observations\n2023;Femme;${narrative.repeat(3)}\n`);
    const r = await h.run(f, 'asso-r', { limits: { maxCellLength: 100 } });
    expect(r.outcome).toBe('failed');
    expect(r.report.warnings[0]).toMatchObject({ code: 'cell_too_long', row: 2 });
    expect(JSON.stringify(r.report)).not.toContain('serveuse');
  });

  it('a full birth date becomes the age band at the reference date, is never stored, and the report says not to send it', async () => {
    await h.association('asso-birth');
    // Born 10 June 2005, supported 1 March 2023: 17 years old (the year alone would say 18).
    const f = await h.writeFile(
      'birth.csv',
      'Date premier contact;Sexe;Date de naissance\n01/03/2023;Femme;10/06/2005\n15/09/2023;Femme;10/06/2005\n',
    );
    const r = await h.run(f, 'asso-birth');
    expect(r.outcome).toBe('committed');
    const { rows } = await h.client.query(
      `SELECT age_band, is_minor FROM case_record c JOIN association a ON a.id = c.association_id
        WHERE a.slug = 'asso-birth' ORDER BY source_row`,
    );
    expect(rows).toEqual([
      { age_band: '9-17', is_minor: true },
      { age_band: '18-20', is_minor: false },
    ]);
    const w = r.report.warnings.find((x) => x.code === 'birth_date_dropped');
    expect(w?.message.fr).toMatch(/tranche d'âge à la date de référence.*N'envoyez pas de dates de naissance/);
    expect(w?.message.en).toMatch(/age band at the case's reference date.*Do not send birth dates/);
    expect(JSON.stringify(r.report)).not.toContain('2005');
  });

  it('ragged rows: extra cells ignored, missing cells empty, both reported with their rows', async () => {
    await h.association('asso-ragged');
    const f = await h.writeFile(
      'ragged.csv',
      'Année;Sexe;Âge;Nationalité;Exploitation;Recrutement\n' +
        '2023;Femme;25;Maroc;Travail forcé;Famille\n' +
        '2023;Femme\n' +
        '2023;Homme;31;France;Travail forcé;Famille;x;y;z\n' +
        '2023;Homme;40;France;Travail forcé;Famille;;;\n' +
        '2023;Femme;22\n',
    );
    const r = await h.run(f, 'asso-ragged');
    expect(r.outcome).toBe('committed');
    expect(r.report.counts.rowsAccepted).toBe(5);
    const long = r.report.warnings.find((w) => w.code === 'ragged_row_long');
    const short = r.report.warnings.find((w) => w.code === 'ragged_row_short');
    // Trailing empty cells lose nothing: row 5 is not ragged.
    expect(long).toMatchObject({ severity: 'warning', count: 1, rows: [4] });
    expect(short).toMatchObject({ severity: 'warning', count: 2, rows: [3, 6] });
    expect(long?.message.fr).toMatch(/plus de cellules.*lignes 4.*ignorées/);
    expect(short?.message.en).toMatch(/fewer cells.*rows 3, 6.*read as empty/);
    const { rows } = await h.client.query(
      `SELECT source_row, gender, age_band, citizenship FROM case_record c JOIN association a ON a.id = c.association_id
        WHERE a.slug = 'asso-ragged' ORDER BY source_row`,
    );
    expect(rows.find((x) => x.source_row === 3)).toMatchObject({ gender: 'female', age_band: 'unknown' });
    expect(rows.find((x) => x.source_row === 4)).toMatchObject({ gender: 'male', citizenship: ['FR'] });
  });

  it('an unsupported format names the file the user gave, not the stored one', async () => {
    const f = await h.writeFile('0b5e7a70-0000-4000-8000-000000000000.bin', 'Année;Sexe\n2023;F\n');
    const r = await h.run(f, 'asso-r', { fileName: 'Suivi 2023.numbers' });
    expect(r.outcome).toBe('failed');
    expect(r.report.fileName).toBe('Suivi 2023.numbers');
    expect(r.report.warnings[0].message.fr).toContain('« Suivi 2023.numbers »');
    expect(JSON.stringify(r.report)).not.toContain('0b5e7a70');
  });
});
