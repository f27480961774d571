import { rm } from 'node:fs/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { AssociationEntity } from '../entities/association.entity.js';
import {
  ApiTokenEntity,
  AppUserEntity,
  AuditLogEntity,
  UserSessionEntity,
  type UserRole,
} from '../entities/account.entities.js';
import { queryableOf } from '../data-source.js';
import * as importBatches from '../repositories/import-batch.repository.js';
import { hashPassword, newPasswordRefusal } from './password.js';
import { newApiToken } from './tokens.js';

/** Who acts: a logged-in user, an API token, the command line (the collective's admin at the shell), the system. */
export interface Actor {
  type: 'user' | 'token' | 'cli' | 'system';
  userId?: string | null;
  tokenId?: string | null;
}

export type AccountErrorCode =
  | 'slug_taken'
  | 'email_taken'
  | 'invalid_email'
  | 'invalid_slug'
  | 'password_policy'
  | 'password_common'
  | 'member_needs_association'
  | 'association_withdrawn'
  | 'not_found';

/** What each refusal says (the API's catalogue takes them as they are). */
export const accountMessages: Record<AccountErrorCode, { fr: string; en: string }> = {
  slug_taken: {
    fr: 'Une association existe déjà avec cet identifiant court. Choisissez-en un autre.',
    en: 'An association with this short identifier already exists. Choose another one.',
  },
  email_taken: {
    fr: 'Un compte existe déjà avec cette adresse e-mail. Utilisez-en une autre.',
    en: 'An account with this e-mail address already exists. Use another one.',
  },
  invalid_email: {
    fr: 'Adresse e-mail invalide. Vérifiez son orthographe.',
    en: 'Invalid e-mail address. Check its spelling.',
  },
  invalid_slug: {
    fr: 'Identifiant court invalide : minuscules, chiffres et tirets, 2 à 63 caractères.',
    en: 'Invalid short identifier: lower-case letters, digits and hyphens, 2 to 63 characters.',
  },
  password_policy: {
    fr: 'Le mot de passe doit compter entre 8 et 128 caractères.',
    en: 'The password must be 8 to 128 characters long.',
  },
  password_common: {
    fr: 'Ce mot de passe est trop facile à deviner : c’est l’un des mots de passe les plus courants, quelques caractères répétés, le nom du service ou l’adresse e-mail. Choisissez-en un autre, par exemple une phrase de quatre mots.',
    en: 'This password is too easy to guess: it is one of the most common passwords, a few repeated characters, the name of the service or the e-mail address. Choose another one, for example a sentence of four words.',
  },
  member_needs_association: {
    fr: 'Un compte membre doit être rattaché à une association. Indiquez-la.',
    en: 'A member account must belong to an association. Specify it.',
  },
  association_withdrawn: {
    fr: 'Cette association s’est retirée du collectif : aucun compte ni jeton ne peut plus lui être rattaché.',
    en: 'This association has withdrawn from the collective: no account or token can be attached to it.',
  },
  not_found: {
    fr: 'Introuvable. Vérifiez l’identifiant.',
    en: 'Not found. Check the identifier.',
  },
};

/** A refusal the caller can show as is (French then English); nothing was changed. */
export class AccountError extends Error {
  readonly fr: string;
  readonly en: string;
  constructor(readonly code: AccountErrorCode) {
    super(accountMessages[code].en);
    this.fr = accountMessages[code].fr;
    this.en = accountMessages[code].en;
  }
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export async function recordAudit(
  m: EntityManager,
  actor: Actor,
  action: string,
  target: { type?: string; id?: string | null; associationId?: string | null; details?: Record<string, unknown> } = {},
): Promise<void> {
  await m.insert(AuditLogEntity, {
    actorType: actor.type,
    actorUserId: actor.userId ?? null,
    actorTokenId: actor.tokenId ?? null,
    associationId: target.associationId ?? null,
    action,
    targetType: target.type ?? null,
    targetId: target.id ?? null,
    details: (target.details ?? {}) as never,
  });
}

function isUniqueViolation(err: unknown): boolean {
  return (
    !!err &&
    typeof err === 'object' &&
    'driverError' in err &&
    (err as { driverError: { code?: string } }).driverError?.code === '23505'
  );
}

/** Finds an association by id or slug. */
export async function findAssociation(m: EntityManager, idOrSlug: string): Promise<AssociationEntity | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  return m.findOne(AssociationEntity, { where: isUuid ? { id: idOrSlug } : { slug: idOrSlug } });
}

