import { z } from 'zod';
import { SOURCE_FIELDS } from './source-fields.js';

/**
 * What an export column can be mapped to: a source field (see source-fields.ts), or `birthDate`, which the ETL
 * only reads to derive the age band and then drops (an exact birth date is never stored).
 */
export const MAPPING_FIELDS = [...SOURCE_FIELDS, 'birthDate'] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];
export const mappingFieldSchema = z.enum(MAPPING_FIELDS);

/** Fields whose codes a wide layout (one column per code) can fill. */
export const WIDE_FIELDS = [
  'exploitationTypes',
  'recruitmentChannels',
  'recruitmentPlatforms',
  'exploitationPlatforms',
  'citizenship',
] as const;

const header = z.string().trim().min(1).max(200);

/**
 * A mapping profile tells the ETL how to read one association's export when the automatic header matching is
 * not enough. Every part is optional; an empty profile `{}` changes nothing. Headers are compared
 * case-, accent- and punctuation-insensitively.
 */
export const mappingProfileSchema = z
  .object({
    version: z.literal(1).default(1),
    /** XLSX: the sheet to read (default: the first sheet holding data). */
    sheet: z.string().min(1).optional(),
    /** 1-based row number of the header when automatic detection picks the wrong one. */
    headerRow: z.number().int().positive().optional(),
    /** Source header → field, or `ignore` to drop a column without a warning. */
    columns: z.record(header, z.union([mappingFieldSchema, z.literal('ignore')])).default({}),
    /** Per field: raw value → code of that field's list (for recruitment channels a platform code is accepted). */
    values: z.partialRecord(mappingFieldSchema, z.record(z.string().min(1).max(200), z.string().min(1))).default({}),
    /** Separators of multi-valued cells; default `, ; / + |`. */
    separators: z.array(z.string().min(1).max(5)).min(1).optional(),
    /** Where the reference year comes from when the export has no plain year column. */
    referenceYear: z
      .union([
        z.object({ column: header }).strict(),
        z.object({ dateColumn: header }).strict(),
        z.object({ fixed: z.number().int().min(2000).max(2100) }).strict(),
      ])
      .optional(),
    /** Wide layout: one column per code, a cell like `X`, `Oui`, `1`, `yes` meaning the code applies. */
    wide: z
      .array(
        z
          .object({
            column: header,
            field: z.enum(WIDE_FIELDS),
            code: z.string().min(1),
          })
          .strict(),
      )
      .default([]),
    /** Extra cell values that mean "yes" in wide columns (added to X, Oui, O, 1, Yes, Y, Vrai, True, ✓). */
    truthy: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .meta({ id: 'MappingProfile', title: 'ETL mapping profile of an association export' });

export type MappingProfile = z.infer<typeof mappingProfileSchema>;
export type MappingProfileInput = z.input<typeof mappingProfileSchema>;
