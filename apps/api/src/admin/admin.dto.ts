import { z } from 'zod';

const uuid = z.uuid();
const iso = z.iso.datetime({ offset: true });

export const adminAssociationSchema = z
  .object({
    id: uuid,
    slug: z.string(),
    name: z.string(),
    isDemo: z.boolean(),
    namePublic: z
      .boolean()
      .describe('Consents to its name being published with the releases it contributes to (from the next one)'),
    namePublicChangedAt: iso.nullable(),
    withdrawnAt: iso.nullable(),
    createdAt: iso,
    users: z.number().int(),
    activeTokens: z.number().int(),
    records: z.number().int(),
    referenceYears: z.array(z.number().int()).describe('Years with loaded records'),
    lastImportAt: iso.nullable(),
  })
  .meta({ id: 'AdminAssociation' });

export const createAssociationSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
    name: z.string().trim().min(2).max(200),
    isDemo: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'CreateAssociation' });

export const namePublicSchema = z
  .object({
    namePublic: z.boolean().describe('true: the name is published with the next releases; false: counted only'),
  })
  .strict()
  .meta({ id: 'AssociationNamePublic' });

export const adminUserSchema = z
  .object({
    id: uuid,
    email: z.string(),
    role: z.enum(['member', 'admin']),
    associationId: uuid.nullable(),
    disabledAt: iso.nullable(),
    lastLoginAt: iso.nullable(),
    createdAt: iso,
  })
  .meta({ id: 'AdminUser' });

export const createUserSchema = z
  .object({
    email: z.string().trim().min(3).max(254),
    password: z.string().min(8).max(128),
    role: z.enum(['member', 'admin']).default('member'),
    association: z.string().min(2).max(64).optional().describe('Association id or slug (required for members)'),
  })
  .strict()
  .meta({ id: 'CreateUser' });

export const apiTokenSchema = z
  .object({
    id: uuid,
    associationId: uuid,
    label: z.string(),
    prefix: z.string(),
    createdAt: iso,
    lastUsedAt: iso.nullable(),
    revokedAt: iso.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createTokenSchema = z
  .object({
    association: z.string().min(2).max(64).describe('Association id or slug'),
    label: z.string().trim().min(1).max(100),
  })
  .strict()
  .meta({ id: 'CreateApiToken' });

export const createdTokenSchema = z
  .object({ token: z.string().describe('Shown once: store it now'), apiToken: apiTokenSchema })
  .meta({ id: 'CreatedApiToken' });

export const withdrawalSchema = z
  .object({ association: adminAssociationSchema, recordsDeleted: z.number().int(), importsDeleted: z.number().int() })
  .meta({ id: 'Withdrawal' });

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: iso,
    actorType: z.enum(['user', 'token', 'cli', 'system']),
    actorUserId: uuid.nullable(),
    actorTokenId: uuid.nullable(),
    associationId: uuid.nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

export const auditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.coerce.number().int().min(1).optional().describe('Entries with an id below this one (paging)'),
    association: uuid.optional(),
  })
  .strict();

export const importFailureSchema = z
  .object({
    id: uuid,
    associationId: uuid,
    associationSlug: z.string(),
    status: z.enum(['failed', 'refused']),
    format: z.string().nullable(),
    dryRun: z.boolean(),
    createdAt: iso,
    finishedAt: iso.nullable(),
    report: z.unknown().describe('The ETL import report (importReportSchema)'),
  })
  .meta({ id: 'ImportFailure' });

export const idParamSchema = z.object({ id: uuid }).strict();
