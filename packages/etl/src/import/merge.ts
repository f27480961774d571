import type { ImportYearChange } from '@observatoire/schema';
import * as importBatches from '@observatoire/db/import-batch';
import { recordHeaders } from '../load/association.js';
import { compareYears, replaceEarlier } from '../load/staging.js';
import { msg } from '../messages.js';
import type { Header } from './read-header.js';
import type { Staged } from './stream-and-stage.js';
import {
  buildReport,
  issue,
  keptRejected,
  rejectedRowsDays,
  stop,
  type ImportResult,
  type ImportState,
  type Stop,
} from './state.js';

/**
 * Stage 5, merge: the upload becomes its association's truth for the years it contains (earlier records of those
 * years replaced, earlier batches superseded for them, aggregates rebuilt). What was stored for the batch must be
 * exactly the rows accepted, or the load fails. Removing stored cases of a year is a decision: unless the input
 * names the year in `replaceYears`, such a load stops here (a dry run only reports the per-year changes).
 */
export async function merge(s: ImportState, staged: Staged): Promise<Stop | null> {
  const counts = s.draft.counts;
  const changes = await compareYears(s.db, s.association.id, staged.recordsBatch, s.draft.years);
  s.draft.yearChanges = changes;
  counts.recordsNew = sum(changes, 'new');
  counts.recordsReplaced = sum(changes, 'replaced');
  counts.recordsUnchanged = sum(changes, 'unchanged');
  counts.recordsRemoved = sum(changes, 'removed');
  const unconfirmed = removalsToConfirm(changes, s.input.replaceYears ?? []);
  if (!s.input.dryRun && unconfirmed.length > 0)
    return stop('failed', [issue('replace_not_confirmed', 'error', msg.replaceNotConfirmed(unconfirmed))]);
  await replaceEarlier(s.db, s.association.id, staged.recordsBatch, s.draft.years);
  staged.phase('merge and aggregates');
  if (staged.stored !== counts.rowsAccepted)
    throw new Error(`control totals differ: ${staged.stored} stored, ${counts.rowsAccepted} accepted`);
  return null;
}

const sum = (changes: ImportYearChange[], key: 'new' | 'replaced' | 'unchanged' | 'removed') =>
  changes.reduce((n, c) => n + c[key], 0);

/** The years whose stored cases would be removed and that the caller did not name for replacement. */
export function removalsToConfirm(changes: readonly ImportYearChange[], replaceYears: readonly number[]) {
  return changes.filter((c) => c.removed > 0 && !replaceYears.includes(c.year));
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
