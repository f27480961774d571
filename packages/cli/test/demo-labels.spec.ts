import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ONLINE_CHANNELS, resolveCode, resolveCountry, resolveRecruitment } from '@observatoire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoExports, type DemoExport } from '../src/demo/index.js';
import { FRENCH, HTCDS, type Dialect } from '../src/demo/labels.js';
import { readExport } from './demo-read.js';

/** Every label the generator writes must be one the schema's synonyms recognise, as the code it stands for. */
describe.each([
  ['French', FRENCH],
  ['HTCDS', HTCDS],
] as Array<[string, Dialect]>)('%s labels', (_name, dialect) => {
  it('resolve to their own gender code', () => {
    for (const [code, labels] of Object.entries(dialect.gender)) {
      for (const label of labels.filter((l) => l !== ''))
        expect([label, resolveCode('gender', label)]).toEqual([label, code]);
    }
  });
  it('resolve to their own exploitation type', () => {
    for (const [code, labels] of Object.entries(dialect.exploitation)) {
      for (const label of labels) expect([label, resolveCode('exploitationType', label)]).toEqual([label, code]);
    }
  });
  it('resolve to their own recruitment channel', () => {
    for (const [code, labels] of Object.entries(dialect.channel)) {
      for (const label of labels.filter((l) => l !== '')) {
        expect([label, resolveRecruitment(label)]).toEqual([label, { channels: [code], platforms: [] }]);
      }
    }
  });
  it('resolve to their own platform', () => {
    for (const [code, labels] of Object.entries(dialect.platform)) {
      for (const label of labels) expect([label, resolveCode('recruitmentPlatform', label)]).toEqual([label, code]);
    }
  });
  it('resolve to their own country', () => {
    for (const [code, labels] of Object.entries(dialect.country)) {
      for (const label of labels) expect([label, resolveCountry(label)]).toEqual([label, code]);
    }
  });
  it('resolve to their own yes/no/unknown and recruiter relation codes', () => {
    for (const [code, labels] of Object.entries(dialect.yesNo)) {
      for (const label of labels.filter((l) => l !== '')) {
        expect([label, resolveCode('yesNoUnknown', label)]).toEqual([label, code]);
      }
    }
    for (const [code, labels] of Object.entries(dialect.recruiterRelation)) {
      for (const label of labels.filter((l) => l !== '')) {
        expect([label, resolveCode('recruiterRelation', label)]).toEqual([label, code]);
      }
    }
  });
  it('keep the deliberately unrecognised values unrecognised', () => {
    for (const v of dialect.unrecognised.recruitment) expect(resolveRecruitment(v)).toBeNull();
    for (const v of dialect.unrecognised.citizenship) expect(resolveCountry(v)).toBeNull();
    for (const v of dialect.unrecognised.age) expect(Number.isFinite(Number.parseInt(v, 10))).toBe(false);
  });
});

/**
 * Reads the written files back and resolves their cells with the schema, so the trend the charts will show is
 * checked on what the ETL will actually read, not on the generator's internal state.
 */
describe('online recruitment as read back from the files', () => {
  let dir: string;
  let exports: DemoExport[];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-demo-labels-'));
    exports = await generateDemoExports(dir, { seed: 11, cases: 3000 });
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function channelsOf(cell: string, format: DemoExport['format']): string[] | null {
    if (cell.trim() === '') return ['unknown'];
    const whole = resolveRecruitment(cell);
    if (whole) return whole.channels;
    const parts = format === 'csv-en' ? cell.split(';') : cell.split(/ \+ |, | \/ /);
    const out: string[] = [];
    for (const part of parts) {
      const r = resolveRecruitment(part);
      if (!r) return null;
      out.push(...r.channels);
    }
    return out;
  }

  it('rises from under a quarter to over 45%, with every cell but the deliberate few recognised', async () => {
    const online = new Map<number, { online: number; all: number }>();
    let unrecognised = 0;
    let total = 0;
    for (const e of exports) {
      const back = await readExport(e);
      for (const row of back.rows) {
        total++;
        const year =
          e.format === 'csv-en'
            ? Number(row.year)
            : row['Date premier contact'] instanceof Date
              ? row['Date premier contact'].getUTCFullYear()
              : Number(row['Année de prise en charge']);
        const cell = String(row.recruitment_method ?? row['Mode de recrutement'] ?? row['Canal de recrutement'] ?? '');
        const channels = channelsOf(cell, e.format);
        if (!channels) {
          unrecognised++;
          continue;
        }
        const isOnline = channels.some((c) => resolveCode('recruitmentChannel', c) && ONLINE.has(c));
        const entry = online.get(year) ?? { online: 0, all: 0 };
        entry.all++;
        if (isOnline) entry.online++;
        online.set(year, entry);
      }
    }
    expect(unrecognised).toBeLessThan(total * 0.01);
    const share = (y: number) => online.get(y)!.online / online.get(y)!.all;
    expect(share(2016)).toBeLessThan(0.25);
    expect(share(2025)).toBeGreaterThan(0.45);
  });
});

const ONLINE = new Set<string>(ONLINE_CHANNELS);
