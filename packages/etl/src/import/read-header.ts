import { detectHeaderRow, HEADER_SEARCH_ROWS, isBlankRow } from '../mapping/header-row.js';
import { msg } from '../messages.js';
import { openTable, type RawRow } from '../readers/index.js';
import { issue, stop, type ImportState, type Stop } from './state.js';

/** The file's header, and the way on to its data rows. */
export interface Header {
  headers: string[];
  /** Data rows read while looking for the header: the rows below it, or a JSON file's first batch. */
  firstRows: RawRow[];
  /** The next batch of rows, or null at the end of the file. */
  nextBatch(): Promise<RawRow[] | null>;
  /** JSON records as cells in the header's order; null for the other formats, whose rows are cells already. */
  toCells: ((r: RawRow) => string[]) | null;
}

/**
 * Stage 1, read the header: opens the file (the reader's refusals surface as `EtlError`) and finds its header among
 * the first rows, or the profile's header row. Stops when there is none (an empty file, or no row naming two known
 * fields).
 */
export async function readHeader(s: ImportState): Promise<Header | Stop> {
  const { input, profile } = s;
  const source = await openTable(
    { path: input.file, fileName: s.fileName },
    { ...(profile?.sheet && { sheet: profile.sheet }), ...(input.limits && { limits: input.limits }) },
  );
  s.draft.source = source;
  s.open.source = source;
  // The batches are driven by hand; `loadFile` closes the source whatever happens.
  const batches = source.batches[Symbol.asyncIterator]();
  const nextBatch = async () => {
    const r = await batches.next();
    return r.done ? null : r.value;
  };
  if (source.format === 'json' || source.format === 'ndjson') {
    // Every JSON record carries its keys: the header is the union of the keys of the first batch (in first-seen
    // order; a key first seen later is not mapped), and rows are data from the first one.
    const json = jsonRowsAdapter();
    const firstRows = (await nextBatch()) ?? [];
    for (const r of firstRows) json.toCells(r);
    return { headers: [...json.headers], firstRows, nextBatch, toCells: json.toCells };
  }
  const head: RawRow[] = [];
  const rest: RawRow[] = [];
  while (head.length < HEADER_SEARCH_ROWS) {
    const batch = await nextBatch();
    if (!batch) break;
    for (const r of batch) (head.length < HEADER_SEARCH_ROWS ? head : rest).push(r);
  }
  const at = headerIndex(head, profile?.headerRow);
  if (at === null) {
    return head.every((r) => isBlankRow(r.cells))
      ? stop('failed', [issue('empty_file', 'error', msg.noData())])
      : stop('failed', [issue('header_not_found', 'error', msg.noHeader())]);
  }
  s.draft.headerRow = head[at].row;
  return {
    headers: head[at].cells.map((c) => c ?? ''),
    firstRows: [...head.slice(at + 1), ...rest],
    nextBatch,
    toCells: null,
  };
}

/** Index in `head` of the header row: the profile's, or the one detected. */
function headerIndex(head: readonly RawRow[], profileRow: number | undefined): number | null {
  if (!profileRow) return detectHeaderRow(head);
  const at = head.findIndex((r) => r.row === profileRow);
  return at < 0 ? null : at;
}

/** Turns JSON records into header + cells rows (keys of the first record, then any new key appended). */
function jsonRowsAdapter() {
  const headers: string[] = [];
  const index = new Map<string, number>();
  const toCells = (r: RawRow): string[] => {
    const rec = r.record ?? {};
    for (const k of Object.keys(rec)) {
      if (!index.has(k)) {
        index.set(k, headers.length);
        headers.push(k);
      }
    }
    const cells = new Array<string>(headers.length).fill('');
    for (const [k, v] of Object.entries(rec)) cells[index.get(k)!] = cellText(v);
    return cells;
  };
  return { headers, toCells };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(String).join('|');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
