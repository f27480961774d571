import { z } from 'zod';
import { localisedTextSchema } from './localised-text.js';
import { releaseSchema } from './release.schema.js';

export const RELEASE_NOTICE_KINDS = ['erratum', 'retraction'] as const;
export type ReleaseNoticeKind = (typeof RELEASE_NOTICE_KINDS)[number];

/** Longest notice text, per language. */
export const NOTICE_MAX_LENGTH = 2000;

const noticeText = z.string().trim().min(1).max(NOTICE_MAX_LENGTH);

/**
 * An erratum or a retraction attached to a published release after the fact. The release's numbers never change:
 * the notice says what is wrong and what to use instead (GET /api/v1/releases/{id}/notices).
 */
export const releaseNoticeSchema = z
  .object({
    id: z.uuid(),
    releaseId: z.uuid(),
    releaseSlug: z.string(),
    kind: z.enum(RELEASE_NOTICE_KINDS),
    text: localisedTextSchema,
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ReleaseNotice' });
export type ReleaseNotice = z.infer<typeof releaseNoticeSchema>;

/** What an admin sends to attach a notice (French and English text). */
export const newReleaseNoticeSchema = z
  .object({
    kind: z.enum(RELEASE_NOTICE_KINDS),
    text: z.object({ fr: noticeText, en: noticeText }),
  })
  .strict()
  .meta({ id: 'NewReleaseNotice' });
export type NewReleaseNotice = z.infer<typeof newReleaseNoticeSchema>;

/** A member association named with a release because it consented when the release was published. */
export const namedAssociationSchema = z.object({ slug: z.string(), name: z.string() }).meta({ id: 'NamedAssociation' });
export type NamedAssociation = z.infer<typeof namedAssociationSchema>;

/** Associations that joined or left between two releases: how many, and the names of those that consented. */
const movementSchema = z.object({
  count: z.number().int().min(0),
  named: z.array(namedAssociationSchema),
});

/**
 * The public page of a release (GET /api/v1/releases/{id}/page): who stands behind it and what changed since the
 * previous release, in counts and names only (never a difference of numbers). Immutable like the release.
 */
export const releasePageSchema = z
  .object({
    release: releaseSchema,
    associations: z.object({
      total: z.number().int().min(0).describe('Associations whose records the release is built from'),
      byYear: z
        .array(z.object({ year: z.number().int(), count: z.number().int().min(0) }))
        .describe('Associations contributing to each reference year, ascending'),
      recorded: z.boolean().describe('False for releases published before consent was recorded: no names can be shown'),
      named: z.array(namedAssociationSchema).describe('Contributing associations that consented to be named'),
      unnamed: z.number().int().min(0).describe('Contributing associations not named (counted only)'),
    }),
    changes: z
      .object({
        previous: z.object({
          id: z.uuid(),
          slug: z.string(),
          title: localisedTextSchema,
          publishedAt: z.iso.datetime({ offset: true }),
        }),
        yearsAdded: z.array(z.number().int()),
        yearsRemoved: z.array(z.number().int()),
        yearsRevised: z.array(z.number().int()).describe('Years whose data changed: their figures were recomputed'),
        yearsFrozen: z.array(z.number().int()).describe('Years whose data did not change: figures kept identical'),
        ruleChanged: z.boolean().describe('Whether the disclosure rule differs from the previous release'),
        joined: movementSchema.nullable().describe('Null when the previous release did not record its associations'),
        left: movementSchema.nullable(),
      })
      .nullable()
      .describe('Null for the first release'),
  })
  .meta({ id: 'ReleasePage' });
export type ReleasePage = z.infer<typeof releasePageSchema>;

/**
 * Path of a release's public page on the dashboard (French at the root, English under /en), for the files that
 * point to it from outside the dashboard (the PDF). The dashboard builds the same path from its table of localised
 * paths; a test checks they agree.
 */
export function releasePagePath(lang: 'fr' | 'en', slug: string): string {
  return lang === 'fr' ? `/publications/${encodeURIComponent(slug)}` : `/en/releases/${encodeURIComponent(slug)}`;
}
