import { Parser, CsvError } from 'csv-parse';
import { readErrors } from './read-errors.js';
import { utf8Chunks, type TextEncoding } from './text-decode.js';
import type { RawRow, ReadLimits } from './types.js';

/** Rows handed to the consumer at once: amortises async iteration over many rows. */
export const BATCH_SIZE = 1024;

interface CsvApi {
  parse(
    buf: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): CsvError | Error | undefined;
}

/** Line breaks inside a record (only quoted fields hold any): CRLF, LF and lone CR each count one. */
function lineBreaksIn(cells: string[]): number {
  let n = 0;
  for (let c = 0; c < cells.length; c++) {
    const s = cells[c];
    if (s.indexOf('\n') === -1 && s.indexOf('\r') === -1) continue;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 0x0a) n++;
      else if (ch === 0x0d && s.charCodeAt(i + 1) !== 0x0a) n++;
    }
  }
  return n;
}

/**
 * Reads delimited text in batches of `RawRow`s with csv-parse's synchronous core (no stream per row), computing
 * each record's starting line itself: csv-parse's own line counter counts CRLF inside quotes twice.
 */
export async function* readDelimitedBatches(
  path: string,
  encodingState: { encoding: TextEncoding; undecided: boolean; bomLength: number },
  delimiter: string,
  limits: ReadLimits,
): AsyncGenerator<RawRow[]> {
  const parser = new Parser({
    delimiter,
    quote: '"',
    escape: '"',
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: false,
    max_record_size: limits.maxRecordBytes,
  });
  const api = (parser as unknown as { api: CsvApi }).api;
  const { maxCellsPerRow, maxCellLength, maxRows } = limits;

  let nextLine = 1;
  let rows = 0;
  let batch: RawRow[] = [];
  let failure: Error | undefined;
  const state = (parser as unknown as { state: { expectedRecordLength: number } }).state;
  const push = (record: string[]): void => {
    // csv-parse compares every record's length with the first record's and, even in relax mode, builds a CsvError
    // (with its stack) for each one that differs: a title row above the header made that cost ~100 µs per row.
    // Comparing with the previous record instead keeps the cost to the rare ragged transitions.
    state.expectedRecordLength = record.length;
    if (failure) return;
    const row = nextLine;
    nextLine += 1 + lineBreaksIn(record);
    // csv-parse gives a blank line as one empty field: report it as a row with no cells.
    const cells = record.length === 1 && record[0] === '' ? [] : record;
    if (++rows > maxRows) {
      failure = readErrors.tooManyRows(row, maxRows);
      return;
    }
    if (cells.length > maxCellsPerRow) {
      failure = readErrors.tooManyCells(row, cells.length, maxCellsPerRow);
      return;
    }
    for (let c = 0; c < cells.length; c++) {
      if (cells[c].length > maxCellLength) {
        failure = readErrors.cellTooLong(row, c + 1, maxCellLength, cells[c]);
        return;
      }
    }
    batch.push({ row, cells });
  };
  const close = (): void => {};

  const fail = (err: Error): never => {
    if (err instanceof CsvError) {
      if (err.code === 'CSV_QUOTE_NOT_CLOSED') throw readErrors.unclosedQuote(nextLine);
      if (err.code === 'CSV_MAX_RECORD_SIZE') throw readErrors.recordTooLarge(nextLine, limits.maxRecordBytes);
      throw readErrors.malformedCsv(nextLine, err.code);
    }
    throw err;
  };

  for await (const chunk of utf8Chunks(path, encodingState, limits)) {
    const err = api.parse(chunk, false, push, close);
    if (failure) throw failure;
    if (err) fail(err);
    if (batch.length >= BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  const err = api.parse(undefined, true, push, close);
  if (failure) throw failure;
  if (err) fail(err);
  if (batch.length > 0) yield batch;
}
