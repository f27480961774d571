import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { DemoExport } from '../src/demo/index.js';

/** One export read back with independent parsers (csv-parse, exceljs), as a spreadsheet user would see it. */
export interface ReadBack {
  /** Every non-empty row above the header (title and notice rows). */
  preamble: string[][];
  header: string[];
  /** Data rows, keyed by header; TOTAL rows excluded and counted apart. */
  rows: Array<Record<string, string | number | Date | null>>;
  totalRows: string[][];
  /** Every cell of every sheet as text, for pattern scans. */
  allText: string[];
  /** Sheet names of a workbook (empty for CSV). */
  sheets: string[];
  /** Raw bytes of the file. */
  bytes: Buffer;
}

const HEADER_FIRST_CELLS = new Set(['N° dossier', 'Identifiant', 'case_id']);

export async function readExport(e: DemoExport): Promise<ReadBack> {
  const bytes = await readFile(e.file);
  if (e.format === 'xlsx') return readXlsx(bytes);
  let text: string;
  let delimiter: string;
  if (e.format === 'csv-cp1252') {
    text = iconv.decode(bytes, 'win1252');
    delimiter = ';';
  } else {
    if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error(`${e.file}: no UTF-8 BOM`);
    text = bytes.subarray(3).toString('utf8');
    delimiter = ',';
  }
  const records: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true });
  const headerIndex = records.findIndex((r) => HEADER_FIRST_CELLS.has(r[0]));
  if (headerIndex < 0) throw new Error(`${e.file}: header not found`);
  const header = records[headerIndex];
  const rows: ReadBack['rows'] = [];
  const totalRows: string[][] = [];
  for (const record of records.slice(headerIndex + 1)) {
    if (record.some((cell) => cell === 'TOTAL')) {
      totalRows.push(record);
      continue;
    }
    if (record.length !== header.length) throw new Error(`${e.file}: row with ${record.length} cells: ${record}`);
    rows.push(Object.fromEntries(header.map((h, i) => [h, record[i]])));
  }
  return {
    preamble: records.slice(0, headerIndex),
    header,
    rows,
    totalRows,
    allText: records.flat(),
    sheets: [],
    bytes,
  };
}

function cellValue(v: ExcelJS.CellValue): string | number | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  throw new Error(`unexpected cell value ${JSON.stringify(v)}`);
}

async function readXlsx(bytes: Buffer): Promise<ReadBack> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const allText: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => allText.push(cell.value instanceof Date ? cell.value.toISOString() : String(cell.value)));
    });
  }
  const sheet = workbook.worksheets[0];
  const grid: Array<Array<string | number | Date | null>> = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Array<string | number | Date | null> = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellValue(row.getCell(c).value));
    grid[n - 1] = cells;
  });
  const headerIndex = grid.findIndex((r) => r && HEADER_FIRST_CELLS.has(String(r[0])));
  if (headerIndex < 0) throw new Error('header not found');
  const header = grid[headerIndex].map((h) => String(h ?? ''));
  const rows = grid
    .slice(headerIndex + 1)
    .filter((r) => r && r.some((c) => c !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
  return {
    preamble: grid
      .slice(0, headerIndex)
      .filter((r) => r && r.some((c) => c !== null))
      .map((r) => r.filter((c) => c !== null).map(String)),
    header,
    rows,
    totalRows: [],
    allText,
    sheets: workbook.worksheets.map((s) => s.name),
    bytes,
  };
}
