/**
 * Validation of a datapackage.json against the Frictionless Data Package schema (profile tabular-data-package,
 * JSON Schema draft-04, shipped in testing/fixtures/frictionless), with Ajv's draft-04 class and the standard
 * formats: what any Frictionless tool checks before reading the files.
 */
import { readFileSync } from 'node:fs';
import AjvModule, { type ErrorObject } from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

// Both are CommonJS: under NodeNext their default export arrives wrapped, at run time as in the types.
interface Validate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
type AjvInstance = { compile(schema: object): Validate };
const unwrap = <T>(m: unknown): T => ((m as { default?: unknown }).default ?? m) as T;
const Ajv = unwrap<new (options: object) => AjvInstance>(AjvModule);
const addFormats = unwrap<(ajv: AjvInstance) => void>(addFormatsModule);

const SCHEMA = new URL('../../testing/fixtures/frictionless/tabular-data-package.json', import.meta.url);

let validate: Validate | null = null;

/** The schema's errors for a descriptor (an empty list when it is valid). */
export function dataPackageErrors(descriptor: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  }
  if (validate(descriptor)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}
