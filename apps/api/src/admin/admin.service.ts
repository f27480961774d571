import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import {
  AppUserEntity,
  AuditLogEntity,
  createApiToken,
  createAssociation,
  createUser,
  disableUser,
  listApiTokens,
  queryableOf,
  revokeApiToken,
  setAssociationNamePublic,
  withdrawAssociation,
  type Actor,
} from '@observatoire/db';
import * as importBatches from '@observatoire/db/import-batch';
import type { z } from 'zod';
import { asProblem } from '../common/account-errors.js';
import type {
  adminAssociationSchema,
  auditQuerySchema,
  createAssociationSchema,
  createTokenSchema,
  createUserSchema,
  importFailureSchema,
} from './admin.dto.js';
import { mapAudit, mapToken, mapUser } from './admin.mapper.js';

type AdminAssociation = z.infer<typeof adminAssociationSchema>;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

@Injectable()
export class AdminService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Associations with what the admin needs at a glance: accounts, tokens, loaded years, last upload. */
  async associations(id?: string): Promise<AdminAssociation[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.slug, a.name, a.is_demo, a.name_public, a.name_public_changed_at, a.withdrawn_at, a.created_at,
              (SELECT count(*)::int FROM app_user u WHERE u.association_id = a.id) AS users,
              (SELECT count(*)::int FROM api_token t WHERE t.association_id = a.id AND t.revoked_at IS NULL) AS tokens,
              (SELECT count(*)::int FROM case_record r WHERE r.association_id = a.id) AS records,
              coalesce((SELECT array_agg(DISTINCT r.reference_year::int ORDER BY r.reference_year::int)
                          FROM case_record r WHERE r.association_id = a.id), '{}') AS years
         FROM association a
        WHERE ($1::uuid IS NULL OR a.id = $1::uuid)
        ORDER BY a.name`,
      [id ?? null],
    );
    const lastUploads = await importBatches.lastUploads(queryableOf(this.ds.manager), id);
    return rows.map((r) => ({
      id: r.id as string,
      slug: r.slug as string,
      name: r.name as string,
      isDemo: r.is_demo as boolean,
      namePublic: r.name_public === true,
      namePublicChangedAt: iso(r.name_public_changed_at as Date | null),
      withdrawnAt: iso(r.withdrawn_at as Date | null),
      createdAt: iso(r.created_at as Date)!,
      users: r.users as number,
      activeTokens: r.tokens as number,
      records: r.records as number,
      referenceYears: r.years as number[],
      lastImportAt: iso(lastUploads.get(r.id as string) ?? null),
    }));
  }

  async createAssociation(input: z.infer<typeof createAssociationSchema>, actor: Actor) {
    const a = await asProblem(createAssociation(this.ds, input, actor));
    return (await this.associations(a.id))[0];
  }

  async setNamePublic(id: string, namePublic: boolean, actor: Actor) {
    const a = await asProblem(setAssociationNamePublic(this.ds, id, namePublic, actor));
    return (await this.associations(a.id))[0];
  }

  async withdraw(id: string, actor: Actor) {
    const r = await asProblem(withdrawAssociation(this.ds, id, actor));
    return {
      association: (await this.associations(r.association.id))[0],
      recordsDeleted: r.recordsDeleted,
      importsDeleted: r.importsDeleted,
    };
  }

  async users() {
    const users = await this.ds.getRepository(AppUserEntity).find({ order: { createdAt: 'ASC' } });
    return users.map(mapUser);
  }

  async createUser(input: z.infer<typeof createUserSchema>, actor: Actor) {
    return mapUser(await asProblem(createUser(this.ds, input, actor)));
  }

  async disableUser(id: string, actor: Actor) {
    return mapUser(await asProblem(disableUser(this.ds, id, actor)));
  }

  async tokens() {
    return (await listApiTokens(this.ds.manager)).map(mapToken);
  }

  async createToken(input: z.infer<typeof createTokenSchema>, actor: Actor) {
    const { token, entity } = await asProblem(createApiToken(this.ds, input, actor));
    return { token, apiToken: mapToken(entity) };
  }

  async revokeToken(id: string, actor: Actor) {
    return mapToken(await asProblem(revokeApiToken(this.ds, id, actor)));
  }

  async audit(q: z.infer<typeof auditQuerySchema>) {
    const entries = await this.ds.getRepository(AuditLogEntity).find({
      where: {
        ...(q.before ? { id: LessThan(String(q.before)) } : {}),
        ...(q.association ? { associationId: q.association } : {}),
      },
      order: { id: 'DESC' },
      take: q.limit,
    });
    return entries.map(mapAudit);
  }

  /** Failed and refused imports across associations (reports hold row/column messages, never the file's data). */
  async importFailures(): Promise<z.infer<typeof importFailureSchema>[]> {
    const batches = await importBatches.listFailures(queryableOf(this.ds.manager), 500);
    return batches.map((b) => ({
      id: b.id,
      associationId: b.associationId,
      associationSlug: b.associationSlug,
      status: b.status as 'failed' | 'refused',
      format: b.format,
      dryRun: b.dryRun,
      createdAt: b.createdAt.toISOString(),
      finishedAt: iso(b.finishedAt),
      report: b.report ?? null,
    }));
  }
}
