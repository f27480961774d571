import type { ApiTokenEntity, AppUserEntity, AuditLogEntity } from '@observatoire/db';
import type { z } from 'zod';
import type { apiTokenSchema, adminUserSchema, auditEntrySchema } from './admin.dto.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function mapUser(u: AppUserEntity): z.infer<typeof adminUserSchema> {
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    associationId: u.associationId,
    disabledAt: iso(u.disabledAt),
    lastLoginAt: iso(u.lastLoginAt),
    createdAt: u.createdAt.toISOString(),
  };
}

export function mapToken(t: ApiTokenEntity): z.infer<typeof apiTokenSchema> {
  return {
    id: t.id,
    associationId: t.associationId,
    label: t.label,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}

export function mapAudit(a: AuditLogEntity): z.infer<typeof auditEntrySchema> {
  return {
    id: String(a.id),
    at: a.at.toISOString(),
    actorType: a.actorType as 'user',
    actorUserId: a.actorUserId,
    actorTokenId: a.actorTokenId,
    associationId: a.associationId,
    action: a.action,
    targetType: a.targetType,
    targetId: a.targetId,
    details: a.details ?? {},
  };
}
