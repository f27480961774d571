import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { findAssociation, recordAudit } from '@observatoire/db';
import * as importBatches from '@observatoire/db/import-batch';
import {
  deleteStoredFile,
  receiveImport,
  removalsToConfirm,
  replaceNotConfirmedText,
  runImport,
  storedCasesByYear,
  yearChangeText,
  type ImportJobOptions,
} from '@observatoire/etl';
import { mappingProfileSchema, type ImportConfirm } from '@observatoire/schema';
import { csvStream } from '@observatoire/formats';
import { API_CONFIG, type ApiConfig } from '../config/config.js';
import { PG_POOL } from '../database/database.module.js';
import { actorOf, type Principal } from '../auth/auth.decorators.js';
import { messages } from '../common/messages.js';
import { ApiProblem } from '../common/problem.js';
import { batchScope } from './batch-scope.js';
import { zodIssues } from '../common/zod.js';
import { ImportQueueService } from './import-queue.service.js';
import type { ImportView, RetentionPolicyView } from './imports.dto.js';
import { policyText } from './retention.js';
import { mapImport } from './imports.mapper.js';
import { displayName, parseYearList, recordPreview } from './preview.js';
import {
  dialectOfRecords,
  RECORD_COLUMNS,
  recordRow,
  recordsFileName,
  recordsHeader,
  type RecordsFormat,
} from './records-export.js';

/** Extensions the ETL reads (or recognises to refuse with a clear message); anything else is stored as .bin. */
const KNOWN_EXTENSIONS = new Set(['csv', 'tsv', 'tab', 'txt', 'xlsx', 'json', 'ndjson', 'jsonl', 'xls', 'ods']);

interface ReceivedUpload {
  id: string;
  file: string;
  /** The user's name for the file (reports and errors name it; the file itself is stored under `id`). */
  originalName: string;
  contentHash: string;
  dryRun: boolean;
  profile: unknown;
  /** Years whose stored cases a direct (not previewed) upload may remove. */
  replaceYears: number[];
}

