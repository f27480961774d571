import { z } from 'zod';

/**
 * The licence of everything the platform publishes: the Etalab Open Licence 2.0 (Licence Ouverte 2.0), the French
 * administration's open licence, compatible with CC-BY 4.0 and ODC-BY; free reuse with attribution. Named in every
 * JSON payload, file's metadata, datapackage.json, Dataset JSON-LD and DCAT description (docs/open-data.md).
 */
export const licenceSchema = z
  .object({
    name: z.string().describe('Name of the licence'),
    url: z.url().describe('Where the licence is published'),
    spdx: z.string().describe('SPDX identifier'),
  })
  .meta({ id: 'Licence' });
export type Licence = z.infer<typeof licenceSchema>;

export const ETALAB_LICENCE: Licence = Object.freeze({
  name: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  spdx: 'etalab-2.0',
});
