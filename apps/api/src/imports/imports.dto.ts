import { z } from 'zod';
import {
  IMPORT_BATCH_STATUSES,
  importCountsSchema as schemaImportCounts,
  importReportSchema,
  localisedTextSchema,
} from '@observatoire/schema';

const iso = z.iso.datetime({ offset: true });

/** The batch keeps its counts in columns; rows skipped (title, blank, total rows) live in the report only. */
export const importCountsSchema = schemaImportCounts.omit({ rowsSkipped: true });

export const importSchema = z
  .object({
    id: z.uuid(),
    associationId: z.uuid(),
    associationSlug: z.string(),
    associationName: z.string(),
    status: z.enum(IMPORT_BATCH_STATUSES),
    dryRun: z.boolean(),
    format: z.string().nullable(),
    referenceYears: z.array(z.number().int()),
    supersededYears: z.array(z.number().int()),
    counts: importCountsSchema,
    createdAt: iso,
    finishedAt: iso.nullable(),
    duplicate: z.boolean().optional().describe('The same file was already uploaded: this is that upload'),
    report: importReportSchema.nullable().describe('The ETL import report, once processed'),
    retention: z
      .object({
        fileKept: z.boolean().describe('The raw file is still stored (queued, being read, or a preview)'),
        fileDeleteBy: iso.nullable().describe('A preview’s file is deleted at this time at the latest'),
        rejectedRowsUntil: iso.nullable().describe('The rejected rows (coded columns only) are kept until then'),
        message: localisedTextSchema.describe('What is kept of this upload and for how long'),
      })
      .meta({ id: 'ImportRetention' }),
  })
  .meta({ id: 'Import' });

export const retentionPolicySchema = z
  .object({
    previewMaxAgeHours: z.number().int().describe('Hours an unconfirmed preview keeps its file'),
    rejectedRowsDays: z.number().int().describe('Days the rejected rows (coded columns only) are kept'),
    message: localisedTextSchema.describe('What is kept of an upload and for how long'),
  })
  .meta({ id: 'RetentionPolicy' });
export type RetentionPolicyView = z.infer<typeof retentionPolicySchema>;
export type ImportView = z.infer<typeof importSchema>;

export const importListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

export const recordsQuerySchema = z
  .object({
    association: z.string().min(2).max(64).optional().describe('Admin only: association id or slug'),
    format: z
      .enum(['fr', 'en', 'codes'])
      .default('codes')
      .describe(
        "fr: French labels for a spreadsheet (';', decimal comma, UTF-8 BOM); en: English labels (',', BOM); codes: column names and codes for programs (RFC 4180, no BOM)",
      ),
  })
  .strict();

export const uploadFormSchema = z
  .object({
    file: z.string().describe('The export file (CSV, TSV, TXT, XLSX, JSON, NDJSON; not .xls or .ods)'),
    dryRun: z.enum(['true', 'false', '1', '0']).optional().describe('Preview only: nothing is stored'),
    profile: z.string().optional().describe('Mapping profile as JSON (mappingProfileSchema)'),
    replaceYears: z
      .string()
      .optional()
      .describe('Years (comma-separated) whose stored cases this upload may remove; without it such an import fails'),
  })
  .meta({ id: 'UploadForm' });
