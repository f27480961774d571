import type { ImportIssue } from '@observatoire/schema';
import * as importBatches from '@observatoire/db/import-batch';
import { isEtlError } from '../errors.js';
import { msg } from '../messages.js';
import { loadPseudonymKey } from '../privacy/pseudonym.js';
import { guardHeaders } from './guard.js';
import { commit, merge, rollback } from './merge.js';
import { readHeader } from './read-header.js';
import { streamAndStage } from './stream-and-stage.js';
import { verdict } from './verdict.js';
import {
  buildReport,
  fileIssue,
  isStop,
  issue,
  keptRejected,
  rejectedRowsDays,
  stop,
  type ImportResult,
  type ImportState,
  type Stop,
} from './state.js';

/**
 * The import of one file, as named stages over one state: read the header, guard the headers, stream and stage
 * the rows, give the verdict, merge (unless it would remove cases of a year not named for replacement), commit. A stage that ends the import returns a `Stop`, which `settle` records
 * (the one place that rolls back and settles the batch); a reader's refusal (`EtlError`) is a failed import, any
 * other error an internal one. Whatever happens, what the stages opened is released.
 */
export async function loadFile(s: ImportState): Promise<ImportResult> {
  const key = s.input.pseudonymKey ?? (await loadPseudonymKey());
  try {
    const header = await readHeader(s);
    if (isStop(header)) return await settle(s, header);
    const plan = guardHeaders(s, header);
    if (isStop(plan)) return await settle(s, plan);
    const staged = await streamAndStage(s, header, plan, key);
    const stopped = await verdict(s, staged, plan);
    if (stopped) return await settle(s, stopped);
    const kept = await merge(s, staged);
    if (kept) return await settle(s, kept);
    return await commit(s, staged, header);
  } catch (err) {
    return await failed(s, err);
  } finally {
    await release(s);
  }
}

/**
 * Stage 7, settle: an import that ends without loading keeps nothing of the load (rolled back); its batch is
 * settled as failed or refused with its report and the rejected rows worth keeping (none for a refused file, not
 * even its coded cells). Its stored file is then deleted by its owner (`releaseSettledFiles`).
 */
export async function settle(s: ImportState, why: Stop): Promise<ImportResult> {
  await rollback(s);
  s.draft.issues.unshift(...(why.issues as ImportIssue[]));
  const report = buildReport(why.stop, s);
  const rejectedRows = why.stop === 'refused' ? null : keptRejected(s);
  if (s.batchId && !s.input.dryRun) {
    await importBatches.settle(s.db, s.batchId, why.stop === 'refused' ? 'refused' : 'failed', {
      report,
      format: s.draft.source?.format ?? null,
      rejectedRows: rejectedRows && { rows: rejectedRows, days: rejectedRowsDays(s) },
    });
  }
  return { outcome: why.stop, batchId: s.batchId, report, rejectedRows };
}

/** A reader's refusal is a failed import saying why; anything else is logged and said to be an internal error. */
async function failed(s: ImportState, err: unknown): Promise<ImportResult> {
  if (isEtlError(err)) {
    try {
      return await settle(s, stop('failed', [fileIssue(err)]));
    } catch (settling) {
      err = settling;
    }
  }
  await rollback(s).catch(() => (s.open.broken = true));
  s.open.inTransaction = false;
  s.input.logError?.(err);
  try {
    return await settle(s, stop('failed', [issue('internal_error', 'error', msg.internalError())]));
  } catch {
    return { outcome: 'failed', batchId: s.batchId, report: buildReport('failed', s), rejectedRows: null };
  }
}

/** Closes the key worker and the file (or the XLSX worker), and gives up the batch's load lock. */
async function release(s: ImportState): Promise<void> {
  await s.open.hasher?.close().catch(() => {});
  await s.open.source?.close().catch(() => {});
  if (s.open.loadLocked && s.batchId) {
    await importBatches.unlockLoad(s.db, s.batchId).then(
      () => (s.open.loadLocked = false),
      () => (s.open.broken = true),
    );
  }
}
