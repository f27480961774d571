import { randomUUID } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { queryableOf, recordAudit } from '@observatoire/db';
import * as importBatches from '@observatoire/db/import-batch';
import { deleteStoredFile, runImport } from '@observatoire/etl';
import type { ImportReport, RejectedRows } from '@observatoire/schema';
import { API_CONFIG, type ApiConfig } from '../config/config.js';
import { PG_POOL } from '../database/database.module.js';
import { actorOf, type Principal } from '../auth/auth.decorators.js';
import { ApiProblem } from '../common/problem.js';
import { batchScope } from '../imports/batch-scope.js';
import { recordPreview } from '../imports/preview.js';
import { rejectedRowsCsv, type CsvLang } from './rejected-rows.js';

/**
 * What the association space needs beyond the imports module: the rejected rows as a file to fix, and running a
 * waiting file again after the association saved value mappings into its profile.
 */
@Injectable()
export class SpaceService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    /** The same connections as `ds`, for the ETL (it speaks `pg`). */
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** One batch of the caller's association (any for an admin); another association's is 404, like unknown ids. */
  private async batchOf(id: string, p: Principal): Promise<importBatches.BatchRow> {
    const batch = await importBatches.get(this.pool, id, batchScope(id, p));
    if (!batch) throw new ApiProblem(404, 'not_found');
    return batch;
  }

  async rejectedCsv(id: string, p: Principal, lang: CsvLang): Promise<{ stream: Readable; fileName: string }> {
    const batch = await this.batchOf(id, p);
    if (!batch.report) throw new ApiProblem(404, 'not_found');
    await recordAudit(this.ds.manager, actorOf(p), 'import.rejected_download', {
      type: 'import_batch',
      id,
      associationId: batch.associationId,
    });
    const rejected = (await importBatches.rejectedRows(this.pool, id)) as RejectedRows | null;
    const prefix = lang === 'fr' ? 'lignes-rejetees' : 'rejected-rows';
    return {
      stream: rejectedRowsCsv(batch.report as ImportReport, rejected, lang),
      fileName: `${prefix}-${id.slice(0, 8)}.csv`,
    };
  }

  /**
   * Reads a waiting preview's file again as a new preview, with the association's current mapping profile. Nothing
   * is loaded: the user sees the new report and confirms it. The older preview gives its file to the new one, so
   * only the latest preview can be confirmed. Only a preview has a file to read: an import that ended (committed,
   * refused or failed) kept none, and a preview keeps its file at most PREVIEW_MAX_AGE_HOURS.
   */
  async rerun(id: string, p: Principal): Promise<{ id: string }> {
    if (!p.associationId) throw new ApiProblem(403, 'member_needs_association');
    const batch = await this.batchOf(id, { ...p, role: 'member' });
    const waiting = batch.dryRun && batch.status === 'validated';
    if (!waiting || !batch.storedFile) throw new ApiProblem(409, 'conflict');

    const newId = randomUUID();
    const file = path.join(this.config.uploadDir, `${newId}${path.extname(batch.storedFile)}`);
    try {
      await copyFile(batch.storedFile, file);
    } catch {
      // The stored file is gone (expired or deleted): nothing to read again.
      throw new ApiProblem(409, 'conflict');
    }
    const originalName = batch.originalName ?? path.basename(batch.storedFile);
    let result;
    try {
      result = await runImport({
        db: this.pool,
        file,
        fileName: originalName,
        association: batch.associationId,
        dryRun: true,
        // As a first preview: what confirming would load, the rejected rows listed.
        skipInvalidRows: true,
        rejectedRowsDays: this.config.rejectedRowsDays,
      });
    } catch (err) {
      await deleteStoredFile(file);
      throw err;
    }
    const keep = result.report.outcome === 'dry_run';
    if (!keep) await deleteStoredFile(file);
    await this.ds.transaction(async (m) => {
      await recordPreview(queryableOf(m), {
        id: newId,
        associationId: batch.associationId,
        contentHash: batch.contentHash,
        originalName,
        storedFile: keep ? file : null,
        createdByUserId: p.userId,
        result,
        rejectedRowsDays: this.config.rejectedRowsDays,
      });
      await importBatches.releaseFile(queryableOf(m), batch.id);
      await recordAudit(m, actorOf(p), 'import.rerun', {
        type: 'import_batch',
        id: newId,
        associationId: batch.associationId,
        details: { from: batch.id },
      });
    });
    await deleteStoredFile(batch.storedFile);
    return { id: newId };
  }
}
