import { beforeAll, describe, expect, it } from 'vitest';
import { importReportSchema } from '@observatoire/schema';
import { fixture, useHarness } from './helpers.js';

/** Every bad sample ends in a clear report and changes nothing already stored. */
describe('bad files', () => {
  const h = useHarness('aurore-paris');
  let before: string;
  beforeAll(async () => {
    // Something already stored, which no bad file may touch.
    expect((await h.run(fixture('aurore-paris-2019-2024.csv'), 'aurore-paris')).outcome).toBe('committed');
    before = await h.snapshot();
  });

  it('pii-names.csv is refused whole: the identifier columns are named, nothing is kept, not even rejected rows', async () => {
    const r = await h.run(fixture('bad/pii-names.csv'), 'aurore-paris');
    expect(r.outcome).toBe('refused');
    expect(r.rejectedRows).toBeNull();
    const refused = r.report.warnings.filter((w) => w.code === 'identifier_column').map((w) => w.column);
    expect(refused).toEqual(['Nom', 'Prénom', 'Téléphone']);
    expect(r.report.warnings[0].message.fr).toMatch(/refusé en entier/);
    expect(r.report.warnings[0].message.en).toMatch(/whole file is refused/);
    expect(await h.snapshot()).toBe(before);
    const { rows } = await h.client.query(`SELECT status, stored_file FROM import_batch WHERE id = $1`, [r.batchId]);
    expect(rows[0]).toEqual({ status: 'refused', stored_file: null });
  });

  it.each([
    ['bad/empty.csv', 'empty_file'],
    ['bad/header-only.csv', 'no_data'],
    ['bad/not-a-spreadsheet.xlsx', 'content_pdf'],
  ])('%s fails with a clear message (%s)', async (file, code) => {
    const r = await h.run(fixture(file), 'aurore-paris');
    expect(r.outcome).toBe('failed');
    expect(importReportSchema.safeParse(r.report).success).toBe(true);
    const e = r.report.warnings.find((w) => w.severity === 'error');
    expect(e?.code).toBe(code);
    expect(e?.message.fr.length).toBeGreaterThan(20);
    expect(e?.message.en.length).toBeGreaterThan(20);
    expect(JSON.stringify(r.report)).not.toMatch(/\n\s+at /);
    expect(await h.snapshot()).toBe(before);
  });

  it('bad-values.csv: each bad row is rejected with its row, column and raw value; nothing is loaded', async () => {
    const r = await h.run(fixture('bad/bad-values.csv'), 'aurore-paris');
    expect(r.outcome).toBe('rejected');
    expect(r.report.counts).toMatchObject({ rowsRead: 4, rowsAccepted: 1, rowsRejected: 3 });
    expect(r.report.errors.map((e) => [e.code, e.row, e.column, e.rawValue])).toEqual([
      ['year_invalid', 3, 'Année', 'vingt'],
      ['year_out_of_range', 4, 'Année', '2099'],
      ['age_out_of_range', 4, 'Âge', '-4'],
      ['age_out_of_range', 5, 'Âge', '250'],
    ]);
    for (const e of r.report.errors) {
      expect(e.message.fr).toMatch(/corrigez|écrivez/i);
      expect(e.message.en).toMatch(/correct|write/i);
    }
    expect(await h.snapshot()).toBe(before);
  });

  it('bad-values.csv with --skip-invalid-rows loads the one good row only', async () => {
    await h.association('other');
    const r = await h.run(fixture('bad/bad-values.csv'), 'other', { skipInvalidRows: true });
    expect(r.outcome).toBe('committed');
    expect(r.report.counts).toMatchObject({ rowsAccepted: 1, rowsRejected: 3, recordsNew: 1 });
    const { rows } = await h.client.query(
      `SELECT reference_year, gender, age_band FROM case_record c JOIN association a ON a.id = c.association_id WHERE a.slug = 'other'`,
    );
    expect(rows).toEqual([{ reference_year: 2023, gender: 'female', age_band: '24-26' }]);
  });

  it('formula-injection.csv: formulas become unknown with a warning and are never stored raw', async () => {
    await h.association('formulas');
    const r = await h.run(fixture('bad/formula-injection.csv'), 'formulas');
    expect(r.outcome).toBe('committed');
    const formulas = r.report.warnings.filter((w) => w.code === 'formula_value');
    expect(formulas.map((w) => [w.column, w.rows])).toEqual([
      ['Recrutement', [2]],
      ['Exploitation', [3]],
    ]);
    // Echoed only neutralised (leading quote), so a report opened in a spreadsheet never runs it.
    for (const w of formulas) expect(w.rawValue?.startsWith("'")).toBe(true);
    const { rows } = await h.client.query(
      `SELECT c.* FROM case_record c JOIN association a ON a.id = c.association_id WHERE a.slug = 'formulas' ORDER BY source_row`,
    );
    expect(rows.map((x) => [x.recruitment_channels, x.exploitation_types])).toEqual([
      [['unknown'], ['sexual']],
      [['family'], ['unknown']],
    ]);
    const stored = JSON.stringify(rows) + JSON.stringify((await h.client.query('SELECT * FROM case_aggregate')).rows);
    expect(stored).not.toMatch(/HYPERLINK|SUM\(|cmd/);
  });
});
