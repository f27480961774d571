import { AssociationEntity } from './association.entity.js';
import { ImportBatchEntity, type ImportBatchStatus } from './import-batch.entity.js';
import { CaseRecordEntity } from './case-record.entity.js';

export { AssociationEntity, ImportBatchEntity, CaseRecordEntity, type ImportBatchStatus };

import {
  AppUserEntity,
  UserSessionEntity,
  ApiTokenEntity,
  AuditLogEntity,
  LoginThrottleEntity,
  type UserRole,
} from './account.entities.js';

export { AppUserEntity, UserSessionEntity, ApiTokenEntity, AuditLogEntity, LoginThrottleEntity, type UserRole };

import { ReleaseEntity, ReleaseCellEntity, ReleaseNoticeEntity } from './release.entity.js';

export { ReleaseEntity, ReleaseCellEntity, ReleaseNoticeEntity };

/** Every entity, imported (never globbed by path). Add new entities here. */
export const entities = [
  AssociationEntity,
  ImportBatchEntity,
  CaseRecordEntity,
  AppUserEntity,
  UserSessionEntity,
  ApiTokenEntity,
  AuditLogEntity,
  LoginThrottleEntity,
  ReleaseEntity,
  ReleaseCellEntity,
  ReleaseNoticeEntity,
];
