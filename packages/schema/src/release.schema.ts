import { z } from 'zod';
import { disclosureRuleSchema } from './disclosure-rule.schema.js';
import { licenceSchema } from './licence.js';
import { localisedTextSchema } from './localised-text.js';

export const RELEASE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const RELEASE_FILE_FORMATS = ['csv', 'xlsx', 'json', 'pdf'] as const;
export type ReleaseFileFormat = (typeof RELEASE_FILE_FORMATS)[number];

/** Longest annotation label, per language: drawn on charts, wrapped on at most three lines. */
export const ANNOTATION_MAX_LENGTH = 60;

const annotationLabel = z
  .string()
  .trim()
  .min(1)
  .max(ANNOTATION_MAX_LENGTH)
  .regex(/^[^\r\n\t]*$/, 'one line');

/** A note drawn on the time-series charts of a release at one reference year ("2020 : confinement"). */
export const releaseAnnotationSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    text: z.object({ fr: annotationLabel, en: annotationLabel }),
  })
  .meta({ id: 'ReleaseAnnotation' });
export type ReleaseAnnotation = z.infer<typeof releaseAnnotationSchema>;

/** Metadata of an immutable snapshot of published cells (GET /api/v1/releases). */
export const releaseSchema = z
  .object({
    id: z.uuid(),
    slug: z.string().min(1).describe('Human id, e.g. "2025-07-30"'),
    title: localisedTextSchema,
    notes: localisedTextSchema.nullable().default(null),
    status: z.enum(RELEASE_STATUSES),
    schemaVersion: z.string(),
    referenceYears: z.array(z.number().int()).describe('Reference years covered, ascending'),
    contributingAssociations: z.number().int().min(0),
    demo: z
      .boolean()
      .default(false)
      .describe('Built from fictional demo data (the dashboard then shows a "fictional demo data" banner)'),
    disclosureRule: disclosureRuleSchema,
    createdAt: z.iso.datetime({ offset: true }),
    publishedAt: z.iso.datetime({ offset: true }).nullable(),
    supersedesId: z.uuid().nullable().default(null),
    annotations: z
      .array(releaseAnnotationSchema)
      .default([])
      .describe('Notes drawn on the time-series charts, at most one per reference year, ascending'),
    contributingByYear: z
      .record(z.string(), z.number().int().min(0))
      .default({})
      .describe('Associations behind each reference year, as published (frozen years keep their published count)'),
    frozenYears: z
      .array(z.number().int())
      .default([])
      .describe('Years an earlier release published, carried forward unchanged (see the methodology)'),
    publishedMass: z
      .record(z.string(), z.object({ persons: z.number().min(0).max(1), cells: z.number().min(0).max(1) }))
      .optional()
      .describe(
        "Per chart id: share of the persons counted in the chart's default view that sit in published cells, and share of its cells published",
      ),
    files: z
      .array(
        z.object({
          referenceYear: z.number().int(),
          format: z.enum(RELEASE_FILE_FORMATS),
          url: z.string(),
          bytes: z.number().int().min(0).optional(),
          sha256: z
            .string()
            .regex(/^[0-9a-f]{64}$/)
            .optional(),
        }),
      )
      .default([]),
    licence: licenceSchema.optional().describe('Always sent by the API: the Etalab Open Licence 2.0'),
  })
  .meta({ id: 'Release' });
export type Release = z.infer<typeof releaseSchema>;
