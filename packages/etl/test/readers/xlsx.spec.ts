import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  activeXlsxWorkers,
  xlsxWorkerTempDirs,
  excelSerialToDate,
  excelSerialToIsoDate,
  openTable,
} from '../../src/index.js';
import { columnLetter } from '../../src/readers/read-errors.js';
import { numberToText } from '../../workers/xlsx-cells.mjs';
import { fixture, peakGrowthDuring, readAll, readError, tempDir } from './helpers.js';
import { buildZip, readZipEntries, sheetXml, xlsxParts } from './zip-builder.js';

const write = tempDir();
// ~20 MB of distinct shared strings (UTF-16 in memory): within the archive limits, beyond a 16 MB worker heap.
const MEMORY_BOMB_STRINGS = 200_000;
const MEMORY_BOMB_HEAP_MB = 16;

describe('excelSerialToDate', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [43794, '2019-11-25'],
    [43794.99999999, '2019-11-26'],
    [45658.75, '2025-01-01'],
    [2958465, '9999-12-31'],
  ])('serial %d is %s (1900 system)', (serial, iso) => {
    expect(excelSerialToIsoDate(serial)).toBe(iso);
  });

  it('has no date for the fictitious 1900-02-29, for 0, negatives and beyond 9999', () => {
    for (const serial of [60, 0, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(excelSerialToDate(serial)).toBeUndefined();
    }
  });

  it('reads the 1904 date system', () => {
    expect(excelSerialToIsoDate(0, true)).toBe('1904-01-01');
    expect(excelSerialToIsoDate(42332, true)).toBe(excelSerialToIsoDate(42332 + 1462));
  });

  it('writes numbers as Excel shows them, without float noise', () => {
    expect(numberToText(0.1 + 0.2)).toBe('0.3');
    expect(numberToText(24)).toBe('24');
    expect(numberToText(-3.5)).toBe('-3.5');
    expect(numberToText(1 / 3)).toBe('0.333333333333333');
    expect(numberToText(123456789012)).toBe('123456789012');
  });
});

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('%i is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('XLSX sample', () => {
  it('reads the first sheet holding data, with title rows, blank row and Excel dates', async () => {
    const { source, rows } = await readAll(fixture('amarre-nantes-suivi.xlsx'));
    expect(source.format).toBe('xlsx');
    expect(source.sheetName).toBe('Victimes 2019-2024');
    // Two title rows, a blank row, the header, 155 cases.
    expect(rows).toHaveLength(159);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 159 }, (_, i) => i + 1));
    expect(rows[2].cells).toEqual([]);
    expect(rows[3].cells).toEqual([
      'Identifiant',
      'Date premier contact',
      'Genre',
      'Âge',
      'Nationalité',
      "Forme d'exploitation",
      'Canal de recrutement',
      'Plateforme',
    ]);
    expect(rows[4].cells.slice(0, 4)).toEqual(['AMA-0', '2019-11-25', 'Homme', '24']);
    expect(rows.slice(4).every((r) => /^20(19|2[0-4])-\d\d-\d\d$/.test(r.cells[1]))).toBe(true);
  });

  it('streams sheets from the archive without spooling them; the private temp directory goes with the reader', async () => {
    // The sample stores its sheets before the shared strings and the workbook part: read through the central
    // directory, nothing has to wait in a temp file.
    const source = await openTable({ path: fixture('amarre-nantes-suivi.xlsx') });
    const [dir] = xlsxWorkerTempDirs();
    expect(dir).toContain('observatoire-xlsx-');
    expect(readdirSync(dir)).toEqual([]);
    for await (const _ of source.rows) void _;
    expect(existsSync(dir)).toBe(false);
  });

  it('reads a named sheet, and names the available ones when it is missing', async () => {
    const { source, rows } = await readAll(fixture('amarre-nantes-suivi.xlsx'), { sheet: 'légende' });
    expect(source.sheetName).toBe('Légende');
    expect(rows.length).toBeGreaterThan(0);
    const err = await readError(fixture('amarre-nantes-suivi.xlsx'), { sheet: 'Feuil3' });
    expect(err.code).toBe('xlsx_sheet_not_found');
    expect(err.text.fr).toContain('Victimes 2019-2024');
  });

  it('refuses the PDF renamed .xlsx, saying it is a PDF', async () => {
    const err = await readError(fixture('bad/not-a-spreadsheet.xlsx'));
    expect(err.code).toBe('content_pdf');
    expect(err.text.en).toMatch(/this file is a PDF, not an Excel/i);
    expect(err.text.fr).toMatch(/PDF, pas un fichier Excel/);
  });
});

