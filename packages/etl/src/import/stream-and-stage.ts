import { stat } from 'node:fs/promises';
import * as importBatches from '@observatoire/db/import-batch';
import { ColumnReader } from '../mapping/column-reading.js';
import { isBlankRow, totalRow } from '../mapping/header-row.js';
import type { ColumnPlan, PlannedColumn } from '../mapping/plan.js';
import { createStaging, lockAssociation } from '../load/staging.js';
import { RowNormaliser, type PendingRows } from '../normalise/record.js';
import { ContentScan, looksLikeFreeText } from '../privacy/identifiers.js';
import { keptValue } from '../privacy/kept-values.js';
import { inlineKeyHasher, workerKeyHasher, type KeyHasher } from '../privacy/key-hasher.js';
import { keptColumns } from './guard.js';
import type { Header } from './read-header.js';
import { RaggedRows } from './ragged-rows.js';
import { StagingWriter } from './staging-writer.js';
import { MAX_REPORTED_ERRORS, phaseClock, type ImportState } from './state.js';

/** Rows staged and merged per chunk (see `StagingWriter`). */
const CHUNK_ROWS = 100_000;
/** Rows whose keys are computed in one batch, and batches in flight (bounded memory, overlap with the worker). */
const KEY_BATCH_ROWS = 4096;
const KEY_BATCHES_IN_FLIGHT = 3;
const KEY_WORKER_MIN_BYTES = 4 * 1024 * 1024;

/** What the stream left for the verdict: the rows read, the records staged, and what was seen on the way. */
export interface Staged {
  /** The batch the records were merged under: the import's, or, for a dry run, a scratch one rolled back. */
  recordsBatch: string;
  rows: DataRows;
  /** Records merged into `case_entry` (the inserts' own counts). */
  stored: number;
  /** Ends a timed phase (see `RunImportInput.onPhase`). */
  phase: (name: string) => void;
}

/**
 * Stage 3, stream and stage: in the load transaction, every data row is screened (privacy scan, totals, ragged
 * rows), normalised and pseudonymised, and its record COPY'd into staging and merged into `case_entry` chunk by
 * chunk. Nothing is visible to anyone else until the commit. A reader's refusal surfaces as an `EtlError`.
 */
export async function streamAndStage(s: ImportState, header: Header, plan: ColumnPlan, key: Buffer): Promise<Staged> {
  const recordsBatch = await beginLoad(s);
  const phase = phaseClock(s);
  const chunkRows = s.input.chunkRows ?? CHUNK_ROWS;
  const normaliser = new RowNormaliser(plan, { associationId: s.association.id, key, profile: s.profile });
  const rows = new DataRows(s, header.headers, plan, normaliser);
  const useWorker = s.input.keyWorker ?? (await stat(s.input.file)).size >= KEY_WORKER_MIN_BYTES;
  const hasher = (s.open.hasher = useWorker ? workerKeyHasher(key) : inlineKeyHasher(key));
  const writer = new StagingWriter(s.db, {
    rows: chunkRows,
    associationId: s.association.id,
    batchId: recordsBatch,
    takeProfiles: () => normaliser.takeProfiles(),
  });
  const keyed = new KeyedRows(hasher, normaliser, writer);
  const keyBatchRows = Math.min(KEY_BATCH_ROWS, chunkRows);
  let stored: number;
  try {
    const { toCells } = header;
    for (let batch: typeof header.firstRows | null = header.firstRows; batch; batch = await header.nextBatch()) {
      for (const r of batch) {
        if (rows.take(r.row, toCells ? toCells(r) : r.cells) && normaliser.pendingCount >= keyBatchRows)
          await keyed.dispatch();
      }
    }
    await keyed.drain();
    stored = await writer.finish();
  } catch (err) {
    await writer.abort();
    throw err;
  }
  phase('read, normalise, stage and merge chunks');
  s.input.onProgress?.({ rowsRead: rows.read, done: true });
  s.draft.counts.rowsRead = rows.read;
  s.draft.years = [...normaliser.years].sort((a, b) => a - b);
  return { recordsBatch, rows, stored, phase };
}

/**
 * Opens the load: the batch is validated, then loading under its load lock (which marks it alive: see
 * `recoverInterruptedBatches`); the transaction begins with its staging tables, under the association's lock. A dry
 * run's records name a scratch batch written in the transaction it rolls back. Returns the batch records name.
 */
