import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { escapeSpreadsheetText } from '@observatoire/formats';
import {
  FORMULA_PAYLOADS,
  csvFormulaCells,
  dataPackageErrors,
  parseCsv,
  workbookFormulaCells,
  workbookValues,
} from '@observatoire/formats/testing';
import { chartData } from '$lib/charts/test-data.js';
import { readme, rowsOf, toCsv, toZip } from './csv.js';

describe('CSV and ZIP downloads', () => {
  const data = chartData();

  it('writes the French file with `;`, French words, withheld as an empty value and "masqué"', () => {
    const csv = toCsv(rowsOf(data), 'fr');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Publication;Année;Graphique;Code;Libellé;Valeur;Statut;Note');
    expect(lines).toContain('2026-07-30;2023;online-offline;online;En ligne;1200;publié;');
    expect(lines.find((l) => l.startsWith('2026-07-30;2024;online-offline;online;'))).toMatch(
      /^2026-07-30;2024;online-offline;online;En ligne;;masqué;Masqué : /,
    );
    expect(lines).toHaveLength(7);
  });

  it('writes the English file with `,` and English words, and the codes file as RFC 4180 without BOM', () => {
    const en = toCsv(rowsOf(chartData({ lang: 'en' })), 'en');
    expect(en.charCodeAt(0)).toBe(0xfeff);
    expect(en.slice(1).split('\r\n')[0]).toBe('Release,Year,Chart,Code,Label,Value,Status,Note');
    // (the test data's labels are French in both languages; the page's loader gives English ones)
    expect(en).toMatch(/\r\n2026-07-30,2023,online-offline,online,[^,]+,1200,published,\r\n/);
    const codes = toCsv(rowsOf(data), 'data');
    expect(codes.charCodeAt(0)).not.toBe(0xfeff);
    const lines = codes.trim().split('\r\n');
    expect(lines[0]).toBe('release,year,chart,code,value,status,reason');
    expect(lines).toContain('2026-07-30,2023,online-offline,online,1200,published,');
    expect(lines.some((l) => /^2026-07-30,2024,online-offline,online,,withheld,[a-z_]+$/.test(l))).toBe(true);
  });

  it('zips the CSVs, the codes file, an XLSX, a README and a valid datapackage.json describing each CSV', async () => {
    const zip = await JSZip.loadAsync(await toZip(data, rowsOf(data), rowsOf(data), 'https://obs.example/x'));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual([
      'LISEZMOI.txt',
      'datapackage.json',
      'observatoire-online-offline-2026-07-30-codes.csv',
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

    const pkg = JSON.parse(await zip.file('datapackage.json')!.async('string'));
    expect(dataPackageErrors(pkg)).toEqual([]);
    expect(pkg.licenses[0]).toMatchObject({ name: 'etalab-2.0' });
    for (const resource of pkg.resources) {
      // Every described file is in the zip, and its header row is exactly the described fields.
      const csv = await zip.file(resource.path)!.async('string');
      const header = parseCsv(csv, resource.dialect.delimiter)[0];
      expect(header).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
    }
    expect(pkg.resources.map((r: { dialect: { delimiter: string } }) => r.dialect.delimiter)).toEqual([';', ';', ',']);
    // A broken descriptor is caught: the validator is not a rubber stamp.
    expect(dataPackageErrors({ ...pkg, resources: [] })).not.toEqual([]);
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
      const csv = toCsv(rowsOf(data), 'fr');
      expect(csvFormulaCells(csv, ';')).toEqual([]);
      const parsed = parseCsv(csv, ';');
      expect(parsed).toHaveLength(1 + 6);
      for (const row of parsed.slice(1)) {
        expect(row).toHaveLength(8);
        expect(row[0]).toBe(escapeSpreadsheetText(payload));
        expect(row[4]).toBe(escapeSpreadsheetText(payload));
      }

      const zip = await JSZip.loadAsync(await toZip(data, rowsOf(data), rowsOf(data), 'https://obs.example/x'));
      const files = Object.values(zip.files);
      for (const f of files.filter((f) => f.name.endsWith('.csv'))) {
        const delimiter = f.name.endsWith('-codes.csv') ? ',' : ';';
        expect(csvFormulaCells(await f.async('string'), delimiter), f.name).toEqual([]);
      }
      const xlsx = await files.find((f) => f.name.endsWith('.xlsx'))!.async('uint8array');
      expect(await workbookFormulaCells(xlsx)).toEqual([]);
      expect(await workbookValues(xlsx)).toContain(escapeSpreadsheetText(payload).replace(/\r\n?/g, '\n'));
    });
  }
});
