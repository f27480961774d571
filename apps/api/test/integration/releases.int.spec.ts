import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { dataPackageErrors, parseCsv } from '@observatoire/formats/testing';
import { breakdownSchema, releaseSchema, seriesSetSchema, yearlySummarySchema } from '@observatoire/schema';
import { useTestApp, useWorldIn } from './harness.js';

import { loadSamples } from './seed.js';

describe('public releases and statistics', () => {
  const t = useTestApp();
  const w = useWorldIn(t);
  let first: { id: string; slug: string };
  let second: { id: string; slug: string };
  beforeAll(async () => {
    await loadSamples(t.app.get(DataSource));
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const publish = (cookie: string, body: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/releases',
      headers: { cookie, origin: 'http://127.0.0.1:3000' },
      payload: body,
    });

  it('has no release before the first publication (404 problem, French first)', async () => {
    const res = await get('/api/v1/stats/series?dimension=recruitmentChannelGroup');
    expect(res.statusCode).toBe(404);
    expect(res.json().messages.fr).toMatch(/publication/i);
  });

  it('lets only the admin publish, and records it in the audit log', async () => {
    expect((await publish(w.memberA.cookie, {})).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/releases', payload: {} })).statusCode).toBe(401);
    const res = await publish(w.admin.cookie, { slug: 'edition-1', notes: { fr: 'Première', en: 'First' } });
    expect(res.statusCode).toBe(201);
    first = releaseSchema.parse(res.json());
    const again = await publish(w.admin.cookie, { slug: 'edition-2' });
    expect(again.statusCode).toBe(201);
    second = releaseSchema.parse(again.json());
    const audit = await get('/api/v1/admin/audit', { cookie: w.admin.cookie });
    expect(audit.json().filter((e: { action: string }) => e.action === 'release.publish')).toHaveLength(2);
  });

  it('lists releases newest first', async () => {
    const res = await get('/api/v1/releases');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((r: { slug: string }) => r.slug)).toEqual(['edition-2', 'edition-1']);
    expect(res.headers['cache-control']).toContain('max-age=60');
  });

  it('serves the latest release by default and a fixed one by id, immutable, with ETag and 304', async () => {
    const latest = await get('/api/v1/stats/series?dimension=recruitmentChannelGroup');
    expect(latest.statusCode).toBe(200);
    const set = seriesSetSchema.parse(latest.json());
    expect(set.releaseId).toBe(second.id);
    expect(set.series[0].key).toBe('cases');
    expect(latest.headers['cache-control']).not.toContain('immutable');

    const fixed = await get(`/api/v1/stats/series?dimension=recruitmentChannelGroup&release=${first.id}`);
    expect(seriesSetSchema.parse(fixed.json()).releaseId).toBe(first.id);
    expect(fixed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = fixed.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const revalidated = await get(`/api/v1/stats/series?dimension=recruitmentChannelGroup&release=${first.id}`, {
      'if-none-match': etag,
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    const bySlug = await get(`/api/v1/stats/series?dimension=recruitmentChannelGroup&release=edition-1`);
    expect(bySlug.body).toBe(fixed.body);
  });

  it('never publishes a withheld count as a number', async () => {
    const res = await get(`/api/v1/stats/breakdown?dimension=recruitmentPlatform&release=${first.id}`);
    expect(res.statusCode).toBe(200);
    const b = breakdownSchema.parse(res.json());
    for (const item of b.items) {
      if ('value' in item.cell) expect(item.cell.value).toBeGreaterThanOrEqual(10);
      else expect(item.cell.suppressed).toBe(true);
    }
  });

  it('validates queries and answers 400 problem+json naming the field', async () => {
    const res = await get('/api/v1/stats/breakdown?dimension=shoeSize');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].path).toBe('dimension');
    const unknownParam = await get('/api/v1/stats/series?foo=1');
    expect(unknownParam.statusCode).toBe(400);
    const missing = await get('/api/v1/stats/series?release=00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('serves the yearly summary as JSON, CSV (BOM), XLSX and PDF', async () => {
    const year = releaseSchema.parse((await get(`/api/v1/releases/${first.id}`)).json()).referenceYears.at(-1);
    const json = await get(`/api/v1/releases/${first.id}/summary/${year}.json`);
    expect(json.statusCode).toBe(200);
    expect(yearlySummarySchema.parse(json.json()).referenceYear).toBe(year);
    const csv = await get(`/api/v1/releases/${first.id}/summary/${year}.csv?lang=fr`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.headers['cache-control']).toContain('immutable');
    const xlsx = await get(`/api/v1/releases/${first.id}/summary/${year}.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await get(`/api/v1/releases/${first.id}/summary/${year}.pdf?lang=en`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await get(`/api/v1/releases/${first.id}/summary/${year}.exe`);
    expect(bad.statusCode).toBe(400);
  });

  it('names the Etalab 2.0 licence in every JSON payload', async () => {
    const licence = { name: expect.stringContaining('Licence Ouverte'), url: expect.stringMatching(/^https:\/\//) };
    const year = first && releaseSchema.parse((await get(`/api/v1/releases/${first.id}`)).json()).referenceYears[0];
    for (const url of [
      `/api/v1/releases/${first.id}`,
      `/api/v1/stats/series?release=${first.id}`,
      `/api/v1/stats/breakdown?dimension=gender&release=${first.id}`,
      `/api/v1/releases/${first.id}/summary/${year}.json`,
    ]) {
      expect((await get(url)).json().licence, url).toMatchObject(licence);
    }
    for (const r of (await get('/api/v1/releases')).json()) expect(r.licence).toMatchObject(licence);
  });

  it('serves the multi-year files from the stored cells: French, English, codes, XLSX and the zip', async () => {
    const release = releaseSchema.parse((await get(`/api/v1/releases/${first.id}`)).json());
    const base = `/api/v1/releases/${first.slug}/files`;
    const [stored] = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS cells, count(*) FILTER (WHERE value IS NULL)::int AS withheld FROM release_cell WHERE release_id = $1`,
        [first.id],
      );

    const fr = await get(`${base}/all-years.csv?lang=fr`);
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-disposition']).toContain(`observatoire-${first.slug}-all-years-fr.csv`);
    expect(fr.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const frRows = parseCsv(fr.rawPayload, ';');
    expect(frRows[0]).toEqual(['Année', 'Population', 'Tableau', 'Code', 'Libellé', 'Valeur', 'Statut', 'Note']);
    // One row per stored cell, every published year; a withheld cell is empty, "masqué", with its reason.
    expect(frRows).toHaveLength(stored.cells + 1);
    expect(new Set(frRows.slice(1).map((r) => Number(r[0])))).toEqual(new Set(release.referenceYears));
    const withheld = frRows.filter((r) => r[6] === 'masqué');
    expect(withheld).toHaveLength(stored.withheld);
    expect(stored.withheld).toBeGreaterThan(0);
    for (const r of withheld) {
      expect(r[5]).toBe('');
      expect(r[7]).toMatch(/^Masqué : /);
    }

    const en = await get(`${base}/all-years.csv?lang=en`);
    const enRows = parseCsv(en.rawPayload, ',');
    expect(enRows[0]).toEqual(['Year', 'Population', 'Table', 'Code', 'Label', 'Value', 'Status', 'Note']);
    expect(enRows.filter((r) => r[6] === 'withheld')).toHaveLength(stored.withheld);

    const codes = await get(`${base}/all-years-codes.csv`);
    expect(codes.rawPayload[0]).toBe('r'.charCodeAt(0)); // no byte order mark
    const codeRows = parseCsv(codes.rawPayload, ',');
    expect(codeRows[0]).toEqual(['release', 'year', 'view', 'dimension', 'code', 'value', 'status', 'reason']);
    // The yearly totals are the series' published numbers, cell for cell.
    const series = (await get(`/api/v1/stats/series?release=${first.id}`)).json();
    for (const p of series.series[0].points) {
      const row = codeRows.find((r) => r[2] === 'all' && r[3] === 'cases' && r[1] === String(p.year));
      expect(row?.[5]).toBe('value' in p.cell ? String(p.cell.value) : '');
    }

    const xlsx = await get(`${base}/all-years.xlsx?lang=en`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.description).toContain('Open Licence 2.0');
    expect(wb.worksheets.map((s) => s.name)).toContain('All cells');

    const zip = await JSZip.loadAsync((await get(`${base}/all-years.zip?lang=fr`)).rawPayload);
    const pkg = JSON.parse(await zip.file('datapackage.json')!.async('string'));
    expect(dataPackageErrors(pkg)).toEqual([]);
    expect(pkg.licenses[0].path).toContain('etalab.gouv.fr');
    for (const resource of pkg.resources) {
      const header = parseCsv(await zip.file(resource.path)!.async('nodebuffer'), resource.dialect.delimiter)[0];
      expect(header).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
    }
    expect(Object.keys(zip.files)).toContain('LISEZMOI.txt');
    expect((await get(`${base}/all-years.exe`)).statusCode).toBe(400);
  });

  it('keeps published releases as they were after an association withdraws', async () => {
    const before = await get(`/api/v1/stats/series?release=${first.id}`);
    const [{ id }] = await t.app.get(DataSource).query(`SELECT id FROM association WHERE slug = 'aurore-paris'`);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/associations/${id}/withdraw`,
      headers: { cookie: w.admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().recordsDeleted).toBeGreaterThan(0);
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM case_record WHERE association_id = $1`, [id]);
    expect(n).toBe(0);
    const after = await get(`/api/v1/stats/series?release=${first.id}`);
    expect(after.body).toBe(before.body);
  });
});
