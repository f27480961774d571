import type { Readable } from 'node:stream';
import type { ImportIssue, ImportReport, RejectedRows } from '@observatoire/schema';
import { csvStream } from '@observatoire/formats';

export type CsvLang = 'fr' | 'en';

const EXTRA_COLUMNS: Record<CsvLang, string[]> = {
  fr: ['ligne', 'colonne', 'valeur', 'message'],
  en: ['row', 'column', 'value', 'message'],
};

interface Rejected {
  row: number;
  issues: ImportIssue[];
}

/** The report's row errors grouped by source row, in row order (one CSV line per rejected row). */
export function rejectedByRow(report: Pick<ImportReport, 'errors'> | null): Rejected[] {
  const byRow = new Map<number, ImportIssue[]>();
  for (const issue of report?.errors ?? []) {
    if (typeof issue.row !== 'number') continue;
    byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
  }
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([row, issues]) => ({ row, issues }));
}

function describe(issues: ImportIssue[], lang: CsvLang): string[] {
  const join = (values: (string | undefined)[]) => values.filter((v) => v !== undefined && v !== '').join(' | ');
  return [
    join(issues.map((i) => (i.column === undefined ? undefined : String(i.column)))),
    join(issues.map((i) => i.rawValue)),
    join(issues.map((i) => i.message[lang])),
  ];
}

/**
 * The rejected rows of an upload as a CSV to fix in a spreadsheet and upload again: the coded columns kept at import
 * time (`rejected_rows`: never an id, a date or free text; the raw file itself is not kept) plus row number, column,
 * value and message. Written in the French spreadsheet dialect in both languages (docs/open-data.md: `;`, UTF-8
 * with a BOM), like the association's own files it is fixed in and uploaded again; every text cell formula-safe,
 * since the values are the uploader's raw input. Rows whose cells were not kept (past their retention period, or found
 * as duplicates after reading) are listed from the report alone.
 */
export function rejectedRowsCsv(
  report: Pick<ImportReport, 'errors'>,
  kept: RejectedRows | null,
  lang: CsvLang,
): Readable {
  const rejected = rejectedByRow(report);
  const header = kept?.columns ?? [];
  const cellsOf = new Map((kept?.rows ?? []).map((r) => [r.row, r.cells]));
  const csv = csvStream([...header, ...EXTRA_COLUMNS[lang]], 'fr');
  for (const r of rejected) {
    const cells = cellsOf.get(r.row) ?? [];
    csv.write([...header.map((_, i) => cells[i] ?? ''), r.row, ...describe(r.issues, lang)]);
  }
  csv.end();
  return csv;
}
