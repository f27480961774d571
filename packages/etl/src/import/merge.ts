import * as importBatches from '@observatoire/db/import-batch';
import { recordHeaders } from '../load/association.js';
import { finishMerge } from '../load/staging.js';
import type { Header } from './read-header.js';
import type { Staged } from './stream-and-stage.js';
import { buildReport, keptRejected, rejectedRowsDays, type ImportResult, type ImportState } from './state.js';

/**
 * Stage 5, merge: the upload becomes its association's truth for the years it contains (earlier records of those
 * years replaced, earlier batches superseded for them, aggregates rebuilt). What was stored for the batch must be
 * exactly the rows accepted, or the load fails.
 */
export async function merge(s: ImportState, staged: Staged): Promise<void> {
  const counts = s.draft.counts;
  const merged = await finishMerge(s.db, s.association.id, staged.recordsBatch, {
    years: s.draft.years,
    rows: counts.rowsAccepted,
  });
  counts.recordsNew = merged.recordsNew;
  counts.recordsReplaced = merged.recordsReplaced;
  counts.recordsUnchanged = merged.recordsUnchanged;
  counts.recordsRemoved = merged.recordsRemoved;
  s.draft.years = merged.years;
  staged.phase('merge and aggregates');
  if (staged.stored !== counts.rowsAccepted)
    throw new Error(`control totals differ: ${staged.stored} stored, ${counts.rowsAccepted} accepted`);
}

/**
 * Stage 6, commit (or, for a dry run, roll back: same report, nothing kept): the batch records its totals, report
 * and rejected rows, the association its headers (and the profile, when asked), all in the load's transaction.
 */
export async function commit(s: ImportState, staged: Staged, header: Header): Promise<ImportResult> {
  const { db, input } = s;
  if (input.dryRun) {
    await rollback(s);
    return { outcome: 'dry_run', batchId: null, report: buildReport('dry_run', s), rejectedRows: keptRejected(s) };
  }
  const report = buildReport('committed', s);
  const rejectedRows = keptRejected(s);
  await importBatches.commit(db, s.batchId!, {
    format: s.draft.source?.format ?? null,
    counts: s.draft.counts,
    years: s.draft.years,
    report,
    rejectedRows: rejectedRows && { rows: rejectedRows, days: rejectedRowsDays(s) },
  });
  await recordHeaders(db, s.association.id, header.headers, input.saveProfile ? s.profile : null);
  if (input.beforeCommit) await input.beforeCommit(db);
  await db.query('COMMIT');
  s.open.inTransaction = false;
  staged.phase('batch bookkeeping and commit');
  return { outcome: 'committed', batchId: s.batchId, report, rejectedRows };
}

/** Ends the load transaction, if one is open, keeping nothing. */
export async function rollback(s: ImportState): Promise<void> {
  if (!s.open.inTransaction) return;
  await s.db.query('ROLLBACK');
  s.open.inTransaction = false;
}
