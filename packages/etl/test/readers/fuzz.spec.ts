import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EtlError, activeXlsxWorkers } from '../../src/index.js';
import { fixture, readAll, tempDir } from './helpers.js';
import { buildZip, readZipEntries } from './zip-builder.js';

/**
 * Fuzzing of the CSV and XLSX readers: whatever the bytes, reading ends either in rows or in an EtlError;
 * never another exception, a hang (the test timeout bounds it) or a worker left running. Bounded runs keep
 * the file well under 20 s on a shared 2-core machine.
 */
const write = tempDir();
let counter = 0;

async function outcome(path: string, fileName: string): Promise<'rows' | string> {
  try {
    await readAll(path, { limits: { xlsxIdleTimeoutMs: 10_000 } }, fileName);
    return 'rows';
  } catch (err) {
    if (err instanceof EtlError) return err.code;
    throw err;
  }
}

/** Byte-level mutations of a seed: overwrite, insert, delete, truncate. */
const mutation = (length: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(length - 1), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(length), bytes: fc.uint8Array({ maxLength: 16 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(length - 1), count: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(length) }),
  );
type Mutation =
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'truncate'; at: number };

function mutate(seed: Buffer, mutations: Mutation[]): Buffer {
  let buf = Buffer.from(seed);
  for (const m of mutations) {
    const at = Math.min(m.at, buf.length);
    if (m.kind === 'set' && at < buf.length) buf[at] = m.byte;
    else if (m.kind === 'insert') buf = Buffer.concat([buf.subarray(0, at), m.bytes, buf.subarray(at)]);
    else if (m.kind === 'delete') buf = Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.count)]);
    else if (m.kind === 'truncate') buf = buf.subarray(0, at);
  }
  return buf;
}

describe('fuzz', () => {
  it('CSV reader: random bytes give rows or an EtlError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const result = await outcome(write(`r${counter++}.csv`, bytes), 'fuzz.csv');
        expect(typeof result).toBe('string');
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('CSV reader: mutated sample exports give rows or an EtlError', async () => {
    const seeds = ['aurore-paris-2019-2024.csv', 'safe-harbour-nice-export.csv'].map((f) => readFileSync(fixture(f)));
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(mutation(9000), { minLength: 1, maxLength: 8 }),
        async (seedIndex, mutations) => {
          const bytes = mutate(seeds[seedIndex], mutations as Mutation[]);
          codes.add(await outcome(write(`m${counter++}.csv`, bytes), 'fuzz.csv'));
        },
      ),
      { numRuns: 150 },
    );
    // Most mutations still read (the reader is tolerant), some are refused: both paths were exercised.
    expect(codes.has('rows')).toBe(true);
  }, 30_000);

  it('XLSX reader: mutated workbooks give rows or an EtlError, leaving no worker behind', async () => {
    const seed = readFileSync(fixture('amarre-nantes-suivi.xlsx'));
    await fc.assert(
      fc.asyncProperty(fc.array(mutation(seed.length), { minLength: 1, maxLength: 4 }), async (mutations) => {
        const bytes = mutate(seed, mutations as Mutation[]);
        const result = await outcome(write(`x${counter++}.xlsx`, bytes), 'fuzz.xlsx');
        expect(typeof result).toBe('string');
        expect(activeXlsxWorkers()).toBe(0);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('XLSX reader: workbooks with mutated sheet XML (valid archive) give rows or an EtlError', async () => {
    const parts = await readZipEntries(fixture('amarre-nantes-suivi.xlsx'));
    const targets = parts.filter((p) => /sheet1\.xml$|sharedStrings\.xml$|workbook\.xml$|styles\.xml$/.test(p.name));
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: targets.length - 1 }),
        fc.array(mutation(6000), { minLength: 1, maxLength: 6 }),
        async (target, mutations) => {
          const name = targets[target].name;
          const rebuilt = parts.map((p) => ({
            name: p.name,
            data: p.name === name ? mutate(p.data, mutations as Mutation[]) : p.data,
          }));
          // Rebuilt honestly, so the archive check passes and the mutated XML reaches the worker.
          codes.add(await outcome(write(`s${counter++}.xlsx`, buildZip(rebuilt)), 'fuzz.xlsx'));
          expect(activeXlsxWorkers()).toBe(0);
        },
      ),
      { numRuns: 8 },
    );
    expect([...codes].every((c) => c === 'rows' || c.startsWith('xlsx_') || c === 'empty_file')).toBe(true);
  }, 60_000);

  it('XLSX reader: random bytes behind a zip signature give an EtlError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2048 }), async (bytes) => {
        const body = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes]);
        const result = await outcome(write(`z${counter++}.xlsx`, body), 'fuzz.xlsx');
        expect(result).not.toBe('rows');
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});
