import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportQueue, hashFile, receiveImport, runImport, type ImportQueue } from '../../src/index.js';
import { copyFixture, TEST_KEY, useHarness } from './helpers.js';

async function waitFor<T>(fn: () => Promise<T | null | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('import queue (pg-boss)', () => {
  const h = useHarness();
  let queue: ImportQueue;
  let associationId: string;
  beforeAll(async () => {
    associationId = await h.association('queued');
    queue = await createImportQueue(h.pool, { pseudonymKey: TEST_KEY });
    await queue.work(2);
  });
  // Registered after the harness: runs before it closes the database.
  afterAll(() => queue.stop(5_000));

  const status = async (id: string) =>
    (await h.client.query<{ status: string }>(`SELECT status FROM import_batch WHERE id = $1`, [id])).rows[0]?.status;

  it('runs a received batch; the load and the job completion commit together; a redelivery changes nothing', async () => {
    const stored = await copyFixture('safe-harbour-nice-export.csv', h.tmp);
    const contentHash = await hashFile(stored);
    const received = await receiveImport(h.pool, {
      associationId,
      contentHash,
      storedFile: stored,
      originalName: 'safe-harbour-nice-export.csv',
    });
    expect(received.batchId).toBeTruthy();
    const jobId = await queue.enqueue(received.batchId!);
    expect(jobId).toBeTruthy();
    await waitFor(async () => ((await status(received.batchId!)) === 'committed' ? true : null));
    const job = await waitFor(async () => {
      const j = await queue.boss.getJobById<{ batchId: string }>('observatoire-import', jobId!);
      return j?.state === 'completed' ? j : null;
    });
    // Completed by the load transaction itself (the handler's own completion afterwards finds nothing active).
    expect(job.output).toMatchObject({ outcome: 'committed', completedWithLoad: true });
    const { rows } = await h.client.query(`SELECT count(*)::int AS n FROM case_record WHERE batch_id = $1`, [
      received.batchId,
    ]);
    expect(rows[0].n).toBe(124);
    // The import has ended: its stored file is gone.
    await waitFor(async () => (!existsSync(stored) ? true : null));

    // The same job delivered again (crash after COMMIT, expiry): the batch is settled, nothing changes.
    const before = await h.snapshot();
    const again = await runImport({
      db: h.pool,
      file: stored,
      association: associationId,
      batchId: received.batchId!,
      pseudonymKey: TEST_KEY,
    });
    expect(again.outcome).toBe('committed');
    expect(await h.snapshot()).toBe(before);

    // Uploading the same file again is recognised before anything is queued.
    const dup = await receiveImport(h.pool, {
      associationId,
      contentHash,
      storedFile: stored,
    });
    expect(dup).toEqual({ batchId: null, duplicateOf: received.batchId });
  });

  it('a refused file: the worker marks the batch refused and deletes the stored file', async () => {
    const stored = await h.writeFile('pii.csv', 'Nom;Année;Sexe\nDupont;2023;F\n');
    const received = await receiveImport(h.pool, {
      associationId,
      contentHash: await hashFile(stored),
      storedFile: stored,
    });
    await queue.enqueue(received.batchId!);
    await waitFor(async () => ((await status(received.batchId!)) === 'refused' ? true : null));
    await waitFor(async () => (!existsSync(stored) ? true : null));
  });
});
