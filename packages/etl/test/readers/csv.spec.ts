import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS, limitsFromEnv, resolveLimits } from '../../src/index.js';
import { TEXT_CHUNK_BYTES } from '../../src/readers/text-decode.js';
import { fixture, readAll, readError, tempDir } from './helpers.js';

const write = tempDir();

describe('CSV samples', () => {
  it('reads the Windows-1252 `;` CRLF export with its title, blank and TOTAL rows', async () => {
    const { source, rows } = await readAll(fixture('aurore-paris-2019-2024.csv'));
    expect(source.format).toBe('csv');
    expect(source.encoding).toBe('windows-1252');
    expect(source.delimiter).toBe(';');
    // 185 physical lines: title, blank, header, 180 cases, TOTAL, blank.
    expect(rows).toHaveLength(185);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 185 }, (_, i) => i + 1));
    expect(rows[0].cells[0]).toMatch(/^Export des dossiers anonymisés/);
    expect(rows[1].cells).toEqual([]);
    expect(rows[2].cells).toContain("Âge au début de l'exploitation");
    expect(rows[2].cells).toHaveLength(9);
    expect(rows[3].cells.slice(0, 5)).toEqual(['D-2019-0001', '2019', 'Femme', '19 ans', "Côte d'Ivoire"]);
    expect(rows[183].cells[1]).toBe('TOTAL');
    expect(rows[184].cells).toEqual([]);
  });

  it('reads the UTF-8-with-BOM `,` export with quoted multi-line notes, numbering rows by their first line', async () => {
    const { source, rows } = await readAll(fixture('safe-harbour-nice-export.csv'));
    expect(source.encoding).toBe('utf-8-bom');
    expect(source.delimiter).toBe(',');
    // 128 lines, 3 records spanning two lines: header + 124 cases.
    expect(rows).toHaveLength(125);
    expect(rows[0].cells[0]).toBe('case_id'); // the BOM is not part of the first header
    const multi = rows.find((r) => r.cells[0] === 'SH1008')!;
    expect(multi.row).toBe(10);
    expect(multi.cells[8]).toBe('referred by police,\nfollow-up "ongoing"');
    expect(rows.find((r) => r.cells[0] === 'SH1009')!.row).toBe(12);
    expect(rows.find((r) => r.cells[0] === 'SH1107')!.row).toBe(112);
    expect(rows.at(-1)!.row).toBe(128);
    expect(rows.every((r) => r.cells.length === 9)).toBe(true);
    // `;` inside unquoted fields did not fool the delimiter vote.
    expect(rows.find((r) => r.cells[0] === 'SH1003')!.cells[6]).toBe('ThroughOnlineSocialNetworks;Messaging app');
  });

  it.each([
    ['bad/bad-values.csv', 5, 6],
    ['bad/pii-names.csv', 2, 6],
    ['bad/formula-injection.csv', 3, 6],
    ['bad/header-only.csv', 1, 6],
  ])('reads %s as UTF-8 `;` (%i rows of %i cells)', async (name, count, width) => {
    const { source, rows } = await readAll(fixture(name));
    expect(source.encoding).toBe('utf-8');
    expect(source.delimiter).toBe(';');
    expect(rows).toHaveLength(count);
    expect(rows.every((r) => r.cells.length === width)).toBe(true);
    expect(rows[0].cells[0]).toMatch(/^(Année|Nom)$/);
  });

  it('keeps formulas as plain text (never evaluated)', async () => {
    const { rows } = await readAll(fixture('bad/formula-injection.csv'));
    expect(rows[1].cells[5]).toBe('=HYPERLINK("http://example.invalid","cliquer")');
  });

  it('refuses the empty file', async () => {
    const err = await readError(fixture('bad/empty.csv'));
    expect(err.code).toBe('empty_file');
    expect(err.text.fr).toMatch(/vide/);
  });
});

