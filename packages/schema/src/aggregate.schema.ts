import { z } from 'zod';
import { localisedTextSchema } from './localised-text.js';
import type { LocalisedText } from './localised-text.js';
import { disclosureRuleSchema } from './disclosure-rule.schema.js';
import { licenceSchema } from './licence.js';

/** Why a cell is withheld. */
export const SUPPRESSION_REASONS = [
  'below_threshold',
  'below_platform_threshold',
  'too_few_associations',
  'secondary',
  'confidential',
  'derived_from_suppressed',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
export const suppressionReasonSchema = z.enum(SUPPRESSION_REASONS);

export const suppressionReasonMessages: Record<SuppressionReason, LocalisedText> = {
  below_threshold: {
    fr: 'Masqué : moins de cas que le seuil de diffusion.',
    en: 'Withheld: fewer cases than the publication threshold.',
  },
  below_platform_threshold: {
    fr: 'Masqué : moins de cas que le seuil de diffusion des plateformes.',
    en: 'Withheld: fewer cases than the publication threshold for platforms.',
  },
  too_few_associations: {
    fr: 'Masqué : trop peu d’associations contribuent à ce chiffre, ou une seule en représente presque tout.',
    en: 'Withheld: too few associations contribute to this figure, or one of them makes up nearly all of it.',
  },
  secondary: {
    fr: 'Masqué : il permettrait de recalculer un autre chiffre masqué.',
    en: 'Withheld: it would allow another withheld figure to be recomputed.',
  },
  confidential: {
    fr: 'Masqué : protège les petits effectifs (sans autre précision, pour qu’elle ne puisse pas servir à retrouver le chiffre).',
    en: 'Withheld: protects small counts (no further detail, so that it cannot be used to work the figure out).',
  },
  derived_from_suppressed: {
    fr: 'Masqué : calculé à partir d’un chiffre masqué.',
    en: 'Withheld: computed from a withheld figure.',
  },
};

export const publishedCellSchema = z.object({ value: z.number() }).strict();
export const suppressedCellSchema = z
  .object({
    suppressed: z.literal(true),
    reason: suppressionReasonSchema,
    message: localisedTextSchema,
  })
  .strict();

/** A published number, or a withheld one with its reason: never a 0 standing in for a withheld count. */
export const aggregateCellSchema = z.union([publishedCellSchema, suppressedCellSchema]).meta({ id: 'AggregateCell' });
export type AggregateCell = z.infer<typeof aggregateCellSchema>;
export type PublishedCell = z.infer<typeof publishedCellSchema>;
export type SuppressedCell = z.infer<typeof suppressedCellSchema>;

export function publishedCell(value: number): PublishedCell {
  return { value };
}

export function suppressedCell(reason: SuppressionReason): SuppressedCell {
  return { suppressed: true, reason, message: suppressionReasonMessages[reason] };
}

export function isSuppressed(cell: AggregateCell): cell is SuppressedCell {
  return 'suppressed' in cell;
}

/** Dimensions the public statistics can be broken down or filtered by. */
export const BREAKDOWN_DIMENSIONS = [
  'gender',
  'ageBand',
  'minor',
  'citizenshipRegion',
  'exploitationType',
  'exploitationGroup',
  'recruitmentChannel',
  'recruitmentChannelGroup',
  'recruitmentPlatform',
  'onlineExploitation',
  'exploitationPlatform',
  'onlineControl',
  'recruiterRelation',
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export const breakdownDimensionSchema = z.enum(BREAKDOWN_DIMENSIONS);

export const MEASURES = ['cases', 'share'] as const;
export type Measure = (typeof MEASURES)[number];

/** Filters a view was computed with (year range, exploitation type, channel group…). */
export const statisticsFilterSchema = z
  .object({
    yearFrom: z.number().int().optional(),
    yearTo: z.number().int().optional(),
    exploitationType: z.string().optional(),
    exploitationGroup: z.string().optional(),
    recruitmentChannel: z.string().optional(),
    recruitmentChannelGroup: z.string().optional(),
    gender: z.string().optional(),
    minor: z.boolean().optional(),
  })
  .strict();
export type StatisticsFilter = z.infer<typeof statisticsFilterSchema>;

export const seriesPointSchema = z.object({
  year: z.number().int(),
  cell: aggregateCellSchema,
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** A line over reference years, e.g. cases recruited through social networks per year. */
export const seriesSchema = z
  .object({
    key: z.string().min(1).describe('Stable id, e.g. "cases" or "recruitmentChannel:social_network"'),
    label: localisedTextSchema,
    dimension: breakdownDimensionSchema.nullable().default(null),
    code: z.string().nullable().default(null),
    group: z.string().nullable().default(null),
    measure: z.enum(MEASURES).default('cases'),
    points: z.array(seriesPointSchema),
  })
  .meta({ id: 'Series' });
export type Series = z.infer<typeof seriesSchema>;

/** A set of series sharing one release and one filter (a chart). */
export const seriesSetSchema = z
  .object({
    releaseId: z.uuid().nullable(),
    filter: statisticsFilterSchema.default({}),
    series: z.array(seriesSchema),
    licence: licenceSchema.optional().describe('Always sent by the API: the Etalab Open Licence 2.0'),
  })
  .meta({ id: 'SeriesSet' });
export type SeriesSet = z.infer<typeof seriesSetSchema>;

export const breakdownItemSchema = z.object({
  code: z.string(),
  label: localisedTextSchema,
  group: z.string().nullable().default(null),
  cell: aggregateCellSchema,
  /** Share of the total in percent, derived from published cells only. */
  share: aggregateCellSchema.optional(),
});
export type BreakdownItem = z.infer<typeof breakdownItemSchema>;

/** Counts by the codes of one dimension. Multi-valued dimensions count a case once per value. */
export const breakdownSchema = z
  .object({
    releaseId: z.uuid().nullable(),
    dimension: breakdownDimensionSchema,
    label: localisedTextSchema,
    referenceYear: z.number().int().nullable().describe('null when the breakdown spans the filter’s years'),
    filter: statisticsFilterSchema.default({}),
    multiValued: z.boolean().describe('Items can add up to more than the total'),
    total: aggregateCellSchema.describe('Cases in scope'),
    items: z.array(breakdownItemSchema),
    licence: licenceSchema.optional().describe('Always sent by the API: the Etalab Open Licence 2.0'),
  })
  .meta({ id: 'Breakdown' });
export type Breakdown = z.infer<typeof breakdownSchema>;

const comparisonYear = z.number().int();
const associationCount = z.number().int().min(0);

/** One figure on both sides of a comparison, and its change (derived from published cells only). */
export const comparisonFigureSchema = z
  .object({
    key: z.enum(['cases', 'online', 'minors']).describe('cases; cases recruited online; minors'),
    label: localisedTextSchema,
    from: aggregateCellSchema,
    to: aggregateCellSchema,
    change: aggregateCellSchema,
  })
  .meta({ id: 'ComparisonFigure' });
export type ComparisonFigure = z.infer<typeof comparisonFigureSchema>;

/**
 * Two reference years compared, with who stands behind each side: the associations that reported each year,
 * those that joined or left between them, and the same figures on the constant panel (the associations that
 * reported in every year from `from` to `to`). A panel figure is withheld when the associations outside the
 * panel are too few, or their caseload too small, to stay confidential.
 */
export const comparisonSchema = z
  .object({
    from: comparisonYear,
    to: comparisonYear,
    panelView: z.string().describe('The release view of the constant panel, "panel:<from>-<to>"'),
    associations: z.object({
      from: associationCount.describe('Associations that reported in `from`'),
      to: associationCount.describe('Associations that reported in `to`'),
      panel: associationCount.describe('Associations that reported in every year from `from` to `to`'),
      joined: associationCount.describe('Reported in `to`, not in `from`'),
      left: associationCount.describe('Reported in `from`, not in `to` (stopped sending data)'),
    }),
    all: z.array(comparisonFigureSchema).describe('Figures over every reporting association'),
    panel: z.array(comparisonFigureSchema).describe('Figures over the constant panel'),
    composition: localisedTextSchema.describe('The associations behind each side, in words'),
    panelNote: localisedTextSchema.describe('The constant-panel comparison in words, or why it is withheld'),
  })
  .meta({ id: 'Comparison' });
export type Comparison = z.infer<typeof comparisonSchema>;

/** The yearly summary for policymakers (PDF, CSV, XLSX, JSON). */
export const yearlySummarySchema = z
  .object({
    schemaVersion: z.string(),
    releaseId: z.uuid().nullable(),
    referenceYear: z.number().int(),
    generatedAt: z.iso.datetime({ offset: true }),
    contributingAssociations: z.number().int().min(0),
    cases: aggregateCellSchema,
    onlineCases: aggregateCellSchema,
    onlineShare: aggregateCellSchema.describe('Percent of cases with at least one online channel'),
    minors: aggregateCellSchema,
    previousYear: z
      .object({
        referenceYear: z.number().int(),
        cases: aggregateCellSchema,
        change: aggregateCellSchema.describe('Change in cases, from published cells only'),
      })
      .nullable(),
    comparison: comparisonSchema
      .nullable()
      .default(null)
      .describe('The year compared with the previous one: associations on each side, constant panel'),
    breakdowns: z.array(breakdownSchema),
    disclosureRule: disclosureRuleSchema,
    methodology: localisedTextSchema,
    caveats: z.array(localisedTextSchema).default([]),
    licence: licenceSchema.optional().describe('Always sent by the API: the Etalab Open Licence 2.0'),
  })
  .meta({ id: 'YearlySummary' });
export type YearlySummary = z.infer<typeof yearlySummarySchema>;
