import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_SOURCES, jsonSchemas, type JsonSchemaName } from '../src/index.js';
import {
  invalidCaseRecords,
  invalidMappingProfiles,
  validCaseRecord,
  validImportReport,
  validMappingProfiles,
} from './fixtures.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped, at run time as in the types.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'json-schema');
const readSchema = (name: JsonSchemaName) =>
  JSON.parse(readFileSync(join(dir, `${name}.schema.json`), 'utf8')) as Record<string, unknown>;

function validator(name: JsonSchemaName) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(readSchema(name));
}

describe('JSON Schema files written by the build', () => {
  it.each(Object.keys(JSON_SCHEMA_SOURCES) as JsonSchemaName[])(
    '%s.schema.json is up to date (run npm run build -w @observatoire/schema)',
    (name) => {
      expect(readSchema(name)).toEqual(JSON.parse(JSON.stringify(jsonSchemas()[name])));
    },
  );
});

describe('case-record.schema.json', () => {
  const validate = validator('case-record');

  it('accepts a valid record', () => {
    expect(validate(validCaseRecord()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts unknowns and nulls', () => {
    const r = validCaseRecord({
      ageBand: 'unknown',
      isMinor: null,
      citizenship: ['unknown'],
      exploitationCountry: null,
    });
    expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(invalidCaseRecords)('rejects a record with %s', (_why, record) => {
    expect(validate(record)).toBe(false);
  });
});

describe('import-report.schema.json', () => {
  const validate = validator('import-report');

  it('accepts a valid report', () => {
    expect(validate(validImportReport()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a report with a count as a string or an unknown outcome', () => {
    const report = validImportReport();
    expect(validate({ ...report, counts: { ...report.counts, rowsRead: '10' } })).toBe(false);
    expect(validate({ ...report, outcome: 'maybe' })).toBe(false);
    const { summary: _summary, ...withoutSummary } = report;
    expect(validate(withoutSummary)).toBe(false);
  });
});

describe('mapping-profile.schema.json', () => {
  const validate = validator('mapping-profile');

  it.each(validMappingProfiles)('accepts %s', (_why, profile) => {
    expect(validate(profile), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(invalidMappingProfiles)('rejects %s', (_why, profile) => {
    expect(validate(profile)).toBe(false);
  });
});
