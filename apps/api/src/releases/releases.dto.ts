import { z } from 'zod';
import { ALL_YEARS_FILES, CUBE_DIMENSIONS } from '@observatoire/stats';
import { localisedTextSchema, releaseAnnotationSchema } from '@observatoire/schema';

const releaseRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$|^[0-9a-f-]{36}$/i)
  .describe('Release id, slug or "latest" (default)');
const year = z.coerce.number().int().min(2000).max(2100);
const codeList = z
  .string()
  .max(500)
  .transform((s) =>
    s
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  )
  .describe('Comma-separated codes of the dimension');

const filters = {
  yearFrom: year.optional(),
  yearTo: year.optional(),
  exploitationType: z.string().max(64).optional(),
  recruitmentChannelGroup: z.string().max(64).optional(),
};

export const seriesQuerySchema = z
  .object({
    release: releaseRef.optional(),
    dimension: z.enum(['cases', ...CUBE_DIMENSIONS] as [string, ...string[]]).optional(),
    codes: codeList.optional(),
    panel: z
      .string()
      .regex(/^\d{4}-\d{4}$/, 'expected <from>-<to>, e.g. 2024-2025')
      .optional()
      .describe('Same associations: the series over the associations that reported in every year from <from> to <to>'),
    ...filters,
  })
  .strict();
export type SeriesQueryDto = z.infer<typeof seriesQuerySchema>;

export const breakdownQuerySchema = z
  .object({
    release: releaseRef.optional(),
    dimension: z.enum(CUBE_DIMENSIONS as unknown as [string, ...string[]]),
    year: year.optional(),
    ...filters,
  })
  .strict();
export type BreakdownQueryDto = z.infer<typeof breakdownQuerySchema>;

export const summaryParamsSchema = z
  .object({
    id: releaseRef,
    file: z.string().regex(/^\d{4}\.(csv|xlsx|json|pdf)$/, 'expected <year>.csv|.xlsx|.json|.pdf'),
  })
  .strict();

export const releaseParamSchema = z.object({ id: releaseRef }).strict();

export const allYearsParamsSchema = z
  .object({
    id: releaseRef,
    file: z.enum(ALL_YEARS_FILES as unknown as [string, ...string[]]),
  })
  .strict();

export const summaryQuerySchema = z.object({ lang: z.enum(['fr', 'en']).default('fr') }).strict();

export const publishSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
      .optional(),
    title: localisedTextSchema.optional(),
    notes: localisedTextSchema.nullable().optional(),
    annotations: z.array(releaseAnnotationSchema).max(12).optional(),
  })
  .strict()
  .meta({ id: 'PublishRelease' });
export type PublishDto = z.infer<typeof publishSchema>;

export const compositionQuerySchema = z.object({ release: releaseRef.optional() }).strict();
export type CompositionQueryDto = z.infer<typeof compositionQuerySchema>;
