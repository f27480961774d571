import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { readErrors } from './read-errors.js';
import type { ReadLimits } from './types.js';

/**
 * Text decoding for CSV/TSV/TXT/JSON/NDJSON: every encoding is turned into validated text chunks (what the
 * parsers consume), with the checks that must happen while decoding: invalid sequences, binary content and
 * over-long lines (so a 20 MB single line fails after `maxRecordBytes` characters, not after buffering it all).
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncoding;
  bomLength: number;
  /**
   * True when the sample was plain ASCII: UTF-8 and Windows-1252 read it the same, so the choice is made at the
   * first non-ASCII byte (a file whose accents only appear after the sample is still read right).
   */
  undecided: boolean;
}

/** Bytes read up front to detect the encoding, the delimiter and the content type. */
export const SAMPLE_BYTES = 64 * 1024;
/**
 * Bytes read (and decoded, parsed) at a time. Small enough that a chunk's rows die young (a lower peak memory than
 * larger chunks: docs/benchmarks.md), large enough that the per-chunk work is negligible.
 */
export const TEXT_CHUNK_BYTES = 64 * 1024;

/** Length of the complete UTF-8 prefix: drops a multi-byte sequence cut by the end of the buffer. */
export function completeUtf8Length(buf: Uint8Array): number {
  const len = buf.length;
  for (let back = 1; back <= 3 && back <= len; back++) {
    const b = buf[len - back];
    if (b < 0x80) return len;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return back < need ? len - back : len;
    }
  }
  return len;
}

function hasNonAscii(buf: Uint8Array, from = 0): boolean {
  for (let i = from; i < buf.length; i++) if (buf[i] >= 0x80) return true;
  return false;
}

export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8-bom', bomLength: 3, undecided: false };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, undecided: false };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, undecided: false };
  if (!hasNonAscii(sample)) return { encoding: 'utf-8', bomLength: 0, undecided: true };
  const complete = sample.subarray(0, completeUtf8Length(sample));
  return { encoding: isUtf8(complete) ? 'utf-8' : 'windows-1252', bomLength: 0, undecided: false };
}

/** Decodes the sample for delimiter detection (lossy: only the structure matters there). */
export function decodeSample(sample: Buffer, guess: EncodingGuess): string {
  const body = sample.subarray(guess.bomLength);
  switch (guess.encoding) {
    case 'utf-16le':
    case 'utf-16be':
      return new TextDecoder(guess.encoding).decode(body.subarray(0, body.length - (body.length % 2)));
    case 'windows-1252':
      return iconv.decode(body, 'windows-1252');
    default:
      return body.subarray(0, completeUtf8Length(body)).toString('utf8');
  }
}

function countLineFeeds(buf: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (buf[i] === 0x0a) n++;
  return n;
}

/**
 * Streams a text file as decoded, validated string chunks. `state.encoding` is updated when an undecided (ASCII so
 * far) file turns out to be Windows-1252.
 */
export async function* textChunks(
  path: string,
  state: { encoding: TextEncoding; undecided: boolean; bomLength: number },
  limits: ReadLimits,
): AsyncGenerator<string> {
  // Line number of the start of the current chunk, for error messages.
  let line = 1;
  // Characters since the last line break (CR or LF), across chunks.
  let lineLength = 0;
  let carry: Buffer | undefined;
  let utf16: TextDecoder | undefined;
  if (state.encoding === 'utf-16le' || state.encoding === 'utf-16be')
    utf16 = new TextDecoder(state.encoding, { fatal: true });

  const guardLines = (text: string): void => {
    // Over-long line check, with indexOf so the cost stays native.
    let pos = 0;
    const len = text.length;
    while (pos < len) {
      let next = text.indexOf('\n', pos);
      if (next === -1) next = len;
      const segment = next - pos;
      if (lineLength + segment > limits.maxRecordBytes) {
        // Old Mac files end lines with CR only: count those before calling the line too long.
        const cr = text.lastIndexOf('\r', next - 1);
        if (cr < pos || next - cr - 1 > limits.maxRecordBytes)
          throw readErrors.recordTooLarge(line, limits.maxRecordBytes);
        lineLength = next - cr - 1;
      } else {
        lineLength += segment;
      }
      if (next < len) {
        line++;
        lineLength = 0;
      }
      pos = next + 1;
    }
  };

  const stream = createReadStream(path, { start: state.bomLength, highWaterMark: TEXT_CHUNK_BYTES });
  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      let text: string;
      if (utf16) {
        try {
          text = utf16.decode(raw, { stream: true });
        } catch {
          throw readErrors.invalidEncoding('UTF-16', line);
        }
        if (text.includes('\u0000')) throw readErrors.contentIsBinary(undefined, line);
      } else {
        const nul = raw.indexOf(0);
        if (nul !== -1) throw readErrors.contentIsBinary(undefined, line + countLineFeeds(raw, nul));
        if (state.undecided && hasNonAscii(raw)) {
          const probe = carry ? Buffer.concat([carry, raw]) : raw;
          state.encoding = isUtf8(probe.subarray(0, completeUtf8Length(probe))) ? 'utf-8' : 'windows-1252';
          state.undecided = false;
        }
        if (state.encoding === 'windows-1252') {
          text = iconv.decode(raw, 'windows-1252');
          // iconv-lite maps the five bytes Windows-1252 leaves undefined to U+FFFD: not text.
          const bad = text.indexOf('\ufffd');
          if (bad !== -1) throw readErrors.invalidEncoding('Windows-1252', line + countLineFeeds(raw, bad));
        } else {
          const buf = carry ? Buffer.concat([carry, raw]) : raw;
          const complete = completeUtf8Length(buf);
          carry = complete < buf.length ? Buffer.from(buf.subarray(complete)) : undefined;
          const out = complete < buf.length ? buf.subarray(0, complete) : buf;
          text = out.toString('utf8');
          if (!isUtf8(out)) {
            const bad = text.indexOf('\ufffd');
            const before = bad === -1 ? 0 : text.slice(0, bad).split('\n').length - 1;
            throw readErrors.invalidEncoding('UTF-8', line + before);
          }
        }
      }
      guardLines(text);
      yield text;
    }
    if (carry && carry.length > 0) throw readErrors.invalidEncoding('UTF-8', line);
    if (utf16) {
      let tail: string;
      try {
        tail = utf16.decode();
      } catch {
        throw readErrors.invalidEncoding('UTF-16', line);
      }
      if (tail.length > 0) yield tail;
    }
  } finally {
    stream.destroy();
  }
}
