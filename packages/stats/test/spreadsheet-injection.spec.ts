/**
 * Security regression suite, formula injection (issue 12, finding 5): the shared escaping and the yearly summary
 * downloads (CSV in both editions, XLSX), each payload read back with a real CSV parser and with exceljs.
 */
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { YearlySummary } from '@observatoire/schema';
import { csvOptions, escapeSpreadsheetText, spreadsheetCell } from '@observatoire/formats';
import { summaryCsv, summaryXlsx } from '../src/index.js';
import {
  FORMULA_PAYLOADS,
  csvFormulaCells,
  parseCsv,
  workbookFormulaCells,
  workbookValues,
} from '@observatoire/formats/testing';

describe('escapeSpreadsheetText', () => {
  it('neutralises a trigger at the start and after every line break, and nothing else', () => {
    expect(escapeSpreadsheetText("x\n=cmd|' /C calc'!A0")).toBe("x\n'=cmd|' /C calc'!A0");
    expect(escapeSpreadsheetText('x\r\n+1')).toBe("x\r\n'+1");
    expect(escapeSpreadsheetText('x\r-1')).toBe("x\r'-1");
    expect(escapeSpreadsheetText('\r=1')).toBe("'\r'=1");
    expect(escapeSpreadsheetText('=a\n=b\n=c')).toBe("'=a\n'=b\n'=c");
    expect(escapeSpreadsheetText('x\n＠y')).toBe("x\n'＠y");
    for (const s of ['Facebook', 'ligne 1\nligne 2', '', ' =x', 'a=b', 'a\n b'])
      expect(escapeSpreadsheetText(s)).toBe(s);
  });

  it('leaves numbers, and text that is only a number, as they are', () => {
    expect(spreadsheetCell(-3)).toBe(-3);
    expect(spreadsheetCell('-4')).toBe('-4');
    expect(spreadsheetCell('12,5')).toBe('12,5');
    expect(spreadsheetCell('-4\n=1')).toBe("'-4\n'=1");
    expect(spreadsheetCell(null)).toBe('');
    expect(spreadsheetCell(false)).toBe('false');
  });

  it('every payload comes back from csv-stringify with csvOptions as one inert cell, whatever the delimiter', () => {
    for (const delimiter of [',', ';'] as const) {
      const rows = FORMULA_PAYLOADS.map((p, i) => [i, spreadsheetCell(p), 'fin']);
      const text = stringify(rows, csvOptions(delimiter));
      const parsed = parseCsv(text, delimiter);
      expect(parsed).toHaveLength(FORMULA_PAYLOADS.length);
      parsed.forEach((row, i) => expect(row).toEqual([String(i), escapeSpreadsheetText(FORMULA_PAYLOADS[i]), 'fin']));
      expect(csvFormulaCells(text, delimiter)).toEqual([]);
    }
  });
});

function hostileSummary(payload: string): YearlySummary {
  return {
    schemaVersion: '1.0.0',
    releaseId: null,
    referenceYear: 2024,
    generatedAt: '2026-07-30T00:00:00.000Z',
    contributingAssociations: 3,
    cases: { value: 40 },
    onlineCases: { value: 20 },
    onlineShare: { value: 50 },
    minors: { value: 6 },
    previousYear: { referenceYear: 2023, cases: { value: 43 }, change: { value: -3 } },
    comparison: null,
    breakdowns: [
      {
        releaseId: null,
        dimension: 'gender',
        label: { fr: payload, en: payload },
        referenceYear: 2024,
        filter: {},
        multiValued: false,
        total: { value: 40 },
        items: [
          {
            code: payload,
            label: { fr: payload, en: payload },
            group: null,
            cell: { value: 40 },
            share: { value: 100 },
          },
        ],
      },
    ],
    disclosureRule: { threshold: 5, platformThreshold: 10, minAssociations: 2 },
    methodology: { fr: payload, en: payload },
    caveats: [{ fr: payload, en: payload }],
  };
}

describe('yearly summary downloads carry every payload inert', () => {
  for (const payload of FORMULA_PAYLOADS) {
    it(JSON.stringify(payload), async () => {
      const summary = hostileSummary(payload);
      for (const lang of ['fr', 'en'] as const) {
        const csv = summaryCsv(summary, lang);
        const delimiter = lang === 'fr' ? ';' : ',';
        expect(csvFormulaCells(csv, delimiter)).toEqual([]);
        const rows = parseCsv(csv, delimiter);
        // Every row keeps the header's six columns: a line break inside a label never splits a row.
        expect(new Set(rows.map((r) => r.length))).toEqual(new Set([6]));
        expect(rows.flat()).toContain(escapeSpreadsheetText(payload));
        expect(rows.flat()).toContain('-3');

        const xlsx = await summaryXlsx(summary, lang);
        expect(await workbookFormulaCells(xlsx)).toEqual([]);
        const values = await workbookValues(xlsx);
        // XML reads every CR or CRLF back as LF (XML 1.0 §2.11): still one cell, still inert.
        expect(values).toContain(escapeSpreadsheetText(payload).replace(/\r\n?/g, '\n'));
        // Numbers stay numbers, a negative change included.
        expect(values).toContain(-3);
        expect(values).toContain(40);
      }
    });
  }
});
