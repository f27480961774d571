import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import * as importBatches from '@observatoire/db/import-batch';
import { recoverInterruptedBatches } from '../load/interrupted.js';

/**
 * Names the API gives stored uploads (`<uuid>.<ext>`, while written `<uuid>.<ext>.partial`, and a preview's mapping
 * profile `<uuid>.<ext>.profile.json`): the sweep never touches anything else, whatever UPLOAD_DIR points to.
 */
const STORED_NAME =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,8}(\.partial|\.profile\.json)?$/;

/**
 * A file no batch refers to is left alone this long: the API writes an upload before it records its batch (and a
 * preview is read before its batch is recorded), so a younger one may still be on its way to its batch.
 */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/** Deletes a stored upload and what travels with it (a preview's mapping profile). */
export async function deleteStoredFile(file: string): Promise<void> {
  await rm(file, { force: true });
  await rm(`${file}.profile.json`, { force: true });
}

export interface SweepResult {
  /** Batches a crashed process left loading, now failed. */
  recovered: number;
  /** Unconfirmed previews past their time, now expired. */
  expired: number;
  /** Stored files deleted: of settled batches, of expired previews, and files no batch refers to. */
  deleted: number;
  /** Batches whose rejected rows were past their date and are gone. */
  rejectedRowsPurged: number;
}

export interface SweepOptions {
  previewMaxAgeHours: number;
  /** The upload folder, to delete files no batch refers to (older than `ORPHAN_GRACE_MS`). */
  uploadDir?: string;
  /** For tests: the time the orphan grace counts from. */
  now?: number;
}

/**
 * Applies the retention rules to what is stored (run by every import queue at start and hourly, and after each
 * import): interrupted loads end as failed, unconfirmed previews expire, every settled batch's raw file is deleted,
 * files left without a batch (a crash between a commit and the deletion, or before a batch was recorded) are
 * deleted, and rejected rows past their date are dropped.
 */
export async function sweepRetention(db: pg.ClientBase, opts: SweepOptions): Promise<SweepResult> {
  const recovered = (await recoverInterruptedBatches(db)).length;
  const expiredFiles = await importBatches.expirePreviews(db, opts.previewMaxAgeHours);
  const settled = await importBatches.releaseSettledFiles(db);
  for (const f of [...expiredFiles, ...settled]) await deleteStoredFile(f);
  let orphans = 0;
  if (opts.uploadDir) orphans = await deleteOrphans(db, opts.uploadDir, opts.now ?? Date.now());
  const rejectedRowsPurged = await importBatches.purgeExpiredRejectedRows(db);
  return {
    recovered,
    expired: expiredFiles.length,
    deleted: expiredFiles.length + settled.length + orphans,
    rejectedRowsPurged,
  };
}

async function deleteOrphans(db: pg.ClientBase, uploadDir: string, now: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir(uploadDir);
  } catch {
    return 0; // no upload folder yet: nothing was ever stored
  }
  const referenced = new Set([...(await importBatches.referencedFiles(db))].map((f) => path.resolve(f)));
  const dir = path.resolve(uploadDir);
  let deleted = 0;
  for (const name of names) {
    const m = STORED_NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    const owner = m[1] ? file.slice(0, -m[1].length) : file;
    if (referenced.has(owner)) continue;
    const st = await stat(file).catch(() => null);
    if (!st?.isFile() || now - st.mtimeMs < ORPHAN_GRACE_MS) continue;
    await rm(file, { force: true });
    deleted++;
  }
  return deleted;
}
