import { z } from 'zod';
import { AGE_BANDS } from './code-lists/age-band.js';
import { EXPLOITATION_TYPES } from './code-lists/exploitation-type.js';
import { GENDERS } from './code-lists/gender.js';
import { RECRUITER_RELATIONS } from './code-lists/recruiter-relation.js';
import { RECRUITMENT_PLATFORMS } from './code-lists/recruitment-platform.js';
import { RECRUITMENT_CHANNELS } from './code-lists/recruitment.js';
import { YES_NO_UNKNOWN } from './code-lists/yes-no-unknown.js';
import { isCountryCode } from './countries.js';

export const MIN_REFERENCE_YEAR = 2000;

export const genderSchema = z.enum(GENDERS);
export const ageBandSchema = z.enum(AGE_BANDS);
export const exploitationTypeSchema = z.enum(EXPLOITATION_TYPES);
export const recruitmentChannelSchema = z.enum(RECRUITMENT_CHANNELS);
export const recruitmentPlatformSchema = z.enum(RECRUITMENT_PLATFORMS);
export const recruiterRelationSchema = z.enum(RECRUITER_RELATIONS);
export const yesNoUnknownSchema = z.enum(YES_NO_UNKNOWN);

/** Year the association supported or identified the person: 2000 up to the current year. */
export const referenceYearSchema = z
  .number()
  .int()
  .min(MIN_REFERENCE_YEAR)
  .refine((y) => y <= new Date().getUTCFullYear(), { message: 'Reference year is in the future' })
  .describe('Year the association supported or identified the person (2000 to the current year)');

/** ISO 3166-1 alpha-2 code (upper case), checked against the country package at run time. */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .refine(isCountryCode, { message: 'Not an ISO 3166-1 alpha-2 country code' })
  .describe('ISO 3166-1 alpha-2 country code');

/** Citizenship entry: a country code, or 'unknown'. */
export const citizenshipSchema = z.union([countryCodeSchema, z.literal('unknown')]);

/** A multi-valued field: at least one value, no duplicates; an empty cell is stored as ['unknown']. */
function multi<T extends z.ZodType<string>>(item: T) {
  return z
    .array(item)
    .min(1)
    .refine((values) => new Set(values).size === values.length, { message: 'Duplicate values' });
}

export const caseRecordSchema = z
  .object({
    referenceYear: referenceYearSchema,
    associationId: z
      .uuid()
      .describe('Member association that uploaded the case (from the credentials, never the file)'),
    caseKey: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('Keyed HMAC-SHA256 (hex) of the association’s own case id; the raw id is never stored'),
    gender: genderSchema,
    ageBand: ageBandSchema.describe('CTDC age band at the start of exploitation'),
    isMinor: z.boolean().nullable().describe('Under 18 at the start of exploitation; null when the age is unknown'),
    citizenship: multi(citizenshipSchema).describe('ISO 3166-1 alpha-2 codes, or unknown'),
    exploitationTypes: multi(exploitationTypeSchema),
    recruitmentChannels: multi(recruitmentChannelSchema),
    recruitmentPlatforms: multi(recruitmentPlatformSchema),
    onlineExploitation: yesNoUnknownSchema.describe('Whether the victim was advertised or exploited online'),
    exploitationPlatforms: multi(recruitmentPlatformSchema).describe('Platforms used to advertise or exploit'),
    onlineControl: yesNoUnknownSchema.describe(
      'Whether messaging, e-mail or social media was used to coerce (threats, sextortion, surveillance)',
    ),
    exploitationCountry: countryCodeSchema.nullable().describe('Country of exploitation; null when unknown'),
    recruiterRelation: recruiterRelationSchema,
  })
  .strict()
  .meta({ id: 'CaseRecord', title: 'Canonical anonymised case record' });

export type CaseRecord = z.infer<typeof caseRecordSchema>;

/** Field names of the case record, in table order (data dictionary, exports). */
export const CASE_RECORD_FIELDS = Object.keys(caseRecordSchema.shape) as (keyof CaseRecord)[];
