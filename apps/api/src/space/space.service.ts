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
import { recordPreview } from '../imports/preview.js';
import { rejectedRowsCsv, type CsvLang } from './rejected-rows.js';

interface BatchRow {
  id: string;
  association_id: string;
  status: string;
  dry_run: boolean;
  stored_file: string | null;
  content_hash: string;
  original_name: string | null;
  report: ImportReport | null;
  rejected_rows: RejectedRows | null;
}

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
  private async batchOf(id: string, p: Principal): Promise<BatchRow> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      throw new ApiProblem(404, 'not_found');
    }
    const scope = p.role === 'admin' ? null : (p.associationId ?? '00000000-0000-0000-0000-000000000000');
    const rows: BatchRow[] = await this.ds.query(
      `SELECT id, association_id, status, dry_run, stored_file, content_hash, original_name, report, rejected_rows
         FROM import_batch
        WHERE id = $1 AND ($2::uuid IS NULL OR association_id = $2::uuid)`,
      [id, scope],
    );
    if (!rows[0]) throw new ApiProblem(404, 'not_found');
    return rows[0];
  }

  async rejectedCsv(id: string, p: Principal, lang: CsvLang): Promise<{ stream: Readable; fileName: string }> {
    const batch = await this.batchOf(id, p);
    if (!batch.report) throw new ApiProblem(404, 'not_found');
    await recordAudit(this.ds.manager, actorOf(p), 'import.rejected_download', {
      type: 'import_batch',
      id,
      associationId: batch.association_id,
    });
    const prefix = lang === 'fr' ? 'lignes-rejetees' : 'rejected-rows';
    return {
      stream: rejectedRowsCsv(batch.report, batch.rejected_rows, lang),
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
    const waiting = batch.dry_run && batch.status === 'validated';
    if (!waiting || !batch.stored_file) throw new ApiProblem(409, 'conflict');

    const newId = randomUUID();
    const file = path.join(this.config.uploadDir, `${newId}${path.extname(batch.stored_file)}`);
    try {
      await copyFile(batch.stored_file, file);
    } catch {
      // The stored file is gone (expired or deleted): nothing to read again.
      throw new ApiProblem(409, 'conflict');
    }
    const originalName = batch.original_name ?? path.basename(batch.stored_file);
    let result;
    try {
      result = await runImport({
        db: this.pool,
        file,
        fileName: originalName,
        association: batch.association_id,
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
        associationId: batch.association_id,
        contentHash: batch.content_hash,
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
        associationId: batch.association_id,
        details: { from: batch.id },
      });
    });
    await deleteStoredFile(batch.stored_file);
    return { id: newId };
  }
}