describe('encodings', () => {
  const table = 'Année;Sexe;Nationalité\r\n2023;Femme;Côte d’Ivoire\r\n2024;Homme;Sénégal\r\n';

  it('reads UTF-16LE with BOM (Excel "Unicode text", tab separated)', async () => {
    const text = table.replaceAll(';', '\t');
    const path = write('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { source, rows } = await readAll(path);
    expect(source.format).toBe('txt');
    expect(source.encoding).toBe('utf-16le');
    expect(source.delimiter).toBe('\t');
    expect(rows.map((r) => r.cells)).toEqual([
      ['Année', 'Sexe', 'Nationalité'],
      ['2023', 'Femme', 'Côte d’Ivoire'],
      ['2024', 'Homme', 'Sénégal'],
    ]);
  });

  it('reads the committed UTF-16LE fixture (Excel "Texte Unicode": BOM, tabs, CRLF, quotes, multi-line cell)', async () => {
    const { source, rows } = await readAll(fixture('readers/unicode-text-utf16le.txt'));
    expect([source.format, source.encoding, source.delimiter]).toEqual(['txt', 'utf-16le', '\t']);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0].cells).toEqual(['Suivi 2023 — export Excel « Texte Unicode »']);
    expect(rows[1].cells).toEqual([]);
    expect(rows[2].cells[5]).toBe('Type d’exploitation');
    expect(rows[3].cells[4]).toBe('Côte d’Ivoire');
    expect(rows[4].cells[7]).toBe('Leboncoin, "annonces"');
    expect(rows[5].cells[7]).toBe('Vivastreet\nOnlyFans');
  });

  it('reads UTF-16BE with BOM', async () => {
    const le = Buffer.from(table, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1];
      be[i + 1] = le[i];
    }
    const { source, rows } = await readAll(write('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expect(source.encoding).toBe('utf-16be');
    expect(rows[2].cells).toEqual(['2024', 'Homme', 'Sénégal']);
  });

  it('reads Windows-1252 whose first accent comes after the 64 KB sample', async () => {
    const filler = 'x;y;z\r\n'.repeat(20_000);
    const path = write('late-accent.csv', iconv.encode(`${filler}2023;Femme;Côte d’Ivoire\r\n`, 'windows-1252'));
    const { source, rows } = await readAll(path);
    expect(rows).toHaveLength(20_001);
    expect(rows.at(-1)!.cells[2]).toBe('Côte d’Ivoire');
    expect(source.encoding).toBe('windows-1252');
  });

  it('refuses invalid UTF-8 in a file declared UTF-8 by its BOM, naming the line', async () => {
    const body = Buffer.concat([
      Buffer.from('\ufeffAnnée;Sexe\n2023;Femme\n2024;', 'utf8'),
      Buffer.from([0xe9, 0x0a]), // a Windows-1252 "é" inside a UTF-8 file
    ]);
    const err = await readError(write('mixed.csv', body));
    expect(err.code).toBe('invalid_encoding');
    expect(err.row).toBe(3);
    expect(err.text.en).toMatch(/UTF-8/);
  });

  it('refuses a UTF-16 file cut in the middle of a character', async () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;b\n1;2\n', 'utf16le'), Buffer.from([0x41])]);
    expect((await readError(write('cut16.csv', body))).code).toBe('invalid_encoding');
  });

  it('refuses bytes that are not Windows-1252 text', async () => {
    const body = Buffer.from([0x61, 0x3b, 0x62, 0x0d, 0x0a, 0xe9, 0x3b, 0x81, 0x0d, 0x0a]);
    const err = await readError(write('undefined-1252.csv', body));
    expect(err.code).toBe('invalid_encoding');
    expect(err.row).toBe(2);
  });
});

