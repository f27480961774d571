import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A member association of the collective. Its slug is what uploads and tokens are attached to. */
@Entity({ name: 'association' })
export class AssociationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  /** Whether the association's data is fictional demo data (shown with a banner). */
  @Column({ type: 'boolean', name: 'is_demo', default: false })
  isDemo: boolean;

  /**
   * Whether the association consents to its name being published with the releases it contributes to. Recorded in
   * each release when it is published (a release never changes); changing it affects later releases only.
   */
  @Column({ type: 'boolean', name: 'name_public', default: false })
  namePublic: boolean;

  @Column({ type: 'timestamptz', name: 'name_public_changed_at', nullable: true })
  namePublicChangedAt: Date | null;

  /** Set when the association withdrew: its records are deleted and it is excluded from future releases. */
  @Column({ type: 'timestamptz', name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  /** The association's stored ETL mapping profile (`mappingProfileSchema`), used for its uploads by default. */
  @Column({ type: 'jsonb', name: 'mapping_profile', nullable: true })
  mappingProfile: unknown;

  /** Headers of the association's previous upload, to report columns that appeared, vanished or were renamed. */
  @Column({ type: 'jsonb', name: 'last_headers', nullable: true })
  lastHeaders: string[] | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
