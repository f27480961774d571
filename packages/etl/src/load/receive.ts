import * as importBatches from '@observatoire/db/import-batch';
import type { Queryable } from '@observatoire/db/import-batch';

export interface ReceiveImportInput {
  associationId: string;
  contentHash: string;
  /** Where the uploaded file is kept until the worker has read it. */
  storedFile: string;
  originalName?: string;
  createdByUserId?: string | null;
}

/**
 * Records an upload as a `received` batch before it is queued (API path). When the same file is already live for
 * the association, returns that batch as `duplicateOf` and records nothing: the caller deletes its copy.
 */
export async function receiveImport(
  db: Queryable,
  input: ReceiveImportInput,
): Promise<{ batchId: string; duplicateOf: null } | { batchId: null; duplicateOf: string }> {
  const id = await importBatches.create(db, {
    associationId: input.associationId,
    contentHash: input.contentHash,
    storedFile: input.storedFile,
    originalName: input.originalName ?? null,
    createdByUserId: input.createdByUserId ?? null,
  });
  if (id) return { batchId: id, duplicateOf: null };
  const same = await importBatches.findLiveSameFile(db, input.associationId, input.contentHash);
  return { batchId: null, duplicateOf: same?.id ?? 'unknown' };
}
