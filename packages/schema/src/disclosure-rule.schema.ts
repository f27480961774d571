import { z } from 'zod';

/** Disclosure control applied to every published cell (see domain brief, "Privacy"). */
export const disclosureRuleSchema = z
  .object({
    threshold: z.number().int().min(1).default(5).describe('A count below this is withheld'),
    platformThreshold: z.number().int().min(1).default(10).describe('Threshold for breakdowns by platform'),
    minAssociations: z.number().int().min(1).default(2).describe('Minimum contributing associations per cell'),
  })
  .meta({ id: 'DisclosureRule' });

export type DisclosureRule = z.infer<typeof disclosureRuleSchema>;

export const DEFAULT_DISCLOSURE_RULE: DisclosureRule = Object.freeze(disclosureRuleSchema.parse({}));
