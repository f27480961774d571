import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { caseRecordFieldDocs } from '@observatoire/schema';
import { createStaging, PROFILE_COLUMNS } from '../../src/load/staging.js';
import { useHarness } from './helpers.js';

/**
 * The order of a case's categorical (profile) columns is written in several places that must agree: the schema's
 * data dictionary (from which the loader takes `PROFILE_COLUMNS`), the `case_profile` table made by the migration, the
 * loader's temporary `import_profile` table, and the tab-separated profile lines the normaliser writes for COPY.
 * A drift between the last two does not fail an import when the swapped columns share a type: it stores every value
 * under another field. So this file checks the columns by name and type, and imports one case whose every profile
 * column holds a value no other column could hold.
 */

/** Columns of a table (or view) in table order, with their type and nullability. */
async function columnsOf(c: pg.ClientBase, table: string, temporary = false) {
  const { rows } = await c.query<{ name: string; type: string; nullable: string }>(
    `SELECT column_name AS name, udt_name AS type, is_nullable AS nullable FROM information_schema.columns
      WHERE table_name = $1 AND ${temporary ? `table_schema LIKE 'pg\\_temp\\_%'` : `table_schema = 'public'`}
      ORDER BY ordinal_position`,
    [table],
  );
  return rows;
}

/** One case, every profile column distinct from all others (and from its default). */
const ONE_CASE: Record<string, [header: string, cell: string, stored: unknown]> = {
  gender: ['gender', 'female', 'female'],
  age_band: ['ageBand', '18-20', '18-20'],
  is_minor: ['', '', false],
  citizenship: ['citizenship', 'NG', ['NG']],
  exploitation_types: ['exploitationTypes', 'labour', ['labour']],
  recruitment_channels: ['recruitmentChannels', 'dating_app', ['dating_app']],
  recruitment_platforms: ['recruitmentPlatforms', 'tinder', ['tinder']],
  online_exploitation: ['onlineExploitation', 'yes', 'yes'],
  exploitation_platforms: ['exploitationPlatforms', 'onlyfans', ['onlyfans']],
  online_control: ['onlineControl', 'no', 'no'],
  exploitation_country: ['exploitationCountry', 'FR', 'FR'],
  recruiter_relation: ['recruiterRelation', 'stranger', 'stranger'],
};

describe('case-profile columns: one order from the schema to the stored row', () => {
  const h = useHarness('profile-columns');

  it("the loader's columns are the data dictionary's, and the migrated case_profile table's, in order", async () => {
    const fromSchema = caseRecordFieldDocs
      .map((d) => d.column)
      .filter((c) => !['association_id', 'reference_year', 'case_key'].includes(c));
    expect(PROFILE_COLUMNS).toEqual(fromSchema);
    const table = await columnsOf(h.client, 'case_profile');
    expect(table.map((c) => c.name)).toEqual(['id', ...PROFILE_COLUMNS]);
  });

  it('the staging table holds each profile column with the type and nullability of case_profile', async () => {
    const table = (await columnsOf(h.client, 'case_profile')).slice(1);
    await h.client.query('BEGIN');
    try {
      await createStaging(h.client);
      const staging = await columnsOf(h.client, 'import_profile', true);
      expect(staging.map((c) => c.name)).toEqual(['local_id', ...PROFILE_COLUMNS, 'profile_id']);
      expect(staging.slice(1, -1)).toEqual(table);
    } finally {
      await h.client.query('ROLLBACK');
    }
  });

  it("the normaliser's profile lines put every value under its own column", async () => {
    expect(Object.keys(ONE_CASE)).toEqual([...PROFILE_COLUMNS]);
    const given = Object.values(ONE_CASE).filter(([header]) => header !== '');
    const headers = ['caseId', 'referenceYear', ...given.map(([header]) => header)];
    const file = await h.writeFile(
      'one-case.csv',
      `${headers.join(';')}\r\nP-1;2024;${given.map(([, cell]) => cell).join(';')}\r\n`,
    );
    const columns = Object.fromEntries(headers.map((header) => [header, header]));
    const result = await h.run(file, 'profile-columns', { profile: { columns } });
    expect(result.outcome, JSON.stringify(result.report.errors)).toBe('committed');
    const { rows } = await h.client.query(`SELECT ${PROFILE_COLUMNS.join(', ')} FROM case_record WHERE batch_id = $1`, [
      result.batchId,
    ]);
    expect(rows).toEqual([
      Object.fromEntries(Object.entries(ONE_CASE).map(([column, [, , stored]]) => [column, stored])),
    ]);
  });
});
