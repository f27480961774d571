import { z } from 'zod';
import { caseRecordSchema } from './case-record.schema.js';
import { importReportSchema } from './import-report.schema.js';
import { mappingProfileSchema } from './mapping-profile.schema.js';
import { SCHEMA_VERSION } from './version.js';

/** Schemas published as JSON Schema files (packages/schema/json-schema/<name>.schema.json). */
export const JSON_SCHEMA_SOURCES = {
  'case-record': caseRecordSchema,
  'import-report': importReportSchema,
  'mapping-profile': mappingProfileSchema,
} as const;
export type JsonSchemaName = keyof typeof JSON_SCHEMA_SOURCES;

/**
 * JSON Schema (draft 2020-12) of each published contract. `io: 'input'` describes what a producer may
 * send (fields with defaults are optional); run-time refinements (reference year not in the future,
 * country code known to the ISO list) cannot be expressed and are only checked by the zod schemas.
 */
export function jsonSchemas(): Record<JsonSchemaName, Record<string, unknown>> {
  const out = {} as Record<JsonSchemaName, Record<string, unknown>>;
  for (const [name, schema] of Object.entries(JSON_SCHEMA_SOURCES) as [JsonSchemaName, z.ZodType][]) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    out[name] = {
      $schema: json.$schema,
      // A URN rather than a made-up web address: the schemas are files in the repository, not served anywhere.
      $id: `urn:observatoire:schema:${name}:${SCHEMA_VERSION}`,
      ...json,
    };
  }
  return out;
}