export async function createAssociation(
  ds: DataSource,
  input: { slug: string; name: string; isDemo?: boolean },
  actor: Actor,
): Promise<AssociationEntity> {
  if (!SLUG.test(input.slug)) throw new AccountError('invalid_slug');
  try {
    return await ds.transaction(async (m) => {
      const a = m.create(AssociationEntity, { slug: input.slug, name: input.name.trim(), isDemo: !!input.isDemo });
      await m.save(a);
      await recordAudit(m, actor, 'association.create', { type: 'association', id: a.id, associationId: a.id });
      return a;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AccountError('slug_taken');
    throw err;
  }
}

/**
 * Records whether an association consents to its name being published with the releases it contributes to. Takes
 * effect at the next publication: published releases keep the names recorded when they were published.
 */
export async function setAssociationNamePublic(
  ds: DataSource,
  idOrSlug: string,
  namePublic: boolean,
  actor: Actor,
): Promise<AssociationEntity> {
  return ds.transaction(async (m) => {
    const a = await findAssociation(m, idOrSlug);
    if (!a) throw new AccountError('not_found');
    if (a.withdrawnAt) throw new AccountError('association_withdrawn');
    if (a.namePublic !== namePublic) {
      a.namePublic = namePublic;
      a.namePublicChangedAt = new Date();
      await m.save(a);
      await recordAudit(m, actor, 'association.name_public', {
        type: 'association',
        id: a.id,
        associationId: a.id,
        details: { namePublic },
      });
    }
    return a;
  });
}

export async function listAssociations(m: EntityManager): Promise<AssociationEntity[]> {
  return m.find(AssociationEntity, { order: { name: 'ASC' } });
}

export async function createUser(
  ds: DataSource,
  input: { email: string; password: string; role: UserRole; association?: string | null },
  actor: Actor,
): Promise<AppUserEntity> {
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 254) throw new AccountError('invalid_email');
  const refusal = await newPasswordRefusal(input.password, email);
  if (refusal) throw new AccountError(refusal);
  let associationId: string | null = null;
  if (input.association) {
    const a = await findAssociation(ds.manager, input.association);
    if (!a) throw new AccountError('not_found');
    if (a.withdrawnAt) throw new AccountError('association_withdrawn');
    associationId = a.id;
  }
  if (input.role === 'member' && !associationId) throw new AccountError('member_needs_association');
  // Hashing takes a few hundred milliseconds: done before the transaction opens.
  const passwordHash = await hashPassword(input.password);
  try {
    return await ds.transaction(async (m) => {
      const u = m.create(AppUserEntity, { email, passwordHash, role: input.role, associationId });
      await m.save(u);
      await recordAudit(m, actor, 'user.create', {
        type: 'user',
        id: u.id,
        associationId,
        details: { role: input.role },
      });
      return u;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AccountError('email_taken');
    throw err;
  }
}

export async function findUserByEmail(m: EntityManager, email: string): Promise<AppUserEntity | null> {
  return m
    .createQueryBuilder(AppUserEntity, 'u')
    .where('lower(u.email) = lower(:email)', { email: email.trim() })
    .getOne();
}

/** Disables a user and ends all their sessions at once. */
export async function disableUser(ds: DataSource, idOrEmail: string, actor: Actor): Promise<AppUserEntity> {
  return ds.transaction(async (m) => {
    const isUuid = /^[0-9a-f-]{36}$/i.test(idOrEmail);
    const u = isUuid
      ? await m.findOne(AppUserEntity, { where: { id: idOrEmail } })
      : await findUserByEmail(m, idOrEmail);
    if (!u) throw new AccountError('not_found');
    if (!u.disabledAt) {
      u.disabledAt = new Date();
      await m.save(u);
    }
    await m.delete(UserSessionEntity, { userId: u.id });
    await recordAudit(m, actor, 'user.disable', { type: 'user', id: u.id, associationId: u.associationId });
    return u;
  });
}

export async function createApiToken(
  ds: DataSource,
  input: { association: string; label: string },
  actor: Actor,
): Promise<{ token: string; entity: ApiTokenEntity }> {
  return ds.transaction(async (m) => {
    const a = await findAssociation(m, input.association);
    if (!a) throw new AccountError('not_found');
    if (a.withdrawnAt) throw new AccountError('association_withdrawn');
    const { token, tokenHash, prefix } = newApiToken();
    const entity = m.create(ApiTokenEntity, {
      associationId: a.id,
      label: input.label.trim() || 'token',
      tokenHash,
      prefix,
      createdByUserId: actor.type === 'user' ? (actor.userId ?? null) : null,
    });
    await m.save(entity);
    await recordAudit(m, actor, 'token.create', { type: 'api_token', id: entity.id, associationId: a.id });
    return { token, entity };
  });
}

export async function revokeApiToken(ds: DataSource, tokenId: string, actor: Actor): Promise<ApiTokenEntity> {
  return ds.transaction(async (m) => {
    const t = /^[0-9a-f-]{36}$/i.test(tokenId) ? await m.findOne(ApiTokenEntity, { where: { id: tokenId } }) : null;
    if (!t) throw new AccountError('not_found');
    if (!t.revokedAt) {
      t.revokedAt = new Date();
      await m.save(t);
    }
    await recordAudit(m, actor, 'token.revoke', { type: 'api_token', id: t.id, associationId: t.associationId });
    return t;
  });
}

export async function listApiTokens(m: EntityManager, associationId?: string): Promise<ApiTokenEntity[]> {
  return m.find(ApiTokenEntity, {
    where: associationId ? { associationId } : {},
    order: { createdAt: 'DESC' },
  });
}

/**
 * Withdraws an association: its records, uploads and stored files are deleted, its users disabled (sessions
 * ended), its tokens revoked, and `withdrawn_at` excludes it from every future release. Published releases are
 * immutable and stay as they were, as the methodology says.
 */
export async function withdrawAssociation(
  ds: DataSource,
  idOrSlug: string,
  actor: Actor,
): Promise<{ association: AssociationEntity; recordsDeleted: number; importsDeleted: number }> {
  const files: string[] = [];
  const result = await ds.transaction(async (m) => {
    const a = await findAssociation(m, idOrSlug);
    if (!a) throw new AccountError('not_found');
    let recordsDeleted = 0;
    let importsDeleted = 0;
    const [{ has_records, has_batches }] = await m.query(
      `SELECT to_regclass('case_entry') IS NOT NULL AS has_records, to_regclass('import_batch') IS NOT NULL AS has_batches`,
    );
    if (has_records) {
      const [{ n }] = await m.query(
        `WITH d AS (DELETE FROM case_entry WHERE association_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
        [a.id],
      );
      recordsDeleted = n;
    }
    if (has_batches) {
      const deleted = await importBatches.deleteForAssociation(queryableOf(m), a.id);
      importsDeleted = deleted.deleted;
      files.push(...deleted.files);
    }
    await m.query(`DELETE FROM user_session WHERE user_id IN (SELECT id FROM app_user WHERE association_id = $1)`, [
      a.id,
    ]);
    await m.query(`UPDATE app_user SET disabled_at = coalesce(disabled_at, now()) WHERE association_id = $1`, [a.id]);
    await m.query(`UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE association_id = $1`, [a.id]);
    a.withdrawnAt ??= new Date();
    await m.save(a);
    await recordAudit(m, actor, 'association.withdraw', {
      type: 'association',
      id: a.id,
      associationId: a.id,
      details: { recordsDeleted, importsDeleted },
    });
    return { association: a, recordsDeleted, importsDeleted };
  });
  // Files go after the commit: a failed transaction must not have removed anything.
  await Promise.all(files.map((f) => rm(f, { force: true }).catch(() => {})));
  return result;
}
