import type pg from 'pg';
import type PgBoss from 'pg-boss';
import * as importBatches from '@observatoire/db/import-batch';
import { withConnection } from '@observatoire/db/pool';
import { runImport } from '../import/run-import.js';
import type { ImportResult } from '../import/state.js';
import { deleteStoredFile, sweepRetention, type SweepResult } from '../privacy/retention.js';
import { retentionSettings } from '../privacy/retention-settings.js';

/** The pg-boss queue of imports: one job per received batch. */
export const IMPORT_QUEUE = 'observatoire-import';

export interface ImportQueueOptions {
  /** Called after each job with the import's outcome (logs, metrics). */
  onResult?: (batchId: string, result: ImportResult) => void;
  logError?: (err: unknown) => void;
  /** Job expiry: an import taking longer is retried (the redelivery finds the batch and changes nothing). */
  expireInSeconds?: number;
  pseudonymKey?: Buffer;
  /** Unconfirmed previews older than this lose their stored file (default: `retentionSettings()`). */
  previewMaxAgeHours?: number;
  /** Days an import's rejected rows are kept (default: `retentionSettings()`). */
  rejectedRowsDays?: number;
  /** The upload folder, swept for files no batch refers to (default: `retentionSettings()`). */
  uploadDir?: string;
}

/** What the uploader chose for this import. */
export interface ImportJobOptions {
  /** Load the valid rows even when some are rejected (the association confirmed a preview that listed them). */
  skipInvalidRows?: boolean;
  /** Years whose stored cases the association agreed this upload may remove (see `RunImportInput.replaceYears`). */
  replaceYears?: number[];
}

export interface ImportQueue {
  /** Queues the import of a received batch (its file is at `import_batch.stored_file`). Returns the job id. */
  enqueue(batchId: string, options?: ImportJobOptions): Promise<string | null>;
  /** Starts `concurrency` workers in this process. */
  work(concurrency?: number): Promise<void>;
  /** Stops fetching, waits for running imports to finish (graceful), and closes the connections. */
  stop(timeoutMs?: number): Promise<void>;
  /** Expires unconfirmed previews now (done at start and hourly by `sweep`); returns how many. */
  expirePreviews(): Promise<number>;
  /**
   * Applies the retention rules now (`sweepRetention`): done when the queue opens (API and worker alike), every
   * hour while it works, and after each import.
   */
  sweep(): Promise<SweepResult>;
  readonly boss: PgBoss;
}

/**
 * Creates (and starts) the import queue on the application database (pg-boss keeps its tables in the `pgboss`
 * schema), over the process's pool: pg-boss opens none of its own, and the caller, who owns the pool, ends it after
 * `stop`. The worker's load and the job's completion are committed in one transaction, so a job delivered twice (a
 * worker killed after COMMIT, an expiry) finds its batch settled and changes nothing.
 */
export async function createImportQueue(db: pg.Pool, options: ImportQueueOptions = {}): Promise<ImportQueue> {
  // Loaded here, not with the package: a CLI import or a benchmark never needs the queue (pg-boss and its modules).
  const { default: Boss } = await import('pg-boss');
  const boss = new Boss({ db: { executeSql: (text: string, values?: unknown[]) => db.query(text, values) } });
  boss.on('error', (err) => options.logError?.(err));
  await boss.start();
  const settings = retentionSettings();
  const retention = {
    previewMaxAgeHours: options.previewMaxAgeHours ?? settings.previewMaxAgeHours,
    rejectedRowsDays: options.rejectedRowsDays ?? settings.rejectedRowsDays,
    uploadDir: options.uploadDir ?? settings.uploadDir,
  };
  // One session: recovering an interrupted load takes its lock and runs a transaction.
  const sweep = () => withConnection(db, (c) => sweepRetention(c, retention));
  // Before new work starts: batches a crashed worker left in `loading` are settled, and files left behind by a
  // crash (or by an older version that kept them) are deleted.
  await sweep();
  await boss.createQueue(IMPORT_QUEUE, {
    name: IMPORT_QUEUE,
    retryLimit: 2,
    retryDelay: 30,
    expireInSeconds: options.expireInSeconds ?? 3600,
  });

  async function handle(jobId: string, batchId: string, job: ImportJobOptions = {}): Promise<ImportResult | null> {
    const batch = await importBatches.get(db, batchId);
    if (!batch) return null;
    const result = await runImport({
      db,
      file: batch.storedFile ?? '',
      fileName: batch.originalName ?? undefined,
      association: batch.associationId,
      batchId,
      skipInvalidRows: Boolean(job.skipInvalidRows),
      replaceYears: Array.isArray(job.replaceYears) ? job.replaceYears.filter(Number.isInteger) : [],
      rejectedRowsDays: retention.rejectedRowsDays,
      ...(batch.createdByUserId && { createdByUserId: batch.createdByUserId }),
      ...(options.pseudonymKey && { pseudonymKey: options.pseudonymKey }),
      logError: options.logError,
      beforeCommit: async (db) => {
        await boss.complete(
          IMPORT_QUEUE,
          jobId,
          { outcome: 'committed', batchId, completedWithLoad: true },
          {
            db: { executeSql: (text: string, values: unknown[]) => db.query(text, values) },
          },
        );
      },
    });
    // The import has ended (committed, refused or failed): its raw file goes now. A batch that did not settle (the
    // database went away mid-way) keeps it for the job's retry; the hourly sweep deletes it once settled.
    const settled = await importBatches.releaseSettledFiles(db);
    for (const f of settled) await deleteStoredFile(f);
    options.onResult?.(batchId, result);
    return result;
  }

  let expiryTimer: NodeJS.Timeout | undefined;

  return {
    boss,
    expirePreviews: async () => (await sweep()).expired,
    sweep,
    async enqueue(batchId, jobOptions = {}) {
      return boss.send(IMPORT_QUEUE, { batchId, ...jobOptions }, { singletonKey: batchId });
    },
    async work(concurrency = 1) {
      const sweepLogged = () => sweep().catch((err) => options.logError?.(err));
      expiryTimer ??= setInterval(sweepLogged, 3_600_000);
      expiryTimer.unref();
      for (let i = 0; i < Math.max(1, concurrency); i++) {
        await boss.work<{ batchId: string } & ImportJobOptions>(
          IMPORT_QUEUE,
          { batchSize: 1, pollingIntervalSeconds: 1 },
          async (jobs) => {
            for (const job of jobs) {
              const result = await handle(job.id, job.data.batchId, job.data);
              return { outcome: result?.outcome ?? 'missing' };
            }
          },
        );
      }
    },
    async stop(timeoutMs = 30_000) {
      if (expiryTimer) clearInterval(expiryTimer);
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}
