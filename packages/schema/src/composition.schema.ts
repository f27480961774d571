import { z } from 'zod';
import { comparisonSchema } from './aggregate.schema.js';

const year = z.number().int();
const count = z.number().int().min(0);

/** Who stands behind each year of a release, and every comparison it publishes (consecutive years, whole span). */
export const releaseCompositionSchema = z
  .object({
    releaseId: z.uuid(),
    years: z.array(z.object({ year, associations: count })),
    comparisons: z.array(comparisonSchema),
  })
  .meta({ id: 'ReleaseComposition' });
export type ReleaseComposition = z.infer<typeof releaseCompositionSchema>;
