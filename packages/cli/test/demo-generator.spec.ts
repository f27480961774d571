import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONLINE_CHANNELS } from '@observatoire/schema';
import {
  DEMO_CASES,
  FICTIONAL_NOTICE,
  generateDemoCases,
  generateDemoExports,
  onlineShare,
  type DemoCase,
  type DemoExport,
} from '../src/demo/index.js';
import { readExport, type ReadBack } from './demo-read.js';

const ONLINE = new Set<string>(ONLINE_CHANNELS);

const tmpDirs: string[] = [];
async function tmp(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-demo-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('generateDemoExports, full default run', () => {
  let outDir: string;
  let exports: DemoExport[];
  const read = new Map<string, ReadBack>();

  beforeAll(async () => {
    outDir = await tmp();
    exports = await generateDemoExports(outDir);
    for (const e of exports) read.set(e.associationSlug, await readExport(e));
  }, 120_000);

  it('writes at least five fictional associations, one file each, in the three formats', async () => {
    expect(exports.length).toBeGreaterThanOrEqual(5);
    expect(new Set(exports.map((e) => e.associationSlug)).size).toBe(exports.length);
    expect(new Set(exports.map((e) => e.format))).toEqual(new Set(['csv-cp1252', 'xlsx', 'csv-en']));
    const files = (await readdir(outDir)).sort();
    expect(files).toEqual(exports.map((e) => path.basename(e.file)).sort());
    for (const e of exports) {
      expect(path.dirname(e.file)).toBe(outDir);
      const ext = e.format === 'xlsx' ? 'xlsx' : 'csv';
      expect(path.basename(e.file)).toBe(`fictif-${e.associationSlug}-${e.years[0]}-${e.years[1]}.${ext}`);
      expect(e.associationName).toMatch(/fictive|fictional/);
    }
  });

  it('writes about 5,000 cases over 2016-2025, as many rows as announced', () => {
    let total = 0;
    const years = new Set<number>();
    for (const e of exports) {
      const back = read.get(e.associationSlug)!;
      expect(back.rows.length).toBe(e.cases);
      total += back.rows.length;
      for (const row of back.rows) {
        const year =
          e.format === 'csv-en'
            ? Number(row.year)
            : row['Date premier contact'] instanceof Date
              ? (row['Date premier contact'] as Date).getUTCFullYear()
              : Number(row['Année de prise en charge']);
        expect(year).toBeGreaterThanOrEqual(e.years[0]);
        expect(year).toBeLessThanOrEqual(e.years[1]);
        years.add(year);
      }
    }
    expect(total).toBe(DEMO_CASES);
    expect([...years].sort()).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('labels every file as fictional data in a title row or a sheet', () => {
    for (const e of exports) {
      const back = read.get(e.associationSlug)!;
      const preamble = back.preamble.flat().join(' ');
      expect(preamble).toMatch(/Données fictives|Fictional data/i);
      if (e.format === 'xlsx') expect(back.allText).toContain(FICTIONAL_NOTICE);
    }
  });

  it('writes each format the way the samples are written', () => {
    for (const e of exports) {
      const back = read.get(e.associationSlug)!;
      if (e.format === 'csv-cp1252') {
        // Windows-1252: "é" is the single byte 0xE9, never the UTF-8 pair; CRLF line ends; no BOM.
        expect(back.bytes.includes(Buffer.from([0xc3, 0xa9]))).toBe(false);
        expect(back.bytes.includes(Buffer.from([0xe9]))).toBe(true);
        expect(back.bytes.toString('latin1')).toContain('\r\n');
        expect(back.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
        expect(back.header).toContain("Âge au début de l'exploitation");
        // Real variants: "24 ans", "NC", multi-valued cells joined by " + " or ", ".
        const ages = back.rows.map((r) => String(r["Âge au début de l'exploitation"]));
        expect(ages.some((a) => /^\d+ ans$/.test(a))).toBe(true);
        expect(ages).toContain('NC');
        expect(
          back.rows.some(
            (r) =>
              String(r["Type(s) d'exploitation"]).includes(', ') || String(r["Type(s) d'exploitation"]).includes(' + '),
          ),
        ).toBe(true);
      } else if (e.format === 'csv-en') {
        expect(back.header[0]).toBe('case_id');
        const methods = back.rows.map((r) => String(r.recruitment_method));
        expect(methods).toContain('ThroughOnlineSocialNetworks');
        expect(back.rows.every((r) => /^([A-Z]{2}(;[A-Z]{2})*|Atlantis)?$/.test(String(r.citizenship)))).toBe(true);
      } else {
        expect(back.sheets.length).toBeGreaterThanOrEqual(2);
        expect(back.preamble.length).toBeGreaterThanOrEqual(2);
        expect(back.rows.length).toBeGreaterThan(0);
      }
    }
    // At least one workbook carries real Excel dates (the year comes from them).
    const dated = exports.filter(
      (e) => e.format === 'xlsx' && read.get(e.associationSlug)!.header.includes('Date premier contact'),
    );
    expect(dated.length).toBeGreaterThan(0);
    for (const e of dated) {
      expect(read.get(e.associationSlug)!.rows.every((r) => r['Date premier contact'] instanceof Date)).toBe(true);
    }
    // A TOTAL row below the data, as spreadsheets export it, in at least one file.
    expect(exports.some((e) => read.get(e.associationSlug)!.totalRows.length === 1)).toBe(true);
  });

  it('includes a few deliberately unrecognised values, and only a few', () => {
    const unrecognised = /^(Voir dossier papier|See paper file|Atlantide|Atlantis|adulte|adult)$/;
    let count = 0;
    for (const e of exports) {
      for (const row of read.get(e.associationSlug)!.rows) {
        for (const v of Object.values(row)) if (typeof v === 'string' && unrecognised.test(v)) count++;
      }
    }
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThan(DEMO_CASES * 0.01);
  });

  it('contains no direct identifier of any kind', () => {
    const email = /[\w.+-]+@[\w-]+\.[\w.]+/;
    const phone = /(\+\d{2,3}[ .]?\d|\b0[1-9]([ .-]?\d{2}){4}\b|\b\d{9,}\b)/;
    const dateText = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/;
    // A postcode, or a number followed by a street word ("12 rue ..."): "Rencontre dans la rue" is not an address.
    const postcodeStreet =
      /\b\d{5}\b|\b\d{1,4}( ?(bis|ter))?,? (rue|avenue|av|boulevard|bd|chemin|impasse|allée|place|street|road)\b/i;
    const identifierHeaders =
      /\b(nom|pr[ée]nom|name|t[ée]l[ée]phone|phone|mobile|e-?mail|courriel|adresse|address|naissance|birth|dob|passeport|passport|titre de s[ée]jour)\b/i;
    for (const e of exports) {
      const back = read.get(e.associationSlug)!;
      for (const h of back.header) expect(h).not.toMatch(identifierHeaders);
      for (const text of back.allText) {
        expect(text).not.toMatch(email);
        expect(text).not.toMatch(phone);
        expect(text).not.toMatch(postcodeStreet);
        // ISO timestamps are exceljs's rendering of first-contact dates; no date is ever written as text.
        expect(text).not.toMatch(dateText);
      }
      // Case numbers are association file numbers, never anything about the person.
      for (const row of back.rows) {
        const id = String(row['N° dossier'] ?? row.Identifiant ?? row.case_id);
        expect(id).toMatch(/^[A-Z]{3}-20[12]\d-\d{4}$/);
      }
      // Free-text columns hold only stock phrases without any personal detail.
      for (const row of back.rows) {
        for (const key of ['Observations', 'notes']) {
          const v = row[key];
          if (v)
            expect(String(v)).toMatch(
              /^(Orientée par le 115; suivi en cours|Suivi en cours|Orientation vers un hébergement|Dossier clos|Accompagnement juridique|referred by police,\nfollow-up "ongoing"|follow-up ongoing|case closed|legal support)$/,
            );
        }
      }
    }
  });
});

describe('determinism', () => {
  it('gives the same files for the same seed and different ones for another seed', async () => {
    const [a, b, c] = [await tmp(), await tmp(), await tmp()];
    const ea = await generateDemoExports(a, { seed: 7, cases: 400 });
    const eb = await generateDemoExports(b, { seed: 7, cases: 400 });
    const ec = await generateDemoExports(c, { seed: 8, cases: 400 });
    expect(ea.map((e) => path.basename(e.file))).toEqual(eb.map((e) => path.basename(e.file)));
    let differs = false;
    for (let i = 0; i < ea.length; i++) {
      const [ra, rb, rc] = await Promise.all([readExport(ea[i]), readExport(eb[i]), readExport(ec[i])]);
      expect(ra.bytes.equals(rb.bytes)).toBe(true);
      expect(rb.rows).toEqual(ra.rows);
      expect(rb.preamble).toEqual(ra.preamble);
      if (JSON.stringify(rc.rows) !== JSON.stringify(ra.rows)) differs = true;
    }
    expect(differs).toBe(true);
  }, 60_000);

  it('honours the case count exactly, including zero', async () => {
    for (const cases of [0, 1, 37, 1234]) {
      const exports = await generateDemoExports(await tmp(), { seed: 3, cases });
      expect(exports.reduce((s, e) => s + e.cases, 0)).toBe(cases);
      for (const e of exports) expect((await readExport(e)).rows.length).toBe(e.cases);
    }
  }, 60_000);

  it('refuses a negative or fractional case count', async () => {
    await expect(generateDemoExports(await tmp(), { cases: -1 })).rejects.toThrow(RangeError);
    await expect(generateDemoExports(await tmp(), { cases: 2.5 })).rejects.toThrow(RangeError);
  });
});

describe('plausible trends in the generated cases', () => {
  const all: DemoCase[] = [...generateDemoCases().values()].flat();
  const byYear = (year: number) => all.filter((c) => c.year === year);
  const share = (cases: DemoCase[], pred: (c: DemoCase) => boolean) => cases.filter(pred).length / cases.length;
  const isOnline = (c: DemoCase) => c.channels.some((ch) => ONLINE.has(ch));

  it('has online recruitment rising from about 15% to about 55%', () => {
    expect(share(byYear(2016), isOnline)).toBeGreaterThan(0.08);
    expect(share(byYear(2016), isOnline)).toBeLessThan(0.22);
    expect(share(byYear(2025), isOnline)).toBeGreaterThan(0.47);
    expect(share(byYear(2025), isOnline)).toBeLessThan(0.63);
    expect(onlineShare(2016)).toBeCloseTo(0.15, 2);
    expect(onlineShare(2025)).toBeCloseTo(0.55, 2);
    // Social networks and messaging apps grow in absolute numbers.
    for (const channel of ['social_network', 'messaging_app']) {
      const early = byYear(2016).filter((c) => c.channels.includes(channel)).length;
      const late = byYear(2025).filter((c) => c.channels.includes(channel)).length;
      expect(late).toBeGreaterThan(early * 3);
    }
  });

  it('has mostly women, mostly sexual exploitation, 10-20% minors and the expected citizenships', () => {
    expect(share(all, (c) => c.exploitation.includes('sexual'))).toBeGreaterThan(0.8);
    expect(share(all, (c) => c.exploitation.includes('sexual'))).toBeLessThan(0.9);
    expect(share(all, (c) => c.gender === 'female' || c.gender === 'trans_female')).toBeGreaterThan(0.85);
    expect(share(all, (c) => c.gender === 'female' || c.gender === 'trans_female')).toBeLessThan(0.92);
    const minors = share(all, (c) => c.age !== null && c.age < 18);
    expect(minors).toBeGreaterThan(0.1);
    expect(minors).toBeLessThan(0.2);
    const counts = new Map<string, number>();
    for (const c of all) for (const cc of c.citizenship) counts.set(cc, (counts.get(cc) ?? 0) + 1);
    const top = [...counts.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 10)
      .map(([k]) => k);
    expect(top[0]).toBe('NG');
    for (const cc of ['RO', 'CI', 'CN', 'FR']) expect(top).toContain(cc);
  });
});
