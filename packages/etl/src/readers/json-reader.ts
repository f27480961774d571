import { readErrors } from './read-errors.js';
import { textChunks, type TextEncoding } from './text-decode.js';
import type { RawRow, ReadLimits } from './types.js';

type EncodingState = { encoding: TextEncoding; undecided: boolean; bomLength: number };

const BATCH_SIZE = 1024;

function checkRecord(value: unknown, row: number, limits: ReadLimits): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw readErrors.jsonNotObjects(row);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > limits.maxCellsPerRow) throw readErrors.tooManyCells(row, keys.length, limits.maxCellsPerRow);
  for (let k = 0; k < keys.length; k++) {
    const v = record[keys[k]];
    if (typeof v === 'string' && v.length > limits.maxCellLength)
      throw readErrors.cellTooLong(row, k + 1, limits.maxCellLength, v);
  }
  return record;
}

function parseJson(text: string, row: number): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw readErrors.jsonInvalid(row, err instanceof Error ? err.message : String(err));
  }
}

/** NDJSON / JSON Lines: one object per line; blank lines are not records and are skipped. */
export async function* readNdjsonBatches(path: string, state: EncodingState, limits: ReadLimits) {
  let line = 1;
  let pending: string[] = [];
  let rows = 0;
  let batch: RawRow[] = [];
  const emit = (piece: string): void => {
    const text = piece.trim();
    if (text !== '') {
      if (++rows > limits.maxRows) throw readErrors.tooManyRows(line, limits.maxRows);
      batch.push({ row: line, cells: [], record: checkRecord(parseJson(text, line), line, limits) });
    }
    line++;
  };
  for await (const chunk of textChunks(path, state, limits)) {
    let pos = 0;
    for (let lf = chunk.indexOf('\n'); lf !== -1; lf = chunk.indexOf('\n', pos)) {
      const piece = chunk.slice(pos, lf);
      emit(pending.length ? pending.join('') + piece : piece);
      pending = [];
      pos = lf + 1;
    }
    // textChunks already bounds a line to maxRecordBytes, so `pending` stays bounded.
    if (pos < chunk.length) pending.push(chunk.slice(pos));
    if (batch.length >= BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (pending.length) emit(pending.join(''));
  if (batch.length) yield batch;
}

const enum State {
  Start,
  BeforeElement,
  InElement,
  AfterElement,
  End,
}

/**
 * A JSON array of objects, streamed: a small scanner cuts the top-level array into its elements (tracking
 * strings and nesting only), and each element goes through `JSON.parse`. Memory is bounded by one element
 * (`maxRecordBytes`), whatever the file size.
 */
export async function* readJsonArrayBatches(path: string, state: EncodingState, limits: ReadLimits) {
  let line = 1;
  let st = State.Start as State;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let pieces: string[] = [];
  let elementLength = 0;
  let elementLine = 1;
  let rows = 0;
  let batch: RawRow[] = [];
  const unexpected = (ch: string): never => {
    throw readErrors.jsonInvalid(line, `unexpected "${ch}"`);
  };

  for await (const text of textChunks(path, state, limits)) {
    let elementFrom = st === State.InElement ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) line++;
      if (st === State.InElement) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (--depth === 0) {
            pieces.push(text.slice(elementFrom, i + 1));
            const json = pieces.join('');
            pieces = [];
            elementFrom = -1;
            if (json.length > limits.maxRecordBytes)
              throw readErrors.recordTooLarge(elementLine, limits.maxRecordBytes);
            if (++rows > limits.maxRows) throw readErrors.tooManyRows(elementLine, limits.maxRows);
            const record = checkRecord(parseJson(json, elementLine), elementLine, limits);
            batch.push({ row: elementLine, cells: [], record });
            st = State.AfterElement;
          }
        }
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      const ch = text[i];
      switch (st) {
        case State.Start:
          if (ch === '[') st = State.BeforeElement;
          else if (ch === '{') throw readErrors.jsonNotObjects(line);
          else unexpected(ch);
          break;
        case State.BeforeElement:
        case State.AfterElement:
          if (ch === ']') st = State.End;
          else if (st === State.AfterElement && ch === ',') st = State.BeforeElement;
          else if (st === State.BeforeElement && ch === '{') {
            st = State.InElement;
            depth = 1;
            elementFrom = i;
            elementLength = 0;
            elementLine = line;
          } else if (st === State.BeforeElement) throw readErrors.jsonNotObjects(line);
          else unexpected(ch);
          break;
        case State.End:
          unexpected(ch);
      }
    }
    if (st === State.InElement) {
      const piece = text.slice(elementFrom);
      elementLength += piece.length;
      if (elementLength > limits.maxRecordBytes) throw readErrors.recordTooLarge(elementLine, limits.maxRecordBytes);
      pieces.push(piece);
    }
    if (batch.length >= BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (st !== State.End) throw readErrors.jsonInvalid(line, 'unexpected end of file (truncated?)');
  if (batch.length) yield batch;
}
