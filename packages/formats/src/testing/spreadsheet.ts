/**
 * The formula-injection regression kit shared by every workspace's tests (`@observatoire/formats/testing`): the
 * payloads, and checks that read a CSV back with a real CSV parser and a workbook with exceljs, the way a
 * spreadsheet or a script would, then look for any cell or line inside a cell that would start a formula.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * One payload per trigger (= + - @, tab, CR, their full-width forms), the same triggers after a line break
 * inside the cell (LF, CRLF, CR: finding 5 of issue 12), and cells with the delimiters and quotes a writer must
 * quote. The last one is a genuine multi-line note that must stay one cell.
 */
export const FORMULA_PAYLOADS: readonly string[] = [
  "=cmd|' /C calc'!A0",
  '+1+cmd',
  '-1+cmd',
  '@SUM(1+1)*cmd',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  '＋1+1',
  '－1+1',
  '＠SUM(1)',
  "x\n=cmd|' /C calc'!A0",
  'x\r\n+1+cmd',
  'x\r-1+cmd',
  'x\n@SUM(1)',
  'x\n\t=1+1',
  'x\n＝1+1',
  'a;b,c"d\n=1+1',
  'Suivi en cours\nligne 2, "citée"; fin',
];

/** A value a spreadsheet reads as a plain number ("-4", "12,5"): never a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const TRIGGER = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;

/** The lines of a cell (a formula can start on any of them) that would start a formula. */
export function formulaLines(cell: string): string[] {
  if (PLAIN_NUMBER.test(cell)) return [];
  return cell.split(/\r\n|\r|\n/).filter((line, i) => (i === 0 ? TRIGGER.test(cell) : TRIGGER.test(line)));
}

/**
 * A CSV read back as a spreadsheet would: BOM dropped, quotes and line breaks inside quoted cells honoured, and
 * any line break outside quotes (CRLF, LF or CR alone, as Excel and LibreOffice take them) ending a record.
 */
export function parseCsv(text: string | Buffer, delimiter: ',' | ';'): string[][] {
  return parse(text, {
    bom: true,
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: false,
    relax_column_count: true,
  }) as string[][];
}

/** Every cell of a CSV that would start a formula, at its start or on a line inside it, with where it is. */
export function csvFormulaCells(text: string | Buffer, delimiter: ',' | ';'): string[] {
  const found: string[] = [];
  parseCsv(text, delimiter).forEach((row, r) =>
    row.forEach((cell, c) => {
      if (formulaLines(cell).length) found.push(`row ${r + 1}, column ${c + 1}: ${JSON.stringify(cell)}`);
    }),
  );
  return found;
}

async function cellsOf(xlsx: Buffer | Uint8Array): Promise<{ where: string; cell: ExcelJS.Cell }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
  const cells: { where: string; cell: ExcelJS.Cell }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) => row.eachCell((cell, c) => cells.push({ where: `${ws.name}!R${r}C${c}`, cell })));
  }
  return cells;
}

/** Every formula cell and every text cell that would start one, in every sheet of a workbook (read with exceljs). */
export async function workbookFormulaCells(xlsx: Buffer | Uint8Array): Promise<string[]> {
  return (await cellsOf(xlsx)).flatMap(({ where, cell }) => {
    if (cell.type === ExcelJS.ValueType.Formula) return [`${where}: formula`];
    if (typeof cell.value === 'string' && formulaLines(cell.value).length)
      return [`${where}: ${JSON.stringify(cell.value)}`];
    return [];
  });
}

/** The values of every cell of every sheet, for checking that a payload came out as one (escaped) cell. */
export async function workbookValues(xlsx: Buffer | Uint8Array): Promise<ExcelJS.CellValue[]> {
  return (await cellsOf(xlsx)).map(({ cell }) => cell.value);
}
