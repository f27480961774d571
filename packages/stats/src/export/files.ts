import type { Locale } from '@observatoire/schema';
import type { Db } from '../db.js';
import { getSeries, getYearlySummary } from '../queries.js';
import { getRelease, loadReleaseData } from '../release/read.js';
import { allYearsCodesCsv, allYearsCsv, allYearsNames, allYearsRows, allYearsZip } from './all-years.js';
import { allYearsXlsx } from './all-years-xlsx.js';
import { CSV_CONTENT_TYPE } from '@observatoire/formats';
import { summaryCsv } from './csv.js';
import { summaryPdf } from './pdf.js';
import { summaryXlsx } from './xlsx.js';

export type SummaryFormat = 'csv' | 'xlsx' | 'json' | 'pdf';

export const SUMMARY_CONTENT_TYPES: Record<SummaryFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * One downloadable file of a release's yearly summary, ready to send (the API's controller only sets headers).
 * Releases never change, so the bytes for (release, year, format, lang) never change either: cache them freely.
 */
export async function summaryFile(
  db: Db,
  releaseRef: string,
  year: number,
  format: SummaryFormat,
  lang: Locale = 'fr',
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const release = await getRelease(db, releaseRef);
  const summary = await getYearlySummary(db, release.id, year);
  const fileName = `observatoire-${release.slug}-${year}-${lang}.${format}`;
  let body: Buffer;
  if (format === 'csv') body = Buffer.from(summaryCsv(summary, lang), 'utf8');
  else if (format === 'xlsx') body = await summaryXlsx(summary, lang, { releaseSlug: release.slug });
  else if (format === 'json') body = Buffer.from(JSON.stringify(summary), 'utf8');
  else {
    const series = await getSeries(db, release.id, { dimension: 'recruitmentChannelGroup', codes: ['online'] });
    body = await summaryPdf(summary, lang, {
      series,
      releaseSlug: release.slug,
      releaseTitle: release.title,
      demo: release.demo,
    });
  }
  return { body, contentType: SUMMARY_CONTENT_TYPES[format], fileName };
}

/** The multi-year files of a release (all-years.ts). */
export const ALL_YEARS_FILES = ['all-years.csv', 'all-years-codes.csv', 'all-years.xlsx', 'all-years.zip'] as const;
export type AllYearsFile = (typeof ALL_YEARS_FILES)[number];

/**
 * One multi-year file of a release, from its stored cells only: the CSV in the language's dialect, the codes file,
 * the workbook, or the zip of all of them with README and datapackage.json. `homepage` is the datapackage's link.
 */
export async function allYearsFile(
  db: Db,
  releaseRef: string,
  file: AllYearsFile,
  lang: Locale = 'fr',
  homepage?: string,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const data = await loadReleaseData(db, releaseRef);
  const rows = allYearsRows(data);
  const names = allYearsNames(data.release.slug);
  switch (file) {
    case 'all-years.csv':
      return { body: Buffer.from(allYearsCsv(rows, lang)), contentType: CSV_CONTENT_TYPE, fileName: names.csv(lang) };
    case 'all-years-codes.csv':
      return {
        body: Buffer.from(allYearsCodesCsv(rows, data.release)),
        contentType: CSV_CONTENT_TYPE,
        fileName: names.codes,
      };
    case 'all-years.xlsx':
      return {
        body: await allYearsXlsx(data.release, rows, lang),
        contentType: SUMMARY_CONTENT_TYPES.xlsx,
        fileName: names.xlsx(lang),
      };
    case 'all-years.zip':
      return {
        body: await allYearsZip(data, lang, await allYearsXlsx(data.release, rows, lang), homepage),
        contentType: 'application/zip',
        fileName: names.zip(lang),
      };
  }
}
