import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { escapeSpreadsheetText } from '@observatoire/stats/escape';
import {
  FORMULA_PAYLOADS,
  csvFormulaCells,
  parseCsv,
  workbookFormulaCells,
  workbookValues,
} from '@observatoire/stats/testing';
import { chartData } from '$lib/charts/test-data.js';
import { readme, rowsOf, toCsv, toZip } from './csv.js';

describe('CSV and ZIP downloads', () => {
  const data = chartData();

  it('writes machine-readable numbers and an empty value plus "withheld" for withheld cells', () => {
    const csv = toCsv(rowsOf(data));
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('release,year,dimension,code,label,value,status');
    expect(lines).toContain('2026-07-30,2023,online-offline,online,En ligne,1200,published');
    expect(lines).toContain('2026-07-30,2024,online-offline,online,En ligne,,withheld');
    expect(lines).toHaveLength(7);
  });

  it('zips the CSV, the full series, an XLSX and a README with the legend and the citation', async () => {
    const zip = await JSZip.loadAsync(await toZip(data, rowsOf(data), rowsOf(data), 'https://obs.example/x'));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual([
      'LISEZMOI.txt',
      'observatoire-online-offline-2026-07-30-full.csv',
      'observatoire-online-offline-2026-07-30.csv',
      'observatoire-online-offline-2026-07-30.xlsx',
    ]);
    const text = await zip.file('LISEZMOI.txt')!.async('string');
    expect(text).toContain('Ce n’est pas un zéro');
    expect(text).toContain('Licence');
    expect(text).toContain('https://obs.example/x');
    const xlsx = await zip.file('observatoire-online-offline-2026-07-30.xlsx')!.async('uint8array');
    expect(Buffer.from(xlsx.slice(0, 2)).toString()).toBe('PK');
    expect(readme(chartData({ lang: 'en' }), 'u')).toContain('It is not a zero');
  });
});

/**
 * Security regression suite, formula injection (issue 12, finding 5): a hostile label or release slug reaching a
 * chart download comes out as one inert cell in the CSV, in every CSV of the ZIP and in its workbook.
 */
describe('chart downloads carry every formula payload inert', () => {
  for (const payload of FORMULA_PAYLOADS) {
    it(JSON.stringify(payload), async () => {
      const base = chartData();
      const data = chartData({
        release: { ...base.release, slug: payload },
        series: base.series.map((s) => ({ ...s, key: payload, label: payload })),
      });
      const csv = toCsv(rowsOf(data));
      expect(csvFormulaCells(csv, ',')).toEqual([]);
      const parsed = parseCsv(csv, ',');
      expect(parsed).toHaveLength(1 + 6);
      for (const row of parsed.slice(1)) {
        expect(row).toHaveLength(7);
        expect(row[0]).toBe(escapeSpreadsheetText(payload));
        expect(row[4]).toBe(escapeSpreadsheetText(payload));
      }

      const zip = await JSZip.loadAsync(await toZip(data, rowsOf(data), rowsOf(data), 'https://obs.example/x'));
      const files = Object.values(zip.files);
      for (const f of files.filter((f) => f.name.endsWith('.csv'))) {
        expect(csvFormulaCells(await f.async('string'), ','), f.name).toEqual([]);
      }
      const xlsx = await files.find((f) => f.name.endsWith('.xlsx'))!.async('uint8array');
      expect(await workbookFormulaCells(xlsx)).toEqual([]);
      expect(await workbookValues(xlsx)).toContain(escapeSpreadsheetText(payload).replace(/\r\n?/g, '\n'));
    });
  }
});
