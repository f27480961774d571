import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readDelimitedBatches } from './delimited-reader.js';
import { detectDelimiter, type Delimiter } from './delimiter.js';
import { readErrors } from './read-errors.js';
import { contentMismatch, formatFromFileName, sniffContent } from './sniff.js';
import { decodeSample, detectEncoding, SAMPLE_BYTES } from './text-decode.js';
import { readJsonArrayBatches, readNdjsonBatches } from './json-reader.js';
import { openXlsx } from './xlsx-reader.js';
import { makeSource } from './table-source.js';
import {
  resolveLimits,
  type OpenTableInput,
  type OpenTableOptions,
  type ReadLimits,
  type TableFormat,
  type TableSource,
} from './types.js';

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function openDelimited(path: string, format: TableFormat, head: Buffer, size: number, limits: ReadLimits) {
  const guess = detectEncoding(head);
  const sample = decodeSample(head, guess);
  if (size <= head.length && sample.trim() === '') throw readErrors.emptyFile();
  const fallback: Delimiter = format === 'tsv' ? '\t' : ';';
  const delimiter = detectDelimiter(sample, fallback);
  const state = { encoding: guess.encoding, undecided: guess.undecided, bomLength: guess.bomLength };
  const source = makeSource({ format, delimiter }, () => readDelimitedBatches(path, state, delimiter, limits));
  // The encoding of a file that is plain ASCII at the start is only settled while reading: expose it live.
  Object.defineProperty(source, 'encoding', { enumerable: true, get: () => state.encoding });
  return source;
}

/**
 * Opens a tabular file for streaming. Checks the size, that the content matches the extension (magic bytes),
 * the encoding and delimiter (text), the archive (XLSX), then returns the rows lazily. Every refusal is an
 * `EtlError`, thrown here or from the iteration.
 */
export async function openTable(input: OpenTableInput, options: OpenTableOptions = {}): Promise<TableSource> {
  const limits = resolveLimits(options.limits);
  const fileName = input.fileName ?? basename(input.path);
  const format = formatFromFileName(fileName);
  const { size } = await stat(input.path);
  if (size === 0) throw readErrors.emptyFile();
  if (size > limits.maxFileBytes) throw readErrors.fileTooLarge(size, limits.maxFileBytes);
  const head = await readHead(input.path, Math.min(size, SAMPLE_BYTES));
  const kind = sniffContent(head);
  const mismatch = contentMismatch(format, kind, head);
  if (mismatch) throw mismatch;

  switch (format) {
    case 'csv':
    case 'tsv':
    case 'txt':
      return openDelimited(input.path, format, head, size, limits);
    case 'json':
    case 'ndjson': {
      const guess = detectEncoding(head);
      if (size <= head.length && decodeSample(head, guess).trim() === '') throw readErrors.emptyFile();
      const state = { encoding: guess.encoding, undecided: guess.undecided, bomLength: guess.bomLength };
      const read = format === 'json' ? readJsonArrayBatches : readNdjsonBatches;
      const source = makeSource({ format }, () => read(input.path, state, limits));
      Object.defineProperty(source, 'encoding', { enumerable: true, get: () => state.encoding });
      return source;
    }
    case 'xlsx':
      return openXlsx(input.path, size, options.sheet, limits);
  }
}
