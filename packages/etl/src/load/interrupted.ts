import type pg from 'pg';
import * as importBatches from '@observatoire/db/import-batch';
import type { ImportReport } from '@observatoire/schema';
import { zeroCounts } from '../import/state.js';
import { msg } from '../messages.js';

/**
 * The report of a load that a crashed process left unfinished: a complete, schema-valid `failed` report (the
 * association space and the admin list read every stored report with the report schema), saying what happened
 * and what to do.
 */
function interruptedReport(b: importBatches.InterruptedBatch): ImportReport {
  return {
    outcome: 'failed',
    batchId: b.id,
    association: b.slug,
    fileName: b.originalName ?? '',
    format: b.format,
    contentHash: b.contentHash,
    dryRun: false,
    headerRow: null,
    columns: [],
    headerChanges: null,
    referenceYears: [],
    counts: zeroCounts(),
    declaredTotal: null,
    summary: msg.interruptedSummary(),
    errors: [{ code: 'import_interrupted', severity: 'error', message: msg.importInterrupted() }],
    warnings: [],
    errorsTruncated: 0,
    durationMs: 0,
  };
}

/**
 * Finds batches a crashed process left in `loading` (or `validated`), and marks them failed with a report that says
 * so. A batch is being loaded exactly while its loader holds the batch's load lock, so a lock we can take means
 * nobody is loading it; its transaction was rolled back by PostgreSQL, and any record carrying its id is removed.
 * Their stored files are then settled ones: `releaseSettledFiles` deletes them. Returns the ids cleaned up.
 */
export async function recoverInterruptedBatches(db: pg.ClientBase): Promise<string[]> {
  const cleaned: string[] = [];
  for (const id of await importBatches.unfinishedLoads(db)) {
    if (!(await importBatches.tryLockLoad(db, id))) continue;
    try {
      await db.query('BEGIN');
      const found = await importBatches.lockUnfinished(db, id);
      if (found) {
        await importBatches.failInterrupted(db, id, interruptedReport(found));
        // Belt and braces (a load commits its entries with its batch's final status, in one transaction).
        await db.query(`DELETE FROM case_entry WHERE association_id = $1 AND batch_id = $2`, [found.associationId, id]);
        cleaned.push(id);
      }
      await db.query('COMMIT');
    } catch (err) {
      await db.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      await importBatches.unlockLoad(db, id);
    }
  }
  return cleaned;
}
