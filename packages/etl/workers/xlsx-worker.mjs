// XLSX parsing worker. Runs exceljs's streaming reader in a worker thread whose heap is capped by the parent
// (resourceLimits), so a workbook built to exhaust memory kills this thread, not the server. Rows go back in
// batches with credit-based flow control: the worker never runs more than a few batches ahead of the consumer.
//
// Protocol (worker -> parent): { type: 'meta', sheetName } once the sheet is chosen, { type: 'rows', rows }*,
// then { type: 'end' } or { type: 'error', kind, ... }. Parent -> worker: { type: 'credit', n }.
import { posix } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
// Only the streaming reader: loading the whole of exceljs would add its start-up time to every import.
import WorkbookReader from 'exceljs/lib/stream/xlsx/workbook-reader.js';
import WorksheetReader from 'exceljs/lib/stream/xlsx/worksheet-reader.js';
import iterateStream from 'exceljs/lib/utils/iterate-stream.js';
import yauzl from 'yauzl';
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

function openZip(file) {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    ),
  );
}

function listEntries(zip) {
  return new Promise((resolve, reject) => {
    const entries = new Map();
    zip.on('entry', (entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function entryStream(zip, entry) {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))),
  );
}

/** A relationship target of xl/workbook.xml as an archive path ("worksheets/sheet1.xml" or "/xl/worksheets/…"). */
function partPath(target) {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

/**
 * The workbook's sheets in tab order, each as exceljs's streaming WorksheetReader. exceljs's own WorkbookReader
 * reads the archive in one forward pass and, on Node 18 and later, sometimes loses the last entry (exceljs#3064):
 * workbooks that store xl/workbook.xml last (exceljs's and others') then fail at random ("reading 'sheets'") or
 * lose their spooled sheets. Here the archive is read through its central directory (already checked by the
 * parent): relationships, workbook, shared strings and styles first, then each sheet streamed straight from the
 * archive, with nothing spooled to disk. The parts are still parsed by exceljs's own code.
 */
async function* sheetsInTabOrder(file) {
  const zip = await openZip(file);
  try {
    const entries = await listEntries(zip);
    const reader = new WorkbookReader(file, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    const open = async (name) => (entries.has(name) ? entryStream(zip, entries.get(name)) : undefined);
    const rels = await open('xl/_rels/workbook.xml.rels');
    if (rels) await reader._parseRels(rels);
    reader.workbookRels ??= [];
    const book = await open('xl/workbook.xml');
    if (!book) throw new Error('xl/workbook.xml is missing');
    await reader._parseWorkbook(book);
    const related = (type, fallback) => {
      const rel = reader.workbookRels.find((r) => typeof r.Type === 'string' && r.Type.endsWith(`/${type}`));
      return rel ? partPath(rel.Target) : fallback;
    };
    const strings = await open(related('sharedStrings', 'xl/sharedStrings.xml'));
    if (strings) for await (const _ of reader._parseSharedStrings(strings));
    reader.sharedStrings ??= [];
    const styles = await open(related('styles', 'xl/styles.xml'));
    if (styles) await reader._parseStyles(styles);

    for (const sheet of reader.model?.sheets ?? []) {
      const rel = reader.workbookRels.find((r) => r.Id === sheet.rId);
      const entry = rel && entries.get(partPath(rel.Target));
      if (!entry) continue;
      const worksheet = new WorksheetReader({
        workbook: reader,
        id: sheet.id,
        iterator: iterateStream(await entryStream(zip, entry)),
        options: reader.options,
      });
      worksheet.name = sheet.name;
      worksheet.state = sheet.state;
      yield { worksheet, reader };
    }
  } finally {
    zip.close();
  }
}

async function main() {
  const seen = [];
  for await (const { worksheet, reader } of sheetsInTabOrder(path)) {
    const date1904 = () => Boolean(reader.properties?.model?.date1904 ?? reader.model?.properties?.date1904);
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
