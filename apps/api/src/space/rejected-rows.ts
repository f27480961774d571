import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { openTable } from '@observatoire/etl';
import type { ImportIssue, ImportReport } from '@observatoire/schema';
import { csvOptions, spreadsheetCell, UTF8_BOM } from '@observatoire/stats';

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
 * The rejected rows of an upload as a CSV to fix in a spreadsheet and upload again: the original columns (read
 * again from the stored file, so nothing is re-typed) plus row number, column, value and message. UTF-8 with a
 * BOM and `;` so French Excel opens it right; every text cell formula-safe, since the values are the uploader's
 * raw input. Without the stored file (deleted), only the four report columns are written.
 */
export function rejectedRowsCsv(
  report: Pick<ImportReport, 'errors' | 'headerRow' | 'fileName'>,
  storedFile: string | null,
  lang: CsvLang,
): Readable {
  const rejected = rejectedByRow(report);
  const out = new PassThrough();
  out.write(UTF8_BOM);
  const csv = stringify(csvOptions(';'));
  csv.pipe(out);
  const safe = (cells: unknown[]) => cells.map(spreadsheetCell);

  const wanted = new Map(rejected.map((r) => [r.row, r]));
  const lastRow = rejected.length ? rejected[rejected.length - 1].row : 0;
  let header: string[] | null = null;
  const writeHeader = (cells: string[]) => {
    header = cells;
    csv.write(safe([...cells, ...EXTRA_COLUMNS[lang]]));
  };

  async function readOriginalRows(file: string): Promise<void> {
    const source = await openTable({ path: file, fileName: file });
    let jsonKeys: string[] | null = null;
    for await (const raw of source.rows) {
      let cells = raw.cells;
      if (raw.record) {
        jsonKeys ??= Object.keys(raw.record);
        if (!header) writeHeader(jsonKeys);
        cells = jsonKeys.map((k) => {
          const v = raw.record?.[k];
          return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
        });
      } else if (raw.row === report.headerRow) {
        writeHeader(raw.cells);
        continue;
      }
      const hit = wanted.get(raw.row);
      if (hit) {
        const width = Math.max(header?.length ?? 0, cells.length);
        csv.write(
          safe([...Array.from({ length: width }, (_, i) => cells[i] ?? ''), raw.row, ...describe(hit.issues, lang)]),
        );
        wanted.delete(raw.row);
      }
      // Leaving the loop releases the file (and stops an XLSX worker).
      if (raw.row >= lastRow) break;
    }
  }

  const fill = async () => {
    if (storedFile && rejected.length > 0) {
      try {
        await readOriginalRows(storedFile);
      } catch {
        // An unreadable file ends the original columns here; the remaining rows come from the report below.
      }
    }
    if (!header) writeHeader([]);
    const width = (header as string[] | null)?.length ?? 0;
    // Rows the file no longer gave back (file deleted or unreadable) are still listed, from the report alone.
    for (const r of wanted.values()) {
      csv.write(safe([...Array.from({ length: width }, () => ''), r.row, ...describe(r.issues, lang)]));
    }
    csv.end();
  };
  fill().catch((err) => out.destroy(err as Error));
  return out;
}
