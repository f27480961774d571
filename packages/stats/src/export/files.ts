import type { Locale } from '@observatoire/schema';
import type { Db } from '../db.js';
import { getSeries, getYearlySummary } from '../queries.js';
import { getRelease } from '../release/read.js';
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
