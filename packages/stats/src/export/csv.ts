import { stringify } from 'csv-stringify/sync';
import type { Locale, YearlySummary } from '@observatoire/schema';
import { csvOptions, spreadsheetCell, UTF8_BOM } from './escape.js';
import { T, breakdownRows, keyFigureRows, valueOf, withheldNote } from './table.js';

/**
 * The yearly summary as one CSV: UTF-8 with BOM; French edition with `;` and decimal commas (what French Excel
 * expects), English with `,` and points. One row per figure: table, code, label, cases, share, note. A withheld
 * figure has an empty value and its reason in the note, never a 0. Every text cell is formula-escaped.
 */
export function summaryCsv(summary: YearlySummary, lang: Locale): string {
  const delimiter = lang === 'fr' ? ';' : ',';
  const num = (n: number | null) => (n === null ? '' : lang === 'fr' ? String(n).replace('.', ',') : String(n));
  const rows: string[][] = [[T.table[lang], T.code[lang], T.label[lang], T.cases[lang], T.share[lang], T.note[lang]]];
  for (const k of keyFigureRows(summary, lang)) {
    rows.push([T.keyFigures[lang], '', k.label, num(valueOf(k.cell)), '', withheldNote(k.cell, lang)]);
  }
  for (const b of summary.breakdowns) {
    for (const r of breakdownRows(b, lang)) {
      rows.push([
        b.label[lang],
        r.code,
        r.label,
        num(valueOf(r.cell)),
        num(valueOf(r.share)),
        withheldNote(r.cell, lang) || (r.share ? withheldNote(r.share, lang) : ''),
      ]);
    }
  }
  // Numbers are formatted by us ("-3", "12,5"): spreadsheetCell leaves a plain number as it is, escapes any text.
  const safe = rows.map((r) => r.map(spreadsheetCell));
  return UTF8_BOM + stringify(safe, csvOptions(delimiter, { quoteAll: true }));
}