async function beginLoad(s: ImportState): Promise<string> {
  const { db } = s;
  const batchId = s.input.dryRun ? null : s.batchId;
  if (batchId) {
    await importBatches.setStatus(db, batchId, 'validated', s.draft.source?.format);
    await importBatches.lockLoad(db, batchId);
    s.open.loadLocked = true;
    await importBatches.setStatus(db, batchId, 'loading');
  }
  await db.query('BEGIN');
  s.open.inTransaction = true;
  await createStaging(db);
  await lockAssociation(db, s.association.id);
  return batchId ?? (await importBatches.createScratch(db, s.association.id, s.contentHash));
}

/**
 * Every data row, once, synchronously (no promise per row): blank rows and totals rows skipped (a total's declared
 * count noted), ragged rows noted, cells scanned for identifiers and free text, the row normalised, and a rejected
 * row's coded cells kept for the rejected-rows file.
 */
export class DataRows {
  read = 0;
  readonly scan = new ContentScan();
  /** Per column not mapped to a field: how many cells read like free text. */
  readonly freeTextHits = new Map<number, number>();
  readonly ragged: RaggedRows;
  /** What the columns no field was found for seem to hold. */
  readonly reader: ColumnReader;
  private readonly unmapped: Set<number>;
  private readonly kept: PlannedColumn[];

  constructor(
    private readonly s: ImportState,
    headers: readonly string[],
    plan: ColumnPlan,
    readonly normaliser: RowNormaliser,
  ) {
    const format = s.draft.source?.format;
    // Spreadsheet rows end at their last filled cell, and JSON records name their cells: only text can be short.
    this.ragged = new RaggedRows(headers, format !== 'json' && format !== 'ndjson' && format !== 'xlsx');
    this.unmapped = new Set(
      plan.columns
        .filter((c) => c.status === 'unmapped' || c.status === 'free_text' || c.status === 'ignored')
        .map((c) => c.index),
    );
    this.kept = keptColumns(plan);
    this.reader = new ColumnReader(plan.columns.filter((c) => c.status === 'unmapped').map((c) => c.index));
  }

  /** Takes one row; true when it was accepted (its key is then pending). */
  take(row: number, cells: string[]): boolean {
    const counts = this.s.draft.counts;
    if (isBlankRow(cells)) {
      counts.rowsSkipped++;
      return false;
    }
    const total = totalRow(cells);
    if (total) {
      counts.rowsSkipped++;
      if (total.declared !== null) this.s.draft.declaredTotal = total.declared;
      return false;
    }
    this.read++;
    this.ragged.observe(row, cells);
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v && v.length >= 6) {
        this.scan.observe(i, v, row);
        if (this.unmapped.has(i) && looksLikeFreeText(v)) this.freeTextHits.set(i, (this.freeTextHits.get(i) ?? 0) + 1);
      }
    }
    this.reader.observe(cells);
    const accepted = this.normaliser.normalise(cells, row);
    if (!accepted) this.keepRejected(row, cells);
    const onProgress = this.s.input.onProgress;
    if (onProgress && this.read % 10_000 === 0) onProgress({ rowsRead: this.read, done: false });
    return accepted;
  }

  private keepRejected(row: number, cells: string[]): void {
    const rejected = this.s.draft.rejected!;
    if (rejected.rows.length >= MAX_REPORTED_ERRORS) return;
    rejected.rows.push({ row, cells: this.kept.map((c) => keptValue(c.field, cells[c.index] ?? '') ?? '') });
  }
}

/**
 * Case keys computed in batches (possibly in a worker thread) while reading goes on: a few batches in flight, each
 * written to staging, in order, once its keys are there.
 */
class KeyedRows {
  private readonly inFlight: { rows: PendingRows; keys: Promise<string[]> }[] = [];

  constructor(
    private readonly hasher: KeyHasher,
    private readonly normaliser: RowNormaliser,
    private readonly writer: StagingWriter,
  ) {}

  /** Sends the pending rows' keys to be computed; writes the batches beyond the ones allowed in flight. */
  async dispatch(): Promise<void> {
    const rows = this.normaliser.takePending();
    if (rows.length === 0) return;
    const keys = this.hasher.hash(rows.inputs);
    // Awaited in order by writeOldest; a failure while reading must not surface as an unhandled rejection.
    keys.catch(() => {});
    this.inFlight.push({ rows, keys });
    while (this.inFlight.length > KEY_BATCHES_IN_FLIGHT) await this.writeOldest();
  }

  /** Sends the last pending rows and writes every batch still in flight. */
  async drain(): Promise<void> {
    await this.dispatch();
    while (this.inFlight.length > 0) await this.writeOldest();
  }

  private async writeOldest(): Promise<void> {
    const { rows, keys } = this.inFlight.shift()!;
    await this.writer.add(this.normaliser.linesOf(rows, await keys), rows.length);
  }
}
