import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type UserRole = 'member' | 'admin';

/** A person who logs in: a member of one association, or an admin of the collective. */
@Entity({ name: 'app_user' })
export class AppUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored as given; unique case-insensitively (index on lower(email)). */
  @Column({ type: 'text' })
  email: string;

  /** `$scrypt$ln=17,r=8,p=1$<salt>$<hash>`: the parameters travel with the hash so they can be raised later. */
  @Column({ type: 'text', name: 'password_hash' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: UserRole;

  @Column({ type: 'uuid', name: 'association_id', nullable: true })
  associationId: string | null;

  @Column({ type: 'timestamptz', name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'timestamptz', name: 'last_login_at', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

/** A server-side session: the cookie holds a random 128-bit id, the table only its SHA-256. */
@Entity({ name: 'user_session' })
export class UserSessionEntity {
  @PrimaryColumn({ type: 'text', name: 'id_hash' })
  idHash: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'last_seen_at' })
  lastSeenAt: Date;

  /** Absolute timeout: the session ends then whatever the activity. */
  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;
}

/** A per-association token for scripts; shown once, stored as its SHA-256. */
@Entity({ name: 'api_token' })
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'association_id' })
  associationId: string;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text', name: 'token_hash' })
  tokenHash: string;

  /** The first characters, so that people can tell their tokens apart. */
  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'uuid', name: 'created_by_user_id', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}

/** Who did what and when. Holds ids, never e-mail addresses or file contents. */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** 'user', 'token', 'cli' or 'system'. */
  @Column({ type: 'text', name: 'actor_type' })
  actorType: string;

  @Column({ type: 'uuid', name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', name: 'actor_token_id', nullable: true })
  actorTokenId: string | null;

  @Column({ type: 'uuid', name: 'association_id', nullable: true })
  associationId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', name: 'target_type', nullable: true })
  targetType: string | null;

  @Column({ type: 'text', name: 'target_id', nullable: true })
  targetId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}

/** Failed-login counters per account and per client address (keys are hashes, not addresses). */
@Entity({ name: 'login_throttle' })
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ type: 'timestamptz', name: 'window_started_at' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', name: 'locked_until', nullable: true })
  lockedUntil: Date | null;
}
