/**
 * Security regression suite, formula injection (issue 12, finding 5): every payload through the association's
 * CSV downloads of the API (the rejected rows of an upload, the association's own records), read back with a
 * real CSV parser. A cell `x\n=cmd|' /C calc'!A0` once came out of rejected.csv unquoted, its second line a
 * formula of its own.
 */
import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { csvOptions, escapeSpreadsheetText } from '@observatoire/formats';
import { FORMULA_PAYLOADS, csvFormulaCells, parseCsv } from '@observatoire/formats/testing';
import { settledImport, uploadFile, useWorld } from './harness.js';

describe('CSV downloads of the API carry every formula payload inert, one cell each', () => {
  const s = useWorld({ importWorker: true });

  it('rejected.csv: a payload in a rejected cell stays one inert cell, in both languages', async () => {
    // The uploaded file itself is a well-formed CSV (quoted as a spreadsheet saves it): each payload is the year
    // of its row, which the ETL rejects, so every row comes back in rejected.csv with its original cells.
    const header = ['Année', 'Sexe', 'Âge', 'Nationalité', 'Exploitation', 'Recrutement'];
    const rows = FORMULA_PAYLOADS.map((p) => [p, 'Femme', '25', 'France', 'Travail forcé', 'Famille']);
    const file = Buffer.from(stringify([header, ...rows], csvOptions(';')), 'utf8');
    const res = await uploadFile(s.t.app, s.w.memberA.cookie, { name: 'hostile.csv', content: file });
    expect([200, 202]).toContain(res.statusCode);
    const done = await settledImport(s.t.app, res.json().id, s.w.memberA.cookie);
    expect(done.report.counts.rowsRejected).toBe(FORMULA_PAYLOADS.length);

    for (const lang of ['fr', 'en']) {
      const csv = await s.t.app.inject({
        method: 'GET',
        url: `/api/v1/imports/${done.id}/rejected.csv?lang=${lang}`,
        headers: { cookie: s.w.memberA.cookie },
      });
      expect(csv.statusCode).toBe(200);
      expect(csvFormulaCells(csv.rawPayload, ';')).toEqual([]);
      const parsed = parseCsv(csv.rawPayload, ';');
      // The header, then one record per rejected row: no payload split a row in two.
      expect(parsed).toHaveLength(1 + FORMULA_PAYLOADS.length);
      expect(new Set(parsed.map((r) => r.length)).size).toBe(1);
      const years = parsed.slice(1).map((r) => r[0]);
      // The ETL's reader gives line breaks back as LF and may trim a cell; what is left is the payload, escaped.
      FORMULA_PAYLOADS.forEach((p, i) => {
        const read = p.replace(/\r\n?/g, '\n');
        expect([escapeSpreadsheetText(read), escapeSpreadsheetText(read.trim())]).toContain(years[i]);
      });
    }
  });

  it('records.csv: values reaching the database by any route come out inert, one cell each', async () => {
    // The ETL only stores codes, so the payloads are written straight into the tables, as a bug or a changed
    // mapping could one day let through: the download must not trust what it reads.
    const ds = s.t.app.get(DataSource);
    for (const p of FORMULA_PAYLOADS) {
      const [profile] = await ds.query(
        `INSERT INTO case_profile (gender, age_band, citizenship, exploitation_types, recruitment_channels,
           recruitment_platforms, online_exploitation, exploitation_platforms, online_control, recruiter_relation)
         VALUES ($1, 'unknown', ARRAY['FR'], ARRAY[$1], ARRAY['unknown'], ARRAY['facebook', $1], 'unknown',
           ARRAY[]::text[], 'unknown', 'unknown') RETURNING id`,
        [p],
      );
      await ds.query(
        `INSERT INTO case_entry (association_id, reference_year, case_key, profile_id, batch_id, source_row)
         VALUES ($1, 2024, $2, $3, $4, 1)`,
        [s.w.assocA.id, randomUUID(), profile.id, randomUUID()],
      );
    }
    const res = await s.t.app.inject({
      method: 'GET',
      url: '/api/v1/records.csv',
      headers: { cookie: s.w.memberA.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(csvFormulaCells(res.rawPayload, ',')).toEqual([]);
    const parsed = parseCsv(res.rawPayload, ',');
    expect(parsed).toHaveLength(1 + FORMULA_PAYLOADS.length);
    const gender = parsed[0].indexOf('gender');
    const platforms = parsed[0].indexOf('recruitment_platforms');
    FORMULA_PAYLOADS.forEach((p, i) => {
      expect(parsed[1 + i][gender]).toBe(escapeSpreadsheetText(p));
      expect(parsed[1 + i][platforms]).toBe(escapeSpreadsheetText(`facebook|${p}`));
    });
    // The French file for Excel (labels, ';'): the same values, as inert.
    const fr = await s.t.app.inject({
      method: 'GET',
      url: '/api/v1/records.csv?format=fr',
      headers: { cookie: s.w.memberA.cookie },
    });
    expect(csvFormulaCells(fr.rawPayload, ';')).toEqual([]);
    const frParsed = parseCsv(fr.rawPayload, ';');
    expect(frParsed).toHaveLength(1 + FORMULA_PAYLOADS.length);
    const genre = frParsed[0].findIndex((h) => h.endsWith('Genre'));
    FORMULA_PAYLOADS.forEach((p, i) => expect(frParsed[1 + i][genre]).toBe(escapeSpreadsheetText(p)));
  });
});
