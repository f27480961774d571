/**
 * datapackage.json (Frictionless Data Package, profile tabular-data-package) for every zip of CSV files: what each
 * file holds, column by column, in which dialect it is written, how a withheld number is written (empty) and
 * under which licence. A program reads the zip with any Frictionless library (frictionless-py, frictionless-r…)
 * without guessing delimiters or decimal marks. Validated against the Frictionless schema in test/datapackage.spec.ts.
 */
import { ETALAB_LICENCE } from '@observatoire/schema/payloads';
import { CSV_DIALECTS, type CsvDialect } from './csv.js';

/** A Table Schema field: `integer` and `number` are written as the resource's dialect says. */
export interface TableField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'datetime';
  title?: string;
  description?: string;
  /** The only values the column takes (codes). */
  values?: readonly string[];
  /** Never empty. */
  required?: boolean;
}

export interface TableResource {
  /** Lower case, digits, `-`, `_` and `.` only (Frictionless). */
  name: string;
  /** The file's path inside the zip. */
  path: string;
  title: string;
  description?: string;
  dialect: CsvDialect;
  fields: readonly TableField[];
}

export interface PackageMeta {
  name: string;
  title: string;
  description: string;
  version?: string;
  created?: string;
  homepage?: string;
  keywords?: readonly string[];
}

/** A name Frictionless accepts: lower case, digits, `-`, `_`, `.` and `/`. */
export const packageName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^-a-z0-9._/]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'data';

function field(f: TableField, dialect: CsvDialect) {
  return {
    name: f.name,
    type: f.type,
    ...(f.title && { title: f.title }),
    ...(f.description && { description: f.description }),
    ...(f.type === 'number' && { decimalChar: CSV_DIALECTS[dialect].decimalMark }),
    ...((f.values || f.required) && {
      constraints: { ...(f.required && { required: true }), ...(f.values && { enum: [...f.values] }) },
    }),
  };
}

/** The descriptor of a zip's CSV files, as an object ready for JSON.stringify. */
export function dataPackage(meta: PackageMeta, resources: readonly TableResource[]) {
  const licence = { name: ETALAB_LICENCE.spdx, path: ETALAB_LICENCE.url, title: ETALAB_LICENCE.name };
  return {
    profile: 'tabular-data-package',
    name: packageName(meta.name),
    title: meta.title,
    description: meta.description,
    ...(meta.version && { version: meta.version }),
    ...(meta.created && { created: meta.created }),
    ...(meta.homepage && { homepage: meta.homepage }),
    ...(meta.keywords?.length && { keywords: [...meta.keywords] }),
    licenses: [licence],
    resources: resources.map((r) => ({
      profile: 'tabular-data-resource',
      name: packageName(r.name),
      path: r.path,
      title: r.title,
      ...(r.description && { description: r.description }),
      format: 'csv',
      mediatype: 'text/csv',
      // A French or English file starts with a byte order mark (for spreadsheets); readers of UTF-8 skip it.
      encoding: 'utf-8',
      dialect: {
        delimiter: CSV_DIALECTS[r.dialect].delimiter,
        lineTerminator: '\r\n',
        quoteChar: '"',
        doubleQuote: true,
        header: true,
      },
      licenses: [licence],
      schema: { fields: r.fields.map((f) => field(f, r.dialect)), missingValues: [''] },
    })),
  };
}

/** datapackage.json's text: two-space indented, ending with a line break. */
export const dataPackageJson = (meta: PackageMeta, resources: readonly TableResource[]) =>
  `${JSON.stringify(dataPackage(meta, resources), null, 2)}\n`;
