import { config, readConfig, type Config } from '@observatoire/config';

/** Formats the readers understand; chosen from the file name's extension, then checked against the content. */
export type TableFormat = 'csv' | 'tsv' | 'txt' | 'xlsx' | 'json' | 'ndjson';

/**
 * One physical row of the source, exactly as read: no header detection, no trimming, no title/total skipping
 * (the mapping layer does all that).
 *
 * - `row` is the 1-based number the user sees: the line in a text editor for CSV/TSV/TXT/NDJSON/JSON (for a
 *   quoted field spanning several lines, the line where the record starts), the row number in Excel for XLSX.
 * - Blank lines are NOT skipped: they are yielded with `cells: []` (CSV/TSV/TXT and XLSX alike, including XLSX
 *   rows absent from the sheet XML between two rows that hold data), so every row number is accounted for.
 * - Cells are strings. Ragged rows are yielded as they are (fewer or more cells than the header): reporting them
 *   is the mapper's job.
 * - JSON/NDJSON: each record is yielded with `record` set to the parsed object and `cells` empty; `row` is the
 *   line where the object starts. Blank NDJSON lines are not records and are skipped (row numbers stay exact).
 */
export interface RawRow {
  row: number;
  cells: string[];
  /** JSON / NDJSON only: the parsed object (canonical shape or HTCDS names, as written in the file). */
  record?: Record<string, unknown>;
  /**
   * XLSX only: 0-based indexes of cells that hold a formula with no cached result. Those cells contain the
   * formula text prefixed with `=` (never evaluated); the mapper should reject them.
   */
  formulaCells?: number[];
}

export interface TableSource {
  format: TableFormat;
  /** Text formats: the detected encoding (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1252`). */
  encoding?: string;
  /** CSV/TSV/TXT: the detected delimiter (`;`, `,`, `\t` or `|`). */
  delimiter?: string;
  /** XLSX: the sheet read. */
  sheetName?: string;
  /**
   * The rows, streamed. Consume `rows` OR `batches`, once: both drain the same underlying reader. Breaking out
   * of the loop releases the file (and terminates the XLSX worker). Errors surface as `EtlError` from the loop.
   */
  rows: AsyncIterable<RawRow>;
  /** The same rows grouped in arrays (cheaper per row for bulk consumers). */
  batches: AsyncIterable<RawRow[]>;
  /**
   * Releases the file and any XLSX worker. Iterating to the end or breaking out of a `for await` does it too;
   * call it in a `finally` when a source may be abandoned otherwise (an iterator driven by hand, an error
   * between `openTable` and the loop). Idempotent.
   */
  close(): Promise<void>;
}

/** Guards against hostile or accidental huge input; every violation ends in an `EtlError`. */
export interface ReadLimits {
  /** Size of the uploaded file on disk. */
  maxFileBytes: number;
  /** Physical rows (lines for text, sheet rows for XLSX, records for JSON). */
  maxRows: number;
  maxCellsPerRow: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellLength: number;
  /** Bytes of one record (CSV record, physical line, JSON object): a 20 MB single line fails on this. */
  maxRecordBytes: number;
  /** XLSX: sum of the declared uncompressed sizes of all archive entries. */
  maxDecompressedBytes: number;
  /** XLSX: uncompressed / compressed ratio, for the whole archive and for any large entry. */
  maxCompressionRatio: number;
  /** XLSX: number of entries in the archive. */
  maxEntries: number;
  /** XLSX: heap cap of the parsing worker, in MB. */
  xlsxWorkerMemoryMb: number;
  /** XLSX: the worker is stopped when it sends nothing for this long. */
  xlsxIdleTimeoutMs: number;
}

const MB = 1024 * 1024;

/** The read limits a configuration sets (its `OBSERVATOIRE_IMPORT_*` variables, in their units; see the README). */
function limitsOf(c: Config): ReadLimits {
  return {
    maxFileBytes: Math.round(c.OBSERVATOIRE_IMPORT_MAX_FILE_MB * MB),
    maxRows: Math.round(c.OBSERVATOIRE_IMPORT_MAX_ROWS),
    maxCellsPerRow: Math.round(c.OBSERVATOIRE_IMPORT_MAX_CELLS_PER_ROW),
    maxCellLength: Math.round(c.OBSERVATOIRE_IMPORT_MAX_CELL_LENGTH),
    maxRecordBytes: Math.round(c.OBSERVATOIRE_IMPORT_MAX_RECORD_KB * 1024),
    maxDecompressedBytes: Math.round(c.OBSERVATOIRE_IMPORT_XLSX_MAX_DECOMPRESSED_MB * MB),
    maxCompressionRatio: c.OBSERVATOIRE_IMPORT_XLSX_MAX_RATIO,
    maxEntries: Math.round(c.OBSERVATOIRE_IMPORT_XLSX_MAX_ENTRIES),
    xlsxWorkerMemoryMb: c.OBSERVATOIRE_IMPORT_XLSX_WORKER_MEMORY_MB,
    xlsxIdleTimeoutMs: Math.round(c.OBSERVATOIRE_IMPORT_XLSX_IDLE_TIMEOUT_S * 1000),
  };
}

/** The limits when nothing is configured (the configuration schema's defaults). */
export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze(limitsOf(readConfig({})));

/** The limits this environment configures; a malformed value is a configuration error naming the variable. */
export function limitsFromEnv(env: Record<string, string | undefined> = process.env): ReadLimits {
  return limitsOf(env === process.env ? config() : readConfig(env));
}

/** Defaults, overridden by the environment, overridden by the caller's limits. */
export function resolveLimits(
  limits: Partial<ReadLimits> | undefined,
  env: Record<string, string | undefined> = process.env,
): ReadLimits {
  const resolved: ReadLimits = { ...limitsFromEnv(env) };
  if (limits) {
    for (const key of Object.keys(DEFAULT_READ_LIMITS) as (keyof ReadLimits)[]) {
      const value = limits[key];
      if (value !== undefined) {
        if (!Number.isFinite(value) || value <= 0) throw new RangeError(`read limit ${key} must be a positive number`);
        resolved[key] = value;
      }
    }
  }
  return resolved;
}

export interface OpenTableInput {
  /** Where the file is on disk. */
  path: string;
  /** The name the user gave the file (upload), used for the extension; defaults to `path`'s base name. */
  fileName?: string;
}

export interface OpenTableOptions {
  /** XLSX: the sheet to read; default: the first sheet that holds data. */
  sheet?: string;
  limits?: Partial<ReadLimits>;
}