@Injectable()
export class ImportsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    /** The same connections as `ds`, for the ETL and the batches' repository (they speak `pg`). */
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly queue: ImportQueueService,
  ) {}

  private requireAssociation(p: Principal): string {
    if (!p.associationId) throw new ApiProblem(403, 'member_needs_association');
    return p.associationId;
  }

  /**
   * Streams the multipart file to disk under an internal id (never the client's name), hashing it on the way.
   * Beyond the size limit the partial file is deleted and nothing is recorded or queued.
   */
  private async receive(req: FastifyRequest): Promise<ReceivedUpload> {
    if (!req.isMultipart()) throw new ApiProblem(415, 'unsupported_media_type');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.config.uploadMaxBytes + 1024 * 1024) throw new ApiProblem(413, 'payload_too_large');
    await mkdir(this.config.uploadDir, { recursive: true });
    const id = randomUUID();
    let file: string | null = null;
    let partial: string | null = null;
    let contentHash = '';
    let originalName = '';
    let dryRun = false;
    let profileRaw: string | undefined;
    let replaceYears: number[] = [];
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (file || partial) {
            part.file.resume();
            continue;
          }
          const ext = path
            .extname(part.filename ?? '')
            .slice(1)
            .toLowerCase();
          const target = path.join(this.config.uploadDir, `${id}.${KNOWN_EXTENSIONS.has(ext) ? ext : 'bin'}`);
          partial = `${target}.partial`;
          const hash = createHash('sha256');
          const hasher = new Transform({
            transform(chunk: Buffer, _enc, cb) {
              hash.update(chunk);
              cb(null, chunk);
            },
          });
          await pipeline(part.file, hasher, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
          if (part.file.truncated) throw new ApiProblem(413, 'payload_too_large');
          await rename(partial, target);
          partial = null;
          file = target;
          originalName = displayName(part.filename) || path.basename(target);
          contentHash = hash.digest('hex');
        } else if (part.fieldname === 'dryRun') {
          dryRun = ['true', '1', 'on', 'yes'].includes(String(part.value).toLowerCase());
        } else if (part.fieldname === 'profile') {
          profileRaw = String(part.value);
        } else if (part.fieldname === 'replaceYears') {
          replaceYears = parseYearList(String(part.value));
        }
      }
      if (!file) throw new ApiProblem(400, 'upload_missing_file');
      const profile = profileRaw ? this.parseProfile(profileRaw) : undefined;
      if (req.query && (req.query as Record<string, string>).dryRun === 'true') dryRun = true;
      return { id, file, originalName, contentHash, dryRun, profile, replaceYears };
    } catch (err) {
      if (partial) await rm(partial, { force: true });
      if (file) await rm(file, { force: true });
      if (err && typeof err === 'object' && 'statusCode' in err && err.statusCode === 413) {
        throw new ApiProblem(413, 'payload_too_large');
      }
      throw err;
    }
  }

  private parseProfile(raw: string): unknown {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ApiProblem(400, 'validation_failed', [
        {
          path: 'profile',
          message: { fr: 'profile : JSON invalide', en: 'profile: invalid JSON' },
        },
      ]);
    }
    const parsed = mappingProfileSchema.safeParse(json);
    if (!parsed.success) {
      throw new ApiProblem(
        400,
        'validation_failed',
        zodIssues(parsed.error).map((i) => ({ ...i, path: `profile.${i.path}` })),
      );
    }
    return parsed.data;
  }

  /** POST /imports: a dry run answers with its report at once; a real upload is recorded and queued (202). */
  async upload(req: FastifyRequest, p: Principal): Promise<{ status: number; body: ImportView }> {
    const associationId = this.requireAssociation(p);
    const up = await this.receive(req);
    if (up.dryRun) return { status: 200, body: await this.dryRun(up, associationId, p) };
    if (up.profile !== undefined) await this.saveProfile(associationId, up.profile, p);
    // Without a preview the removal of stored cases cannot be checked before the worker reads the file: a load
    // that would remove cases of a year not named here fails there, naming the years and counts.
    return this.enqueueFile(up.file, up.contentHash, up.originalName, associationId, p, {
      replaceYears: up.replaceYears,
    });
  }

  private async enqueueFile(
    file: string,
    contentHash: string,
    originalName: string,
    associationId: string,
    p: Principal,
    options: ImportJobOptions = {},
  ) {
    const received = await receiveImport(this.pool, {
      associationId,
      contentHash,
      storedFile: file,
      originalName,
      createdByUserId: p.userId,
    });
    if (received.batchId === null) {
      await deleteStoredFile(file);
      const existing = await this.findOne(received.duplicateOf, p);
      return { status: 200, body: { ...existing, duplicate: true } };
    }
    await this.queue.enqueue(received.batchId, options);
    await recordAudit(this.ds.manager, actorOf(p), 'import.upload', {
      type: 'import_batch',
      id: received.batchId,
      associationId,
    });
    return { status: 202, body: await this.findOne(received.batchId, p) };
  }

  /**
   * The ETL's dry run (nothing loaded). The preview is kept as a `dry_run` batch holding the report, and the file
   * is kept (at most PREVIEW_MAX_AGE_HOURS) so that the preview can be confirmed, or read again with another
   * mapping, without uploading again; a file whose dry run ended otherwise (refused, failed) is deleted at once.
   */
  private async dryRun(up: ReceivedUpload, associationId: string, p: Principal): Promise<ImportView> {
    let result;
    try {
      result = await runImport({
        db: this.pool,
        file: up.file,
        fileName: up.originalName,
        association: associationId,
        dryRun: true,
        // The preview shows what confirming would load: the valid rows, with the rejected ones listed.
        skipInvalidRows: true,
        rejectedRowsDays: this.config.rejectedRowsDays,
        ...(up.profile !== undefined && { profile: up.profile }),
      });
    } catch (err) {
      await deleteStoredFile(up.file);
      throw err;
    }
    const keep = result.report.outcome === 'dry_run';
    if (!keep) await deleteStoredFile(up.file);
    if (keep && up.profile !== undefined) await writeFile(`${up.file}.profile.json`, JSON.stringify(up.profile));
    await recordPreview(this.pool, {
      id: up.id,
      associationId,
      contentHash: up.contentHash,
      originalName: up.originalName,
      storedFile: keep ? up.file : null,
      createdByUserId: p.userId,
      result,
      rejectedRowsDays: this.config.rejectedRowsDays,
    });
    await recordAudit(this.ds.manager, actorOf(p), 'import.dry_run', {
      type: 'import_batch',
      id: up.id,
      associationId,
    });
    return this.findOne(up.id, p);
  }

  /**
   * Confirms a previewed upload: the kept file is recorded as a real batch and queued. A preview that would remove
   * stored cases of a year is refused (409) unless the confirmation names that year, and so is one whose "before"
   * numbers no longer hold (another upload was saved since): the association decides on the numbers it saw.
   */
  async confirm(id: string, body: ImportConfirm, p: Principal): Promise<{ status: number; body: ImportView }> {
    const associationId = this.requireAssociation(p);
    const view = await this.findOne(id, p); // 404 for another association's or an unknown import
    this.requireDecisions(view);
    const replaceYears = body.replaceYears ?? [];
    if (view.dryRun && view.status === 'validated') await this.checkReplacement(view, associationId, replaceYears);
    const preview = await importBatches.claimPreviewFile(this.pool, id, associationId);
    if (!preview) {
      const expired = await importBatches.isExpiredPreview(this.pool, view.id);
      throw new ApiProblem(409, expired ? 'preview_expired' : 'conflict');
    }
    const profileFile = `${preview.storedFile}.profile.json`;
    const profile = await readFile(profileFile, 'utf8').then(JSON.parse, () => undefined);
    if (profile !== undefined) {
      await this.saveProfile(associationId, profile, p);
      await rm(profileFile, { force: true });
    }
    // The association saw the preview, rejected rows included, and confirmed: the valid rows are loaded and the
    // rejected ones stay listed in the report (and in rejected.csv) to fix and upload again.
    return this.enqueueFile(
      preview.storedFile,
      preview.contentHash,
      preview.originalName ?? path.basename(preview.storedFile),
      associationId,
      p,
      { skipInvalidRows: true, replaceYears },
    );
  }

  /** 409 when the preview's years changed since, or when it would remove cases of a year not named. */
  private async checkReplacement(view: ImportView, associationId: string, replaceYears: number[]): Promise<void> {
    const changes = view.report?.yearChanges ?? [];
    if (changes.length === 0) return;
    const stored = await storedCasesByYear(
      this.pool,
      associationId,
      changes.map((c) => c.year),
    );
    if (changes.some((c) => (stored.get(c.year) ?? 0) !== c.before)) throw new ApiProblem(409, 'preview_stale');
    const unconfirmed = removalsToConfirm(changes, replaceYears);
    if (unconfirmed.length === 0) return;
    const text = replaceNotConfirmedText(unconfirmed);
    const years = unconfirmed.map((c) => c.year);
    const how = {
      fr: ` Pour confirmer : {"replaceYears": [${years.join(', ')}]}.`,
      en: ` To confirm: {"replaceYears": [${years.join(', ')}]}.`,
    };
    throw new ApiProblem(
      409,
      'replace_not_confirmed',
      unconfirmed.map((c) => ({ path: 'replaceYears', message: yearChangeText(c) })),
      { fr: text.fr + how.fr, en: text.en + how.en },
    );
  }

  /**
   * A preview that would drop a column which looks like data (ticks of a wide layout, a category) is confirmed only
   * once the association said what the column holds or to ignore it (issue 15): 409 naming the columns.
   */
  private requireDecisions(view: ImportView): void {
    const undecided = (view.report?.columns ?? []).filter((c) => c.needsDecision).map((c) => c.header);
    if (undecided.length > 0)
      throw new ApiProblem(
        409,
        'mapping_decision_needed',
        undecided.map((column) => ({ path: `columns.${column}`, message: messages.mapping_decision_needed })),
      );
  }

  async saveProfile(associationId: string, profile: unknown, p: Principal): Promise<void> {
    await this.ds.query(`UPDATE association SET mapping_profile = $2 WHERE id = $1`, [
      associationId,
      JSON.stringify(profile),
    ]);
    await recordAudit(this.ds.manager, actorOf(p), 'mapping_profile.update', {
      type: 'association',
      id: associationId,
      associationId,
    });
  }

  /** What is kept of an upload and for how long (the upload page says it before anything is sent). */
  retentionPolicy(): RetentionPolicyView {
    const policy = {
      previewMaxAgeHours: this.config.previewMaxAgeHours,
      rejectedRowsDays: this.config.rejectedRowsDays,
    };
    return { ...policy, message: policyText(policy) };
  }

  async getProfile(p: Principal): Promise<unknown> {
    const associationId = this.requireAssociation(p);
    const [row] = await this.ds.query(`SELECT mapping_profile FROM association WHERE id = $1`, [associationId]);
    return row?.mapping_profile ?? null;
  }

  async putProfile(body: unknown, p: Principal): Promise<unknown> {
    const associationId = this.requireAssociation(p);
    const parsed = this.parseProfile(JSON.stringify(body ?? null));
    await this.saveProfile(associationId, parsed, p);
    return parsed;
  }

  /** One import; another association's is 404 (its existence is not revealed). Admins see every one. */
  async findOne(id: string, p: Principal): Promise<ImportView> {
    const batch = await importBatches.view(this.pool, id, batchScope(id, p));
    if (!batch) throw new ApiProblem(404, 'not_found');
    return mapImport(batch, this.config);
  }

  async list(p: Principal, limit: number, allAssociations = false): Promise<ImportView[]> {
    const scope = allAssociations && p.role === 'admin' ? null : this.requireAssociation(p);
    return (await importBatches.listViews(this.pool, scope, limit)).map((b) => mapImport(b, this.config));
  }

  /** The caller's own normalised records as CSV: UTF-8 with BOM, formula-safe, streamed from PostgreSQL. */
  async recordsCsv(
    p: Principal,
    association?: string,
    format: RecordsFormat = 'codes',
  ): Promise<{ stream: NodeJS.ReadableStream; fileName: string }> {
    let associationId = p.associationId;
    if (p.role === 'admin' && association) {
      const a = await findAssociation(this.ds.manager, association);
      if (!a) throw new ApiProblem(404, 'not_found');
      associationId = a.id;
    }
    if (!associationId) throw new ApiProblem(400, 'member_needs_association');
    const [a] = await this.ds.query(`SELECT slug FROM association WHERE id = $1`, [associationId]);
    const columns = RECORD_COLUMNS.map((c) => c.column);
    const out = csvStream(recordsHeader(format), dialectOfRecords(format));
    // Pages of 5,000 by primary key: memory stays flat however many records an association has.
    const fill = async () => {
      try {
        let after = '0';
        for (;;) {
          const page: Record<string, unknown>[] = await this.ds.query(
            `SELECT id::text AS _id, ${columns.join(', ')} FROM case_record
              WHERE association_id = $1 AND id > $2::bigint ORDER BY id LIMIT 5000`,
            [associationId, after],
          );
          for (const r of page) {
            const row = recordRow(r, format);
            if (!out.write(row)) await new Promise((resolve) => out.once('drain', resolve));
          }
          if (page.length < 5000) break;
          after = page[page.length - 1]._id as string;
        }
        out.end();
      } catch (err) {
        out.destroy(err as Error);
      }
    };
    await recordAudit(this.ds.manager, actorOf(p), 'records.download', { associationId });
    void fill();
    return { stream: out, fileName: recordsFileName(a?.slug ?? 'association', format) };
  }
}
