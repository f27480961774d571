import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One anonymised case (victim) of one association for one reference year. Loaded in bulk by the ETL (COPY +
 * merge); the entity is for reading. Multi-valued fields hold `{unknown}` when the export said nothing.
 * `case_record` is a view over `case_entry` (one narrow row per case) and `case_profile` (each distinct combination
 * of the categorical columns, stored once): see migration CaseProfile1764700000000.
 */
@Entity({ name: 'case_record', synchronize: false })
export class CaseRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'association_id' })
  associationId: string;

  @Column({ type: 'smallint', name: 'reference_year' })
  referenceYear: number;

  /** Hex HMAC-SHA256 of the association's own case id: the raw id is never stored. */
  @Column({ type: 'text', name: 'case_key' })
  caseKey: string;

  @Column({ type: 'text' })
  gender: string;

  @Column({ type: 'text', name: 'age_band' })
  ageBand: string;

  @Column({ type: 'boolean', name: 'is_minor', nullable: true })
  isMinor: boolean | null;

  @Column({ type: 'text', array: true })
  citizenship: string[];

  @Column({ type: 'text', name: 'exploitation_types', array: true })
  exploitationTypes: string[];

  @Column({ type: 'text', name: 'recruitment_channels', array: true })
  recruitmentChannels: string[];

  @Column({ type: 'text', name: 'recruitment_platforms', array: true })
  recruitmentPlatforms: string[];

  @Column({ type: 'text', name: 'online_exploitation' })
  onlineExploitation: string;

  @Column({ type: 'text', name: 'exploitation_platforms', array: true })
  exploitationPlatforms: string[];

  @Column({ type: 'text', name: 'online_control' })
  onlineControl: string;

  @Column({ type: 'text', name: 'exploitation_country', nullable: true })
  exploitationCountry: string | null;

  @Column({ type: 'text', name: 'recruiter_relation' })
  recruiterRelation: string;

  @Column({ type: 'uuid', name: 'batch_id' })
  batchId: string;

  @Column({ type: 'integer', name: 'source_row' })
  sourceRow: number;

  /** The `case_profile` row holding the categorical columns above. */
  @Column({ type: 'integer', name: 'profile_id' })
  profileId: number;
}
