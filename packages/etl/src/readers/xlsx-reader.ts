import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EtlError } from '../errors.js';
import { columnLetter, readErrors } from './read-errors.js';
import { makeSource } from './table-source.js';
import type { RawRow, ReadLimits, TableSource } from './types.js';
import { checkXlsxArchive } from './xlsx-archive-check.js';

// Plain JS worker, outside src/ so the same relative URL works from src/ (tests) and dist/ (build).
const WORKER_URL = new URL('../../workers/xlsx-worker.mjs', import.meta.url);
const BATCH_SIZE = 1000;
// Batches the worker may run ahead of the consumer: enough to overlap parsing and consuming, bounded memory.
const CREDITS = 4;

type WorkerMessage =
  | { type: 'meta'; sheetName: string }
  | { type: 'rows'; rows: RawRow[] }
  | { type: 'end' }
  | ({ type: 'error'; kind: string } & Record<string, unknown>);

function errorFromWorker(message: { kind: string } & Record<string, unknown>, limits: ReadLimits): EtlError {
  const row = Number(message.row);
  switch (message.kind) {
    case 'too_many_rows':
      return readErrors.tooManyRows(row, limits.maxRows);
    case 'too_many_cells':
      return readErrors.tooManyCells(row, Number(message.count), limits.maxCellsPerRow);
    case 'cell_too_long':
      return readErrors.cellTooLong(
        row,
        columnLetter(Number(message.column)),
        limits.maxCellLength,
        String(message.value),
      );
    case 'sheet_not_found':
      return readErrors.xlsxSheetNotFound(String(message.name), (message.available as string[]) ?? []);
    case 'empty':
      return readErrors.emptyFile();
    default:
      return readErrors.xlsxCorrupt(String(message.detail ?? 'unknown error'));
  }
}

const liveSessions = new Set<XlsxWorkerSession>();

/** XLSX parsing workers currently alive (diagnostics; tests check that aborted reads leave none behind). */
export function activeXlsxWorkers(): number {
  return liveSessions.size;
}

/** Temp directories of the live XLSX workers (tests check they are removed). */
export function xlsxWorkerTempDirs(): string[] {
  return [...liveSessions].map((s) => s.tempDir);
}

/** One worker, seen as a queue of messages with an idle timeout; every failure becomes an EtlError. */
class XlsxWorkerSession {
  private readonly worker: Worker;
  private readonly queue: WorkerMessage[] = [];
  private failure?: EtlError;
  private waiter?: () => void;
  private finished = false;

  readonly tempDir = mkdtempSync(join(tmpdir(), 'observatoire-xlsx-'));

  constructor(
    path: string,
    sheet: string | undefined,
    private readonly limits: ReadLimits,
  ) {
    this.worker = new Worker(WORKER_URL, {
      workerData: { path, sheet, limits, batchSize: BATCH_SIZE, initialCredits: CREDITS },
      // The worker reads sheets straight from the archive and writes nothing; should a library it loads ever
      // write a temp file, a killed worker would never delete it: it gets its own temp directory, removed with
      // the session.
      env: { ...process.env, TMPDIR: this.tempDir, TMP: this.tempDir, TEMP: this.tempDir },
      resourceLimits: {
        maxOldGenerationSizeMb: limits.xlsxWorkerMemoryMb,
        maxYoungGenerationSizeMb: Math.min(32, Math.max(4, Math.floor(limits.xlsxWorkerMemoryMb / 8))),
        stackSizeMb: 4,
      },
      // The parent's flags (--inspect, loaders, --input-type, heap sizes) must not leak into the worker.
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    // exceljs may print warnings on odd files: they are not for the server log, drop them.
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    // A forgotten source must not keep the process alive.
    this.worker.unref();
    liveSessions.add(this);
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'error') this.fail(errorFromWorker(message, limits));
      else {
        if (message.type === 'end') this.finished = true;
        this.queue.push(message);
        this.wake();
      }
    });
    this.worker.on('error', (err: Error & { code?: string }) => {
      this.fail(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? readErrors.xlsxOutOfMemory(limits.xlsxWorkerMemoryMb)
          : readErrors.xlsxCorrupt(err.message),
      );
    });
    this.worker.on('exit', () => {
      liveSessions.delete(this);
      this.removeTempDir();
      if (!this.finished) this.fail(readErrors.xlsxCorrupt('the reader stopped unexpectedly'));
    });
  }

  private fail(err: EtlError): void {
    this.failure ??= err;
    this.finished = true;
    void this.worker.terminate();
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  async next(): Promise<WorkerMessage> {
    for (;;) {
      const message = this.queue.shift();
      if (message) return message;
      if (this.failure) throw this.failure;
      // Only time the worker while someone waits on it: a slow consumer is not the worker's fault.
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        timer = setTimeout(() => {
          this.fail(readErrors.xlsxTimeout(Math.round(this.limits.xlsxIdleTimeoutMs / 1000)));
        }, this.limits.xlsxIdleTimeoutMs);
      });
      clearTimeout(timer);
    }
  }

  credit(): void {
    if (!this.finished) this.worker.postMessage({ type: 'credit', n: 1 });
  }

  private removeTempDir(): void {
    rmSync(this.tempDir, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    this.finished = true;
    await this.worker.terminate();
    liveSessions.delete(this);
    this.removeTempDir();
  }
}

/**
 * Opens an XLSX: archive check first (central directory, local headers, real inflated sizes), then a capped
 * worker thread streams the first sheet holding data (or the named one). Resolves once the sheet is chosen,
 * so "no such sheet" and "no data" are reported by `openTable` itself.
 */
export async function openXlsx(
  path: string,
  fileBytes: number,
  sheet: string | undefined,
  limits: ReadLimits,
): Promise<TableSource> {
  await checkXlsxArchive(path, fileBytes, limits);
  const session = new XlsxWorkerSession(path, sheet, limits);
  let first: WorkerMessage;
  try {
    first = await session.next();
  } catch (err) {
    await session.close();
    throw err;
  }
  if (first.type !== 'meta') {
    await session.close();
    throw readErrors.xlsxCorrupt('unexpected reader message');
  }
  async function* batches(): AsyncGenerator<RawRow[]> {
    try {
      for (;;) {
        const message = await session.next();
        if (message.type === 'end') return;
        if (message.type === 'rows') {
          session.credit();
          yield message.rows;
        }
      }
    } finally {
      await session.close();
    }
  }
  return makeSource({ format: 'xlsx', sheetName: first.sheetName }, batches, () => session.close());
}
