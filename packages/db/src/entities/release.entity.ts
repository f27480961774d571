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

  /** Internal: the contributing associations, to say which joined or left since the previous release. Never served. */
  @Column({ type: 'uuid', array: true, name: 'association_ids', nullable: true })
  associationIds: string[] | null;

  /**
   * The associations that consented to be named when the release was published: contributors, and those of the
   * previous release that no longer contribute (so a departure can be named). Null for releases older than consent.
   */
  @Column({ type: 'jsonb', name: 'consenting_associations', nullable: true })
  consentingAssociations: { id: string; slug: string; name: string }[] | null;

  /** Notes drawn on the time-series charts, e.g. 2020 "confinement" / "lockdown". */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  annotations: { year: number; text: { fr: string; en: string } }[];
  /** Per chart: share of the persons (and of the cells) of its default view that sit in published cells. */
  @Column({ type: 'jsonb', name: 'published_mass', default: {} })
  publishedMass: Record<string, { persons: number; cells: number }>;

  /** Years carried forward unchanged from earlier releases. */
  @Column({ type: 'integer', array: true, name: 'frozen_years', default: [] })
  frozenYears: number[];

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

/** An erratum or retraction attached to a published release afterwards; its numbers are untouched. Append-only. */
@Entity({ name: 'release_notice' })
export class ReleaseNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'release_id' })
  releaseId: string;

  @Column({ type: 'text' })
  kind: 'erratum' | 'retraction';

  @Column({ type: 'jsonb' })
  text: { fr: string; en: string };

  @Column({ type: 'text', name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
