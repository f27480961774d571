import { describe, expect, it } from 'vitest';
import { CASE_RECORD_FIELDS, caseRecordFieldDocs, caseRecordSchema, SCHEMA_VERSION } from '../src/index.js';
import { invalidCaseRecords, validCaseRecord } from './fixtures.js';

describe('caseRecordSchema', () => {
  it('accepts a complete record', () => {
    expect(caseRecordSchema.parse(validCaseRecord())).toEqual(validCaseRecord());
  });

  it('accepts unknowns and nulls where the domain allows them', () => {
    const r = validCaseRecord({
      ageBand: 'unknown',
      isMinor: null,
      citizenship: ['unknown'],
      recruitmentPlatforms: ['unknown'],
      exploitationCountry: null,
    });
    expect(caseRecordSchema.safeParse(r).success).toBe(true);
  });

  it.each(invalidCaseRecords)('rejects a record with %s', (_why, record) => {
    expect(caseRecordSchema.safeParse(record).success).toBe(false);
  });

  it('rejects a reference year in the future and a country code unknown to ISO 3166', () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(caseRecordSchema.safeParse(validCaseRecord({ referenceYear: nextYear })).success).toBe(false);
    expect(caseRecordSchema.safeParse(validCaseRecord({ citizenship: ['ZZ'] })).success).toBe(false);
    expect(caseRecordSchema.safeParse(validCaseRecord({ citizenship: ['NG', 'NG'] })).success).toBe(false);
  });

  it('documents every field, in order', () => {
    expect(caseRecordFieldDocs.map((d) => d.field)).toEqual(CASE_RECORD_FIELDS);
  });

  it('has a semantic version', () => {
    expect(SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
