import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { EtlError, openTable, type OpenTableOptions, type RawRow, type TableSource } from '../../src/index.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** A temp directory per test file, removed at the end. */
export function tempDir(): (name: string, content: string | Uint8Array) => string {
  const dir = mkdtempSync(join(tmpdir(), 'etl-readers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

export async function readAll(
  path: string,
  options?: OpenTableOptions,
  fileName?: string,
): Promise<{ source: TableSource; rows: RawRow[] }> {
  const source = await openTable({ path, fileName }, options);
  const rows: RawRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return { source, rows };
}

/** Reads the whole file and returns the EtlError it ends in (fails the test if it reads fine). */
export async function readError(path: string, options?: OpenTableOptions, fileName?: string): Promise<EtlError> {
  try {
    await readAll(path, options, fileName);
  } catch (err) {
    if (err instanceof EtlError) return err;
    throw err;
  }
  throw new Error(`expected ${path} to fail with an EtlError`);
}

function jsMemory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Largest growth of JS heap + Buffers while `fn` runs, sampled every millisecond. */
export async function peakGrowthDuring<T>(fn: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = jsMemory();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, jsMemory())), 1);
  try {
    const result = await fn();
    peak = Math.max(peak, jsMemory());
    return { result, growth: peak - before };
  } finally {
    clearInterval(timer);
  }
}
