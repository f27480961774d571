import { describe, expect, it } from 'vitest';
import { csvFormulaCells, FORMULA_PAYLOADS, parseCsv } from '../src/testing/spreadsheet.js';
import { csvStream, escapeSpreadsheetText, writeCsv, type CsvDialect } from '../src/index.js';

const read = (stream: ReturnType<typeof csvStream>) =>
  new Promise<string>((resolve, reject) => {
    let out = '';
    stream.on('data', (d: Buffer | string) => (out += d.toString()));
    stream.on('end', () => resolve(out));
    stream.on('error', reject);
  });

describe('the one CSV writer, per dialect (docs/open-data.md)', () => {
  const header = ['Année', 'Libellé', 'Valeur'];
  const rows = [
    [2024, 'Réseau social', 12.5],
    [2025, 'masqué', null],
    [2025, 'Évolution', -3],
  ];

  it('French: BOM, `;`, decimal comma, CRLF, no quotes where none are needed, withheld empty', () => {
    expect(writeCsv(header, rows, 'fr')).toBe(
      '\ufeffAnnée;Libellé;Valeur\r\n2024;Réseau social;12,5\r\n2025;masqué;\r\n2025;Évolution;-3\r\n',
    );
  });

  it('English: BOM, `,`, decimal point', () => {
    expect(writeCsv(header, rows, 'en')).toBe(
      '\ufeffAnnée,Libellé,Valeur\r\n2024,Réseau social,12.5\r\n2025,masqué,\r\n2025,Évolution,-3\r\n',
    );
  });

  it('data: RFC 4180 without BOM: `,`, CRLF, a cell with the delimiter, a quote or a line break quoted', () => {
    const csv = writeCsv(['code', 'value', 'flag', 'at'], [['a,b"c', 1.25, true, new Date(0)]], 'data');
    expect(csv).toBe('code,value,flag,at\r\n"a,b""c",1.25,true,1970-01-01T00:00:00.000Z\r\n');
  });

  it('the stream writes the same bytes as the whole file', async () => {
    for (const dialect of ['fr', 'en', 'data'] as CsvDialect[]) {
      const stream = csvStream(header, dialect);
      const done = read(stream);
      for (const r of rows) stream.write(r);
      stream.end();
      expect(await done).toBe(writeCsv(header, rows, dialect));
    }
  });

  it('every formula payload comes out as one inert cell in every dialect, numbers untouched', () => {
    for (const dialect of ['fr', 'en', 'data'] as CsvDialect[]) {
      const delimiter = dialect === 'fr' ? ';' : ',';
      const csv = writeCsv(
        ['label', 'value'],
        FORMULA_PAYLOADS.map((p) => [p, -4]),
        dialect,
      );
      expect(csvFormulaCells(csv, delimiter)).toEqual([]);
      const parsed = parseCsv(csv, delimiter);
      expect(parsed).toHaveLength(FORMULA_PAYLOADS.length + 1);
      parsed.slice(1).forEach((row, i) => {
        expect(row).toEqual([escapeSpreadsheetText(FORMULA_PAYLOADS[i]!), '-4']);
      });
    }
  });
});
