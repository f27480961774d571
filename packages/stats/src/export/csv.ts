import type { Locale, YearlySummary } from '@observatoire/schema';
import { writeCsv, type CsvValue } from '@observatoire/formats';
import { T, breakdownRows, comparisonNotes, keyFigureRows, valueOf, withheldNote } from './table.js';

/**
 * The yearly summary as one CSV in the language's dialect (csv-writer.ts: French `;`, decimal comma and BOM;
 * English `,` and decimal point). One row per figure: table, code, label, cases, share, note. A withheld figure
 * has an empty value and its reason in the note, never a 0.
 */
export function summaryCsv(summary: YearlySummary, lang: Locale): string {
  const header = [T.table[lang], T.code[lang], T.label[lang], T.cases[lang], T.share[lang], T.note[lang]];
  const rows: CsvValue[][] = [];
  for (const k of keyFigureRows(summary, lang)) {
    rows.push([T.keyFigures[lang], '', k.label, valueOf(k.cell), null, withheldNote(k.cell, lang)]);
  }
  for (const note of comparisonNotes(summary, lang))
    rows.push([T.keyFigures[lang], '', T.composition[lang], null, null, note]);
  for (const b of summary.breakdowns) {
    for (const r of breakdownRows(b, lang)) {
      rows.push([
        b.label[lang],
        r.code,
        r.label,
        valueOf(r.cell),
        valueOf(r.share),
        withheldNote(r.cell, lang) || (r.share ? withheldNote(r.share, lang) : ''),
      ]);
    }
  }
  return writeCsv(header, rows, lang);
}
