import { randomBytes } from 'node:crypto';
import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EtlError, openTable } from '../../src/index.js';
import { peakGrowthDuring, readAll, readError, tempDir } from './helpers.js';

const write = tempDir();

/** File descriptors of this process open on `path` (Linux /proc). */
function openDescriptorsOf(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

describe('hostile and broken text files', () => {
  it('fails fast on a 20 MB single line (record size), without buffering it', async () => {
    const path = write('one-line.csv', Buffer.alloc(20 * 1024 * 1024, 0x61));
    const { result: err, growth } = await peakGrowthDuring(() => readError(path));
    expect(err.code).toBe('record_too_large');
    expect(err.row).toBe(1);
    // Stopped after about 1 MB of the line (plus one read chunk), never holding the 20 MB.
    expect(growth).toBeLessThan(12 * 1024 * 1024);
  });

  it('fails on a 20 MB line of delimiters (would be millions of cells)', async () => {
    const err = await readError(write('semicolons.csv', `a;b\n${';'.repeat(20 * 1024 * 1024)}\n`));
    expect(err.code).toBe('record_too_large');
    expect(err.row).toBe(2);
  });

  it('fails on a quoted field that never closes and swallows the file', async () => {
    const body = `a;b\n1;"${'x\n'.repeat(1024 * 1024)}`;
    expect((await readError(write('open-quote.csv', body))).code).toBe('record_too_large');
  });

  it('reports a truncated file (quote not closed at the end) with the line of the record', async () => {
    const err = await readError(write('truncated.csv', 'a;b\n1;2\n3;"unfinished\nnote'));
    expect(err.code).toBe('csv_unclosed_quote');
    expect(err.row).toBe(3);
  });

  it('names the cell that is too long', async () => {
    const err = await readError(write('long-cell.csv', `a;b\n1;${'y'.repeat(40_000)}\n`));
    expect([err.code, err.row, err.column]).toEqual(['cell_too_long', 2, 2]);
    expect(err.rawValue!.length).toBeLessThanOrEqual(201);
  });

  it('refuses a row with too many cells', async () => {
    const err = await readError(write('wide.csv', `a;b\n${'1;'.repeat(600)}\n`));
    expect([err.code, err.row]).toEqual(['too_many_cells', 2]);
  });

  it('stops at the row limit', async () => {
    const err = await readError(write('rows.csv', 'a;b\n1;2\n'.repeat(50)), { limits: { maxRows: 60 } });
    expect([err.code, err.row]).toEqual(['too_many_rows', 61]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const err = await readError(write('big.csv', 'a;b\n'.repeat(1000)), { limits: { maxFileBytes: 1000 } });
    expect(err.code).toBe('file_too_large');
    expect(err.text.fr).toMatch(/Découpez-le/);
  });

  it('refuses binary data in a .csv, naming known formats', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
    const err = await readError(write('photo.csv', png));
    expect(err.code).toBe('content_binary');
    expect(err.text.en).toContain('PNG');
    const nul = Buffer.concat([Buffer.from('a;b\n1;2\n'), Buffer.from([0, 1, 2, 3])]);
    expect((await readError(write('nul.csv', nul))).code).toBe('content_binary');
  });

  it('refuses binary data appearing after the sample, naming the line', async () => {
    const body = Buffer.concat([Buffer.from('a;b\n'.repeat(30_000)), Buffer.from([0x00, 0x00, 0x0a])]);
    const err = await readError(write('late-nul.csv', body));
    expect([err.code, err.row]).toEqual(['content_binary', 30_001]);
  });

  it('refuses a PDF renamed .csv and an unknown extension', async () => {
    expect((await readError(write('report.csv', '%PDF-1.4\n%âãÏÓ\n1 0 obj\n'))).code).toBe('content_pdf');
    expect((await readError(write('report.docx', 'a;b\n'))).code).toBe('unsupported_format');
    // .xls and .ods are not offered: refused by their extension, with how to re-save as .xlsx or CSV.
    const xls = await readError(write('suivi.xls', 'a;b\n'));
    expect(xls.code).toBe('format_xls_not_accepted');
    expect(xls.text.fr).toMatch(/Enregistrer sous.*xlsx.*CSV/);
    expect(xls.text.en).toMatch(/Save As.*xlsx.*CSV/);
    const ods = await readError(write('suivi.ods', 'a;b\n'));
    expect(ods.code).toBe('format_ods_not_accepted');
    expect(ods.text.fr).toMatch(/LibreOffice.*xlsx.*CSV/);
  });

  it('uses the uploaded file name, not the storage path, for the format', async () => {
    const path = write('upload-1234', 'a;b\n1;2\n');
    const { source } = await readAll(path, undefined, 'export.csv');
    expect(source.format).toBe('csv');
  });

  it('random bytes always end in rows or an EtlError', async () => {
    for (let i = 0; i < 20; i++) {
      const path = write(`random-${i}.csv`, randomBytes(2000 + i * 100));
      try {
        await readAll(path);
      } catch (err) {
        expect(err).toBeInstanceOf(EtlError);
      }
    }
  });

  it('releases the file when the consumer stops early', async () => {
    const path = write('early.csv', 'a;b\n1;2\n'.repeat(100_000));
    const source = await openTable({ path });
    let n = 0;
    for await (const batch of source.batches) {
      n += batch.length;
      // The check below can see an open file: here it is still open.
      expect(openDescriptorsOf(path)).toBe(1);
      break;
    }
    expect(n).toBeGreaterThan(0);
    // The descriptor is closed asynchronously after the stream is destroyed: wait for it, bounded.
    await expect.poll(() => openDescriptorsOf(path), { timeout: 5_000 }).toBe(0);
    await expect(source.rows[Symbol.asyncIterator]().next()).rejects.toThrow(/only be iterated once/);
  });

  it('close() releases a source whose iterator is driven by hand and abandoned', async () => {
    const path = write('by-hand.csv', 'a;b\n1;2\n'.repeat(100_000));
    const source = await openTable({ path });
    const iterator = source.batches[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    expect(openDescriptorsOf(path)).toBe(1);
    await source.close();
    // The descriptor is closed asynchronously after the stream is destroyed: wait for it, bounded.
    await expect.poll(() => openDescriptorsOf(path), { timeout: 5_000 }).toBe(0);
    await source.close(); // idempotent
  });
});

describe('JSON and NDJSON', () => {
  it('streams an array of objects, numbering each by its first line', async () => {
    const json = `[\n  {"referenceYear": 2023, "gender": "female", "recruitmentChannels": ["social_network"]},\n  {\n    "referenceYear": 2024,\n    "note": "braces } ] and \\"quotes\\" in strings"\n  }\n]\n`;
    const { source, rows } = await readAll(write('cases.json', json));
    expect(source.format).toBe('json');
    expect(rows).toEqual([
      {
        row: 2,
        cells: [],
        record: { referenceYear: 2023, gender: 'female', recruitmentChannels: ['social_network'] },
      },
      { row: 3, cells: [], record: { referenceYear: 2024, note: 'braces } ] and "quotes" in strings' } },
    ]);
  });

  it('streams NDJSON, skipping blank lines but keeping line numbers', async () => {
    const body = '{"a":1}\n\n{"a":2}\r\n{"a":3}';
    const { source, rows } = await readAll(write('cases.ndjson', body));
    expect(source.format).toBe('ndjson');
    expect(rows.map((r) => [r.row, r.record])).toEqual([
      [1, { a: 1 }],
      [3, { a: 2 }],
      [4, { a: 3 }],
    ]);
  });

  it.each([
    ['truncated.json', '[{"a":1},{"a":', 'json_invalid'],
    ['object.json', '{"cases": []}', 'json_not_records'],
    ['numbers.json', '[1, 2]', 'json_not_records'],
    ['garbage.json', '[{"a":1} {"b":2}]', 'json_invalid'],
    ['bad-line.ndjson', '{"a":1}\n{"a":\n', 'json_invalid'],
    ['array-line.ndjson', '{"a":1}\n[1]\n', 'json_not_records'],
  ])('refuses %s', async (name, body, code) => {
    expect((await readError(write(name, body))).code).toBe(code);
  });

  it('bounds one JSON record by the record size limit', async () => {
    const body = `[{"a":"${'x'.repeat(300_000)}"}]`;
    const err = await readError(write('huge-record.json', body), { limits: { maxRecordBytes: 100_000 } });
    expect(err.code).toBe('record_too_large');
  });
});