describe('XLSX archive order (exceljs#3064: its forward pass loses xl/workbook.xml when it is stored last)', () => {
  it('reads a workbook written by exceljs, which stores xl/workbook.xml last, the same way every time', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Vide');
    workbook.addWorksheet('Cas').addRows([
      ['Année', 'Canal'],
      [2024, 'Instagram'],
    ]);
    const path = write('workbook-last.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect((await readZipEntries(path)).at(-1)?.name).toBe('xl/workbook.xml');
    // exceljs's own reader failed about one read in forty here ("reading 'sheets'", or a lost spooled sheet).
    for (let i = 0; i < 25; i++) {
      const { source, rows } = await readAll(path);
      expect(source.sheetName).toBe('Cas');
      expect(rows).toEqual([
        { row: 1, cells: ['Année', 'Canal'] },
        { row: 2, cells: ['2024', 'Instagram'] },
      ]);
    }
  }, 120_000);

  it('takes the first sheet in tab order, not in archive order, and follows absolute relationship targets', async () => {
    const ns = 'http://schemas.openxmlformats.org';
    const parts = xlsxParts(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>archive first</t></is></c></row>'));
    const byName = (name: string) => parts.find((p) => p.name === name)!;
    byName('xl/workbook.xml').data = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Onglet 1" sheetId="2" r:id="rId2"/><sheet name="Onglet 2" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    byName('xl/_rels/workbook.xml.rels').data = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`,
    );
    parts.push({
      name: 'xl/worksheets/data.xml',
      data: Buffer.from(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>tab first</t></is></c></row>')),
    });
    const path = write('tab-order.xlsx', buildZip(parts));
    const first = await readAll(path);
    expect(first.source.sheetName).toBe('Onglet 1');
    expect(first.rows).toEqual([{ row: 1, cells: ['tab first'] }]);
    const second = await readAll(path, { sheet: 'Onglet 2' });
    expect(second.rows).toEqual([{ row: 1, cells: ['archive first'] }]);
  });
});

describe('XLSX cell values (workbook written by exceljs)', () => {
  it('converts dates, numbers, booleans, rich text, formulas and leaves blank rows in place', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Vide');
    const hidden = workbook.addWorksheet('Listes', { state: 'hidden' });
    hidden.getCell('A1').value = 'valeurs cachées';
    const sheet = workbook.addWorksheet('Cas');
    sheet.getCell('A1').value = 'Titre';
    sheet.getCell('A3').value = 'Date';
    sheet.getCell('B3').value = 'Nombre';
    sheet.getCell('C3').value = 'Texte';
    sheet.getCell('D3').value = 'Formule';
    sheet.getCell('E3').value = 'Sans résultat';
    sheet.getCell('A4').value = new Date(Date.UTC(2023, 4, 17));
    sheet.getCell('A4').numFmt = 'dd/mm/yyyy';
    sheet.getCell('B4').value = 0.1 + 0.2;
    sheet.getCell('C4').value = { richText: [{ text: 'Exploitation ' }, { font: { bold: true }, text: 'sexuelle' }] };
    sheet.getCell('D4').value = { formula: 'B4*10', result: 3 };
    sheet.getCell('E4').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    sheet.getCell('F4').value = true;
    sheet.getCell('A6').value = { formula: 'DATE(2024,1,31)', result: 45322 } as ExcelJS.CellFormulaValue;
    sheet.getCell('A6').numFmt = 'yyyy-mm-dd';
    sheet.getCell('B6').value = 24;
    const path = write('cells.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));

    const { source, rows } = await readAll(path);
    expect(source.sheetName).toBe('Cas');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[1].cells).toEqual([]);
    expect(rows[3].cells).toEqual(['2023-05-17', '0.3', 'Exploitation sexuelle', '3', '=NOW()', 'TRUE']);
    expect(rows[3].formulaCells).toEqual([4]);
    expect(rows[4].cells).toEqual([]);
    expect(rows[5].cells).toEqual(['2024-01-31', '24']);
    expect(rows[5].formulaCells).toBeUndefined();
    // The hidden sheet holds data but is only read when named.
    const named = await readAll(path, { sheet: 'Listes' });
    expect(named.rows).toEqual([{ row: 1, cells: ['valeurs cachées'] }]);
  });

  it('refuses a workbook whose sheets are all empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Feuil1');
    const path = write('empty.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect((await readError(path)).code).toBe('empty_file');
  });

  it('enforces the cell length and cells-per-row limits', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('A');
    sheet.getCell('A1').value = 'x'.repeat(200);
    sheet.getCell('B2').value = 'ok';
    sheet.getCell('AZ2').value = 'far';
    const path = write('limits.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const long = await readError(path, { limits: { maxCellLength: 100 } });
    expect([long.code, long.row, long.column]).toEqual(['cell_too_long', 1, 'A']);
    expect(long.text.fr).toContain('colonne A');
    const wide = await readError(path, { limits: { maxCellsPerRow: 10 } });
    expect([wide.code, wide.row]).toEqual(['too_many_cells', 2]);
  });

  it('reads a hand-built minimal xlsx (shared strings, rows out of the sheet XML)', async () => {
    const sst =
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Année</t></si><si><t>Sexe</t></si><si><t>Femme</t></si></sst>';
    const xml = sheetXml(
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row><row r="5"><c r="A5"><v>2023</v></c><c r="B5" t="s"><v>2</v></c></row>',
    );
    const path = write('minimal.xlsx', buildZip(xlsxParts(xml, sst)));
    const { rows } = await readAll(path);
    expect(rows).toEqual([
      { row: 1, cells: [] },
      { row: 2, cells: ['Année', 'Sexe'] },
      { row: 3, cells: [] },
      { row: 4, cells: [] },
      { row: 5, cells: ['2023', 'Femme'] },
    ]);
  });
});

