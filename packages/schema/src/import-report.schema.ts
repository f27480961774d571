import { z } from 'zod';
import { localisedTextSchema } from './localised-text.js';

export const IMPORT_ISSUE_SEVERITIES = ['error', 'warning', 'info'] as const;
export type ImportIssueSeverity = (typeof IMPORT_ISSUE_SEVERITIES)[number];

/** States of an import batch (`import_batch.status`). */
export const IMPORT_BATCH_STATUSES = [
  'received',
  'validated',
  'loading',
  'committed',
  'failed',
  'refused',
  'superseded',
] as const;
export type ImportBatchStatus = (typeof IMPORT_BATCH_STATUSES)[number];

/**
 * One thing the ETL has to say about an upload. Row errors carry the source row, the column and the raw value;
 * warnings about values are grouped by raw value with a count and the first rows.
 */
export const importIssueSchema = z
  .object({
    code: z.string(),
    severity: z.enum(IMPORT_ISSUE_SEVERITIES),
    message: localisedTextSchema,
    row: z.number().int().optional(),
    column: z.union([z.string(), z.number().int()]).optional(),
    rawValue: z.string().optional(),
    count: z.number().int().optional(),
    rows: z.array(z.number().int()).optional(),
    /** An unrecognised value: the codes of its field's list that are closest to it, closest first. */
    candidates: z.array(z.string()).max(5).optional(),
  })
  .meta({ id: 'ImportIssue' });
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const IMPORT_OUTCOMES = ['committed', 'dry_run', 'duplicate', 'rejected', 'refused', 'failed'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** Why a whole file was refused (direct identifiers, not a spreadsheet, nothing to load…). */
export const importRefusalSchema = z.object({
  code: z.string(),
  message: localisedTextSchema,
  /** Columns that caused the refusal, when it is about columns (never their values). */
  columns: z.array(z.string()).optional(),
});
export type ImportRefusal = z.infer<typeof importRefusalSchema>;

export const COLUMN_READINGS = ['one_hot', 'data', 'varied', 'empty'] as const;
export type ColumnReading = (typeof COLUMN_READINGS)[number];

export const importColumnSchema = z.object({
  index: z.number().int(),
  header: z.string(),
  field: z.string().nullable(),
  status: z.enum(['mapped', 'wide', 'unmapped', 'ignored', 'free_text', 'identifier', 'dropped']),
  /** For an unmapped column: the closest known column title, when one is close. */
  suggestion: z.string().optional(),
  /** The field that closest known column title names. */
  suggestedField: z.string().optional(),
  /**
   * How the ETL reads a column it could not map, from its cells: `one_hot` (only X / oui / 1 / empty: one column
   * per code of a wide layout), `data` (few distinct short values: a category), `varied` (too many distinct values
   * to be a category: an identifier, a date…), `empty`. Absent for mapped columns.
   */
  reading: z.enum(COLUMN_READINGS).optional(),
  /** A one-hot column: the field and code its title names ("Facebook" → recruitmentPlatforms = facebook). */
  suggestedCode: z.object({ field: z.string(), code: z.string() }).optional(),
  /** The column looks like data and would be dropped: the association must map it or ignore it before confirming. */
  needsDecision: z.boolean().optional(),
  /** A mapped column most of whose values were not recognised: the mapping is doubtful. */
  doubtful: z.boolean().optional(),
  /**
   * The most frequent values of a categorical column (coded or one-hot or `data`), with their counts; never the
   * values of an identifier, date, free-text or `varied` column (what is kept of an upload, issue 12).
   */
  samples: z
    .array(z.object({ value: z.string(), count: z.number().int() }))
    .max(12)
    .optional(),
});
export type ImportColumn = z.infer<typeof importColumnSchema>;

/**
 * How one field's values were read, over the accepted rows: rows per code, the rows left `unknown` and the raw
 * values that made them so, and the raw values recognised through a synonym (`FB` → facebook). Raw values come
 * only from coded columns (never an identifier, a date or free text).
 */
export const fieldReadingSchema = z
  .object({
    field: z.string(),
    columns: z.array(z.string()),
    codes: z.array(z.object({ code: z.string(), count: z.number().int() })),
    /** Rows whose value for this field is unknown (empty, unreadable or unrecognised). */
    unknown: z.number().int(),
    unknownValues: z.array(z.object({ column: z.string(), rawValue: z.string(), count: z.number().int() })),
    synonyms: z.array(
      z.object({ column: z.string(), rawValue: z.string(), codes: z.array(z.string()), count: z.number().int() }),
    ),
  })
  .meta({ id: 'FieldReading' });
export type FieldReading = z.infer<typeof fieldReadingSchema>;

/** Control totals of an import, reconciled against the file. */
export const importCountsSchema = z.object({
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  rowsSkipped: z.number().int(),
  recordsNew: z.number().int(),
  recordsReplaced: z.number().int(),
  recordsUnchanged: z.number().int(),
  recordsRemoved: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

/**
 * What an upload does to one reference year of its association: the cases stored before and after, and how they
 * compare (same case key and content: unchanged; same key, other content: replaced; stored key absent: removed).
 * Removing cases of a year is a decision the association takes explicitly (`replaceYears`).
 */
export const importYearChangeSchema = z
  .object({
    year: z.number().int(),
    before: z.number().int().describe('Cases of the year stored before this upload'),
    after: z.number().int().describe('Cases of the year stored once this upload is loaded'),
    new: z.number().int(),
    replaced: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int().describe('Stored cases of the year that this upload does not contain'),
    partial: z.boolean().describe('More than half the stored cases of the year would go: probably a partial export'),
  })
  .meta({ id: 'ImportYearChange' });
export type ImportYearChange = z.infer<typeof importYearChangeSchema>;

/**
 * The body of a preview's confirmation: the years whose stored cases the association agrees the upload may remove
 * (a confirmation that would remove cases of a year it does not name is refused, 409).
 */
export const importConfirmSchema = z
  .object({
    replaceYears: z
      .array(z.number().int().min(2000).max(2100))
      .max(100)
      .optional()
      .describe('Years whose stored cases this upload may remove or replace, as the preview listed them'),
  })
  .strict()
  .meta({ id: 'ImportConfirm' });
export type ImportConfirm = z.infer<typeof importConfirmSchema>;

/**
 * How many row errors a report lists (`errorsTruncated` counts the others: the totals are always exact), and how
 * many rejected rows are kept for the rejected-rows file: a hostile file cannot make either huge.
 */
export const MAX_REPORTED_ERRORS = 1000;

export const importReportSchema = z
  .object({
    /** Version of this schema the report was written with (see SCHEMA_VERSION). */
    schemaVersion: z.string().optional(),
    outcome: z.enum(IMPORT_OUTCOMES),
    batchId: z.uuid().nullable(),
    association: z.string(),
    fileName: z.string(),
    format: z.string().nullable(),
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
    sheet: z.string().optional(),
    contentHash: z.string(),
    dryRun: z.boolean(),
    headerRow: z.number().int().nullable(),
    columns: z.array(importColumnSchema),
    headerChanges: z
      .object({
        appeared: z.array(z.string()),
        vanished: z.array(z.string()),
        renamed: z.array(z.object({ from: z.string(), to: z.string() })),
      })
      .nullable(),
    referenceYears: z.array(z.number().int()),
    counts: importCountsSchema,
    /** Per reference year, the stored cases before and after (absent from reports written before it existed). */
    yearChanges: z.array(importYearChangeSchema).optional(),
    declaredTotal: z.number().int().nullable(),
    summary: localisedTextSchema,
    errors: z.array(importIssueSchema),
    warnings: z.array(importIssueSchema),
    errorsTruncated: z.number().int(),
    durationMs: z.number(),
    /** How each field's values were read ("what was understood"); absent when no row was read. */
    understood: z.array(fieldReadingSchema).optional(),
    /** Set when outcome is `refused`: the reason, in French and English. */
    refusal: importRefusalSchema.nullable().optional(),
  })
  .meta({ id: 'ImportReport', title: 'Import report of one upload' });
export type ImportReport = z.infer<typeof importReportSchema>;

/**
 * The rejected rows of an import as kept with its batch for a stated period (`REJECTED_ROWS_DAYS`): only the
 * columns whose values may be kept (coded columns: code lists, year, age; never an id, a date or free text), so
 * that the association can fix the rows and upload again. Built at import time; the raw file is not kept.
 */
export const rejectedRowsSchema = z
  .object({
    /** Headers of the kept columns, in file order. */
    columns: z.array(z.string()),
    rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  })
  .meta({ id: 'RejectedRows' });
export type RejectedRows = z.infer<typeof rejectedRowsSchema>;
