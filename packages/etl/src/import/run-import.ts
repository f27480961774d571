import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { mappingProfileSchema, type ImportReport, type MappingProfile } from '@observatoire/schema';
import * as importBatches from '@observatoire/db/import-batch';
import { withConnection } from '@observatoire/db/pool';
import { EtlError } from '../errors.js';
import { findForImport } from '../load/association.js';
import { recoverInterruptedBatches } from '../load/interrupted.js';
import { msg } from '../messages.js';
import { loadFile, settle } from './load-file.js';
import {
  buildReport,
  emptyDraft,
  issue,
  stop,
  type ImportResult,
  type ImportState,
  type RunImportInput,
} from './state.js';

export class AssociationNotFoundError extends EtlError {
  constructor(readonly association: string) {
    super('association_not_found', msg.associationNotFound(association));
  }
}

export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * The whole pipeline for one file: read, detect the header, map, guard privacy, normalise, pseudonymise, COPY into
 * a staging table and merge, in one transaction (`loadFile`). Never throws for a bad file: the outcome and the
 * report say what happened. Throws only for an unknown association (`AssociationNotFoundError`) or an invalid profile.
 */
export async function runImport(input: RunImportInput): Promise<ImportResult> {
  const started = Date.now();
  // One connection for the whole import: its transaction, its session locks and its staging tables are this session's.
  return withConnection(input.db, async (db, discard) => {
    await recoverInterruptedBatches(db);
    const association = await findForImport(db, input.association);
    if (!association) throw new AssociationNotFoundError(input.association);
    const profile = checkedProfile(input.profile ?? association.mappingProfile ?? null);
    const existing = input.batchId ? await importBatches.get(db, input.batchId) : null;
    if (input.batchId && !existing) throw new Error(`import batch ${input.batchId} not found`);
    // A redelivered job finds its batch settled: its file is gone, nothing changes.
    if (existing && SETTLED.has(existing.status)) return settledResult(existing);
    const contentHash = await hashStoredFile(input.file, existing !== null);
    const s: ImportState = {
      input,
      db,
      started,
      association: { id: association.id, slug: association.slug },
      profile,
      lastHeaders: association.lastHeaders,
      fileName: input.fileName ?? basename(input.file),
      contentHash: contentHash ?? existing!.contentHash,
      batchId: input.batchId ?? null,
      draft: emptyDraft(),
      open: { loadLocked: false, inTransaction: false, broken: false },
    };
    try {
      if (contentHash === null)
        return await settle(s, stop('failed', [issue('file_missing', 'error', msg.fileMissing())]));
      return (await claimBatch(s)) ?? (await loadFile(s));
    } finally {
      // A transaction that could not be rolled back, or a load lock still held: the session goes, not back.
      if (s.open.broken) discard();
    }
  });
}

const SETTLED = new Set(['committed', 'refused', 'failed', 'superseded']);

function settledResult(b: importBatches.BatchRow): ImportResult {
  const report = b.report as ImportReport | null;
  return { outcome: report?.outcome ?? 'failed', batchId: b.id, report: report as ImportReport, rejectedRows: null };
}

function checkedProfile(raw: unknown): MappingProfile | null {
  if (!raw) return null;
  const parsed = mappingProfileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new EtlError(
    'invalid_mapping_profile',
    msg.invalidProfile(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
  );
}

/** The file's hash; null for a queued batch whose stored file is gone (deleted by hand, a lost volume). */
async function hashStoredFile(file: string, queued: boolean): Promise<string | null> {
  try {
    return await hashFile(file);
  } catch (err) {
    if (!queued || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return null;
  }
}

/**
 * A new batch for the upload, unless the queue gave one (a dry run writes none). The same file already live for the
 * association is a duplicate: nothing is loaded (and the queue's batch says so). Null when the load may go on.
 */
async function claimBatch(s: ImportState): Promise<ImportResult | null> {
  const { db, input } = s;
  if (input.dryRun) return null;
  const same = await importBatches.findLiveSameFile(db, s.association.id, s.contentHash, input.batchId);
  if (same) {
    const report = buildReport('duplicate', s, msg.duplicateOf(same.createdAt, same.id));
    if (input.batchId) await importBatches.settle(db, input.batchId, 'failed', { report });
    return { outcome: 'duplicate', batchId: same.id, report, rejectedRows: null };
  }
  if (input.batchId) return null;
  s.batchId = await importBatches.create(db, {
    associationId: s.association.id,
    contentHash: s.contentHash,
    originalName: s.fileName,
    createdByUserId: input.createdByUserId ?? null,
  });
  // Null: lost a race with a concurrent upload of the same file.
  return s.batchId
    ? null
    : { outcome: 'duplicate', batchId: null, report: buildReport('duplicate', s), rejectedRows: null };
}
