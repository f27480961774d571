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
