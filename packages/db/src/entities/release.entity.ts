import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An immutable snapshot of disclosure-controlled statistics (written by @observatoire/stats, read-only
 * everywhere else: database triggers refuse updates and deletes).
 */
@Entity({ name: 'release' })
export class ReleaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'jsonb' })
  title: { fr: string; en: string };

  @Column({ type: 'jsonb', nullable: true })
  notes: { fr: string; en: string } | null;

  @Column({ type: 'jsonb', name: 'disclosure_rule' })
  disclosureRule: Record<string, number>;

  @Column({ type: 'text', name: 'schema_version' })
  schemaVersion: string;

  @Column({ type: 'integer', array: true, name: 'reference_years' })
  referenceYears: number[];

  @Column({ type: 'integer', name: 'contributing_associations' })
  contributingAssociations: number;

  /** Built (at least partly) from fictional demo associations: the dashboard shows a banner. */
  @Column({ type: 'boolean', default: false })
  demo: boolean;

  @Column({ type: 'jsonb', name: 'contributing_by_year' })
  contributingByYear: Record<string, number>;

  /** Internal: per-year fingerprint of the data, to keep unchanged years identical in the next release. Never served. */
  @Column({ type: 'jsonb', name: 'year_fingerprints' })
  yearFingerprints: Record<string, string>;

  @Column({ type: 'uuid', name: 'supersedes_id', nullable: true })
  supersedesId: string | null;

  @Column({ type: 'text', name: 'published_by', nullable: true })
  publishedBy: string | null;

  @Column({ type: 'integer', name: 'cell_count' })
  cellCount: number;

  @Column({ type: 'integer', name: 'withheld_count' })
  withheldCount: number;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'published_at' })
  publishedAt: Date;
}

/** One cell of a release: `value` when published, `reason` when withheld (never both, never a 0 for withheld). */
@Entity({ name: 'release_cell' })
export class ReleaseCellEntity {
  @PrimaryColumn({ type: 'uuid', name: 'release_id' })
  releaseId: string;

  /** `all`, or the filter of the view (`exploitationType:sexual`, `recruitmentChannelGroup:online`). */
  @PrimaryColumn({ type: 'text' })
  view: string;

  @PrimaryColumn({ type: 'text' })
  dimension: string;

  @PrimaryColumn({ type: 'smallint', name: 'reference_year' })
  referenceYear: number;

  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'integer', nullable: true })
  value: number | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