describe('hostile XLSX', () => {
  const okSheet = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');

  it('refuses a central directory declaring a huge decompressed size', async () => {
    const parts = xlsxParts(okSheet);
    parts.push({ name: 'xl/media/big.bin', data: Buffer.alloc(10), declaredSize: 3_000_000_000 });
    const err = await readError(write('declared-bomb.xlsx', buildZip(parts)));
    expect(err.code).toBe('xlsx_decompressed_too_large');
  });

  it('refuses an honest but extreme compression ratio (zip bomb)', async () => {
    const parts = xlsxParts(okSheet);
    parts.push({ name: 'xl/media/zeros.bin', data: Buffer.alloc(20 * 1024 * 1024) });
    const err = await readError(write('ratio-bomb.xlsx', buildZip(parts)));
    expect(err.code).toBe('xlsx_compression_ratio');
  });

  it('refuses an entry that inflates past the size it declares (a bomb that lies)', async () => {
    const parts = xlsxParts(okSheet);
    parts.push({ name: 'xl/media/liar.bin', data: Buffer.alloc(8 * 1024 * 1024, 7), declaredSize: 1000 });
    const err = await readError(write('lying-bomb.xlsx', buildZip(parts)));
    expect(err.code).toBe('xlsx_inconsistent_archive');
  });

  it('refuses a sheet that inflates past its declared size even within the ratio', async () => {
    const parts = xlsxParts(okSheet).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: p.data.length - 10 } : p,
    );
    expect((await readError(write('lying-sheet.xlsx', buildZip(parts)))).code).toBe('xlsx_inconsistent_archive');
  });

  it('refuses encrypted entries', async () => {
    const parts = xlsxParts(okSheet).map((p) => (p.name === 'xl/workbook.xml' ? { ...p, flags: 1 } : p));
    expect((await readError(write('encrypted.xlsx', buildZip(parts)))).code).toBe('xlsx_encrypted');
  });

  it('refuses local headers that disagree with the central directory', async () => {
    const sized = xlsxParts(okSheet).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, localDeclaredSize: 5 } : p,
    );
    expect((await readError(write('disagree-size.xlsx', buildZip(sized)))).code).toBe('xlsx_inconsistent_archive');
    const renamed = xlsxParts(okSheet).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, localName: 'xl/worksheets/sheet9.xml' } : p,
    );
    expect((await readError(write('disagree-name.xlsx', buildZip(renamed)))).code).toBe('xlsx_inconsistent_archive');
  });

  it('refuses too many entries', async () => {
    const parts = xlsxParts(okSheet);
    for (let i = 0; i < 30; i++) parts.push({ name: `xl/media/p${i}.bin`, data: Buffer.from('x') });
    const err = await readError(write('entries.xlsx', buildZip(parts)), { limits: { maxEntries: 20 } });
    expect(err.code).toBe('xlsx_too_many_entries');
  });

  it('names zips that are not workbooks: Word document, OpenDocument spreadsheet', async () => {
    const docx = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    expect((await readError(write('letter.xlsx', docx))).code).toBe('content_zip_not_xlsx');
    const ods = buildZip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true },
      { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
    ]);
    expect((await readError(write('calc.xlsx', ods))).code).toBe('content_ods');
    expect((await readError(write('calc.csv', ods))).code).toBe('content_ods');
  });

  it('refuses a legacy .xls (OLE2) with advice to save as .xlsx or CSV', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    const err = await readError(write('old.xlsx', ole));
    expect(err.code).toBe('content_legacy_xls');
    expect(err.text.fr).toMatch(/\.xlsx ou CSV/);
  });

  it('refuses a truncated workbook', async () => {
    const sample = readFileSync(fixture('amarre-nantes-suivi.xlsx'));
    const err = await readError(write('truncated.xlsx', sample.subarray(0, Math.floor(sample.length / 2))));
    expect(err.code).toBe('xlsx_corrupt');
    // Says what is wrong and what to do in the user's language, without the zip library's English in brackets.
    expect(err.text.fr).toMatch(
      /endommagé ou incomplet.*enregistrez-le à nouveau au format \.xlsx.*exportez à nouveau/,
    );
    expect(err.text.en).toMatch(/damaged or incomplete.*save it again as \.xlsx.*export your cases again/);
    const detail = (err.cause as Error).message;
    expect(detail).toMatch(/\w/);
    expect(err.text.fr).not.toContain(detail);
    expect(err.text.fr).not.toMatch(/central directory|signature|zip/i);
  });

  it('refuses a CSV renamed .xlsx, and an xlsx renamed .csv', async () => {
    expect((await readError(write('table.xlsx', 'a;b\n1;2\n'))).code).toBe('content_text_not_xlsx');
    const sample = readFileSync(fixture('amarre-nantes-suivi.xlsx'));
    expect((await readError(write('book.csv', sample))).code).toBe('content_xlsx_renamed');
  });

  it('a workbook built to exhaust memory kills the capped worker, not this process', async () => {
    const strings: string[] = [];
    for (let i = 0; i < MEMORY_BOMB_STRINGS; i++)
      strings.push(`<si><t>${i.toString(36).padStart(8, '0')}${'é'.repeat(40)}</t></si>`);
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.join('')}</sst>`;
    const path = write('memory-bomb.xlsx', buildZip(xlsxParts(okSheet, sst)));
    const { result: err, growth } = await peakGrowthDuring(() =>
      readError(path, { limits: { xlsxWorkerMemoryMb: MEMORY_BOMB_HEAP_MB } }),
    );
    expect(err.code).toBe('xlsx_out_of_memory');
    expect(activeXlsxWorkers()).toBe(0);
    // The parent's heap did not absorb the workbook (its archive check streams entries without keeping them).
    expect(growth).toBeLessThan(32 * 1024 * 1024);
  }, 60_000);

  it('stops the worker when the consumer stops early', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Big');
    for (let i = 1; i <= 6_000; i++) sheet.addRow([i, `cas ${i}`]);
    const path = write('big.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const source = await openTable({ path });
    expect(activeXlsxWorkers()).toBe(1);
    let seen = 0;
    for await (const row of source.rows) {
      seen = row.row;
      if (seen === 10) break;
    }
    expect(seen).toBe(10);
    expect(activeXlsxWorkers()).toBe(0);

    // A source opened then abandoned (never iterated) is released by close().
    const abandoned = await openTable({ path });
    expect(activeXlsxWorkers()).toBe(1);
    await abandoned.close();
    expect(activeXlsxWorkers()).toBe(0);
  }, 60_000);
});
