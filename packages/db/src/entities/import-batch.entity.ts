import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ImportBatchStatus =
  'received' | 'validated' | 'loading' | 'committed' | 'failed' | 'refused' | 'superseded';

/** One upload of one association's export: its state, control totals and report. Written by the ETL. */
@Entity({ name: 'import_batch' })
export class ImportBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'association_id' })
  associationId: string;

  /** SHA-256 of the raw file: the same file twice for one association is one batch. */
  @Column({ type: 'text', name: 'content_hash' })
  contentHash: string;

  @Column({ type: 'text' })
  status: ImportBatchStatus;

  @Column({ type: 'text', nullable: true })
  format: string | null;

  @Column({ type: 'boolean', name: 'dry_run', default: false })
  dryRun: boolean;

  @Column({ type: 'text', name: 'original_name', nullable: true })
  originalName: string | null;

  @Column({ type: 'integer', name: 'rows_read', default: 0 })
  rowsRead: number;

  @Column({ type: 'integer', name: 'rows_accepted', default: 0 })
  rowsAccepted: number;

  @Column({ type: 'integer', name: 'rows_rejected', default: 0 })
  rowsRejected: number;

  @Column({ type: 'integer', name: 'records_new', default: 0 })
  recordsNew: number;

  @Column({ type: 'integer', name: 'records_replaced', default: 0 })
  recordsReplaced: number;

  @Column({ type: 'integer', name: 'records_unchanged', default: 0 })
  recordsUnchanged: number;

  /** Records of the replaced years that the new upload no longer contains. */
  @Column({ type: 'integer', name: 'records_removed', default: 0 })
  recordsRemoved: number;

  @Column({ type: 'integer', name: 'reference_years', array: true, default: () => "'{}'" })
  referenceYears: number[];

  /** Years for which a later upload replaced this one (status becomes superseded when all are). */
  @Column({ type: 'integer', name: 'superseded_years', array: true, default: () => "'{}'" })
  supersededYears: number[];

  /** The import report (`importReportSchema` of @observatoire/schema). */
  @Column({ type: 'jsonb', nullable: true })
  report: unknown;

  /**
   * The rejected rows (coded columns only: `RejectedRows` of @observatoire/schema), built at import time and kept
   * until `rejectedRowsUntil` so that the association can fix them; then dropped by the import queue's sweep.
   */
  @Column({ type: 'jsonb', name: 'rejected_rows', nullable: true })
  rejectedRows: unknown;

  @Column({ type: 'timestamptz', name: 'rejected_rows_until', nullable: true })
  rejectedRowsUntil: Date | null;

  /**
   * Path of the raw file while its import needs it: queued or being read, or a preview awaiting confirmation (at
   * most PREVIEW_MAX_AGE_HOURS). Cleared, and the file deleted, as soon as the import ends.
   */
  @Column({ type: 'text', name: 'stored_file', nullable: true })
  storedFile: string | null;

  @Column({ type: 'uuid', name: 'created_by_user_id', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
