import Papa from 'papaparse';
import { readErrors } from './read-errors.js';
import { textChunks, type TextEncoding } from './text-decode.js';
import type { RawRow, ReadLimits } from './types.js';

/** Rows handed to the consumer at once: amortises async iteration over many rows. */
export const BATCH_SIZE = 1024;

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
 * Reads delimited text in batches of `RawRow`s with papaparse's synchronous parser, chunk by chunk (it parses
 * strings, without the per-field buffer copies of byte-oriented parsers, which made it the faster of the two parsers
 * measured on a French export: docs/benchmarks.md). Line endings (CRLF, LF, old Mac CR, mixed) become LF first, so one record delimiter fits all;
 * each record's starting line is counted here. The unfinished record at the end of a chunk is carried to the next,
 * bounded by `maxRecordBytes` (a quote never closed fails there, not at the end of a 50 MB file).
 */
export async function* readDelimitedBatches(
  path: string,
  encodingState: { encoding: TextEncoding; undecided: boolean; bomLength: number },
  delimiter: string,
  limits: ReadLimits,
): AsyncGenerator<RawRow[]> {
  const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
  const { maxCellsPerRow, maxCellLength, maxRows, maxRecordBytes } = limits;

  let nextLine = 1;
  let rows = 0;
  // Only a quoted field holds line breaks: a chunk without quotes needs no count.
  let quoted = true;
  let batch: RawRow[] = [];
  const push = (record: string[]): void => {
    const row = nextLine;
    nextLine += quoted ? 1 + lineBreaksIn(record) : 1;
    // A blank line is one empty field: report it as a row with no cells.
    const cells = record.length === 1 && record[0] === '' ? [] : record;
    if (++rows > maxRows) throw readErrors.tooManyRows(row, maxRows);
    if (cells.length > maxCellsPerRow) throw readErrors.tooManyCells(row, cells.length, maxCellsPerRow);
    for (let c = 0; c < cells.length; c++) {
      if (cells[c].length > maxCellLength) throw readErrors.cellTooLong(row, c + 1, maxCellLength, cells[c]);
    }
    batch.push({ row, cells });
  };

  let carry = '';
  let pendingCr = false;
  for await (const chunk of textChunks(path, encodingState, limits)) {
    let text: string = pendingCr ? `\r${chunk}` : chunk;
    // A CR at the end may be the first half of a CRLF cut by the chunk boundary.
    pendingCr = text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
    const input = carry + text;
    quoted = input.indexOf('"') !== -1;
    const result = parser.parse(input, 0, true);
    for (const record of result.data as string[][]) push(record);
    carry = input.slice(result.meta.cursor);
    if (carry.length > maxRecordBytes) throw readErrors.recordTooLarge(nextLine, maxRecordBytes);
    if (batch.length >= BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  // What is left is the last record, not ended by a line break (a final CR, held back above, ended it anyway).
  if (carry !== '') {
    quoted = true;
    const result = parser.parse(carry, 0, false);
    if (result.errors.some((e: Papa.ParseError) => e.code === 'MissingQuotes'))
      throw readErrors.unclosedQuote(nextLine);
    for (const record of result.data as string[][]) push(record);
  }
  if (batch.length > 0) yield batch;
}