describe('delimiters and structure', () => {
  it.each([
    [';', 'a;b;c\n1;2;3\n'],
    [',', 'a,b,c\n1,2,3\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('detects %j', async (delimiter, text) => {
    const { source, rows } = await readAll(write(`d${text.length}${delimiter.charCodeAt(0)}.csv`, text));
    expect(source.delimiter).toBe(delimiter);
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('ignores delimiters inside quoted fields when voting', async () => {
    const text = 'name,notes\n"a;b;c;d","x;y;z"\n"e;f;g;h","u;v"\nq,r\n';
    const { source, rows } = await readAll(write('quoted-vote.csv', text));
    expect(source.delimiter).toBe(',');
    expect(rows[1].cells).toEqual(['a;b;c;d', 'x;y;z']);
  });

  it('numbers records by the line where they start, across CRLF line breaks in quotes', async () => {
    const text = 'id;note\r\n1;"line one\r\nline two\r\nline three"\r\n\r\n2;ok\r\n3;"a\nb"\r\n4;end';
    const { rows } = await readAll(write('multiline.csv', text));
    // Line breaks inside cells come out as LF, whatever the file used (the reader reads every ending as one).
    expect(rows.map((r) => [r.row, r.cells])).toEqual([
      [1, ['id', 'note']],
      [2, ['1', 'line one\nline two\nline three']],
      [5, []],
      [6, ['2', 'ok']],
      [7, ['3', 'a\nb']],
      [9, ['4', 'end']],
    ]);
  });

  it('reads LF, CRLF, old Mac CR and a mix of them, with a CRLF cut by a chunk boundary', async () => {
    // Put a CRLF across the first chunk boundary.
    const filler = 'x'.repeat(TEXT_CHUNK_BYTES - 'id;v\r\n1;'.length - 1);
    const text = `id;v\r\n1;${filler}\r\n2;b\n3;c\r4;"d\re"\r\n5;f`;
    const { rows } = await readAll(write('mixed-endings.csv', text), {
      limits: { maxRecordBytes: 1024 * 1024, maxCellLength: 1024 * 1024 },
    });
    expect(rows.map((r) => [r.row, r.cells[0], r.cells[1].length > 10 ? 'filler' : r.cells[1]])).toEqual([
      [1, 'id', 'v'],
      [2, '1', 'filler'],
      [3, '2', 'b'],
      [4, '3', 'c'],
      [5, '4', 'd\ne'],
      [7, '5', 'f'],
    ]);
  });

  it('yields ragged rows as they are', async () => {
    const { rows } = await readAll(write('ragged.csv', 'a;b;c\n1;2\n1;2;3;4;5\n'));
    expect(rows.map((r) => r.cells.length)).toEqual([3, 2, 5]);
  });

  it('reads a header-only file without a final line break', async () => {
    const { rows } = await readAll(write('header.csv', 'Année;Sexe;Âge'));
    expect(rows).toEqual([{ row: 1, cells: ['Année', 'Sexe', 'Âge'] }]);
  });

  it('refuses a file of blank lines as empty', async () => {
    expect((await readError(write('blank.csv', '\r\n \r\n\r\n'))).code).toBe('empty_file');
  });
});

describe('limits configuration', () => {
  it('reads limits from the environment, in the units operators write', () => {
    const limits = resolveLimits(
      { maxRows: 10 },
      {
        OBSERVATOIRE_IMPORT_MAX_FILE_MB: '120',
        OBSERVATOIRE_IMPORT_MAX_ROWS: '99',
        OBSERVATOIRE_IMPORT_XLSX_IDLE_TIMEOUT_S: '5',
      },
    );
    expect(limits.maxFileBytes).toBe(120 * 1024 * 1024);
    expect(limits.maxRows).toBe(10); // the caller wins over the environment
    expect(limits.xlsxIdleTimeoutMs).toBe(5000);
    expect(limits.maxCellLength).toBe(DEFAULT_READ_LIMITS.maxCellLength);
  });

  it('rejects a malformed limit loudly, naming the variable', () => {
    expect(() => limitsFromEnv({ OBSERVATOIRE_IMPORT_MAX_ROWS: 'lots' })).toThrow(/OBSERVATOIRE_IMPORT_MAX_ROWS/);
    expect(() => resolveLimits({ maxRows: -1 }, {})).toThrow(RangeError);
  });
});
