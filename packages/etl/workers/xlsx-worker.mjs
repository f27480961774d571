// XLSX parsing worker. Runs exceljs's streaming reader in a worker thread whose heap is capped by the parent
// (resourceLimits), so a workbook built to exhaust memory kills this thread, not the server. Rows go back in
// batches with credit-based flow control: the worker never runs more than a few batches ahead of the consumer.
//
// Protocol (worker -> parent): { type: 'meta', sheetName } once the sheet is chosen, { type: 'rows', rows }*,
// then { type: 'end' } or { type: 'error', kind, ... }. Parent -> worker: { type: 'credit', n }.
import { parentPort, workerData } from 'node:worker_threads';
// Only the streaming reader: loading the whole of exceljs costs twice the start-up time of every import.
import WorkbookReader from 'exceljs/lib/stream/xlsx/workbook-reader.js';
import { cellToText } from './xlsx-cells.mjs';

const { path, sheet, limits, batchSize, initialCredits } = workerData;

let credits = initialCredits;
let wake;
parentPort.on('message', (message) => {
  if (message && message.type === 'credit') {
    credits += message.n;
    if (wake) {
      const resume = wake;
      wake = undefined;
      resume();
    }
  }
});

class Stop extends Error {
  constructor(payload) {
    super(payload.kind);
    this.payload = payload;
  }
}

let batch = [];
let rowCount = 0;

async function flush() {
  if (batch.length === 0) return;
  while (credits <= 0) await new Promise((resolve) => (wake = resolve));
  credits--;
  parentPort.postMessage({ type: 'rows', rows: batch });
  batch = [];
}

async function push(row) {
  if (++rowCount > limits.maxRows) throw new Stop({ kind: 'too_many_rows', row: row.row });
  batch.push(row);
  if (batch.length >= batchSize) await flush();
}

function rowCells(row, date1904) {
  const values = row.values;
  // exceljs row.values is 1-based and sparse; trailing empty cells are dropped below.
  if (values.length - 1 > limits.maxCellsPerRow)
    throw new Stop({ kind: 'too_many_cells', row: row.number, count: values.length - 1 });
  const cells = [];
  let formulaCells;
  let last = 0;
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    const isFormula = value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value);
    const { text, formula } = cellToText(value, isFormula ? row.getCell(i).numFmt : undefined, date1904);
    if (text.length > limits.maxCellLength)
      throw new Stop({ kind: 'cell_too_long', row: row.number, column: i, value: text.slice(0, 200) });
    cells.push(text);
    if (formula) (formulaCells ??= []).push(i - 1);
    if (text !== '') last = i;
  }
  cells.length = last;
  return { cells, formulaCells: formulaCells?.filter((c) => c < last) };
}

function sheetMatches(name, wanted) {
  return name === wanted || name.trim().toLowerCase() === wanted.trim().toLowerCase();
}

/** Streams one sheet; returns false (having sent nothing) when it holds no data. */
async function readSheet(worksheet, name, date1904) {
  let started = false;
  let last = 0;
  for await (const row of worksheet) {
    const { cells, formulaCells } = rowCells(row, date1904());
    if (!started) {
      if (cells.length === 0) continue;
      started = true;
      parentPort.postMessage({ type: 'meta', sheetName: name });
    }
    // Rows absent from the sheet XML are blank rows: yield them so every row number is accounted for.
    for (let r = last + 1; r < row.number; r++) await push({ row: r, cells: [] });
    const out = { row: row.number, cells };
    if (formulaCells && formulaCells.length > 0) out.formulaCells = formulaCells;
    await push(out);
    if (row.number > last) last = row.number;
  }
  if (!started) return false;
  await flush();
  return true;
}

async function main() {
  const reader = new WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const date1904 = () => Boolean(reader.properties?.model?.date1904 ?? reader.model?.properties?.date1904);
  const seen = [];
  for await (const worksheet of reader) {
    const name = worksheet.name ?? `Sheet${worksheet.id}`;
    seen.push(name);
    if (sheet !== undefined && !sheetMatches(name, sheet)) continue;
    // A hidden sheet (lookup tables, old data) is read only when asked for by name.
    if (sheet === undefined && worksheet.state && worksheet.state !== 'visible') continue;
    if (await readSheet(worksheet, name, date1904)) {
      parentPort.postMessage({ type: 'end' });
      return;
    }
    if (sheet !== undefined) throw new Stop({ kind: 'empty' });
  }
  throw new Stop(sheet !== undefined ? { kind: 'sheet_not_found', name: sheet, available: seen } : { kind: 'empty' });
}

main()
  .catch((err) => {
    const payload =
      err instanceof Stop
        ? err.payload
        : { kind: 'corrupt', detail: String((err && err.message) || err).slice(0, 300) };
    parentPort.postMessage({ type: 'error', ...payload });
  })
  .finally(() => parentPort.close());
