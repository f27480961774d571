import { fileURLToPath } from 'node:url';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { settledImport, uploadFile, useTestApp, useWorldIn } from './harness.js';

import { ImportQueueService } from '../../src/imports/import-queue.service.js';
import { existsSync } from 'node:fs';

// The sample exports of ../shared/samples, as copied into the repository with the ETL's fixtures.
const SAMPLES = fileURLToPath(new URL('../../../../packages/etl/test/fixtures/', import.meta.url));
const sample = (name: string) => readFile(path.join(SAMPLES, name));

describe('uploads end to end (real queue, real worker, real files)', () => {
  // 12 kB: the Nice sample (9 kB) fits, the Paris one (15 kB) does not.
  const t = useTestApp({ importWorker: true, uploadMaxBytes: 12_000 });
  const w = useWorldIn(t);

  const as = (cookie: string) => ({ cookie, origin: 'http://127.0.0.1:3000' });

  const upload = (cookie: string, name: string, content: Buffer, fields: Record<string, string> = {}) =>
    uploadFile(t.app, cookie, { name, content }, fields);

  function confirmPreview(id: string, cookie: string) {
    return t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/confirm`, headers: as(cookie) });
  }

  const settled = (id: string, cookie: string) => settledImport(t.app, id, cookie);

  const jobs = async () =>
    Number((await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM pgboss.job`))[0].n);
  const batches = async () =>
    Number((await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM import_batch`))[0].n);

  let importA: string;

  it('stores the file under an internal id, queues it, and the in-process worker loads it', async () => {
    const res = await upload(
      w.memberA.cookie,
      'Dossiers Marie Curie.csv',
      await sample('safe-harbour-nice-export.csv'),
    );
    expect(res.statusCode).toBe(202);
    const queued = res.json();
    expect(queued).toMatchObject({ status: 'received', associationSlug: 'asso-a', dryRun: false });
    importA = queued.id;
    const files = await readdir(t.uploadDir);
    expect(files.join(' ')).not.toMatch(/Marie|Curie|Dossiers/);
    const done = await settled(importA, w.memberA.cookie);
    expect(done.status).toBe('committed');
    expect(done.counts.rowsAccepted).toBeGreaterThan(0);
    // The report names the user's file (its own name, shown only to its association and the admins); the
    // storage path never leaves the API.
    expect(done.report).toMatchObject({ outcome: 'committed', fileName: 'Dossiers Marie Curie.csv' });
    expect(JSON.stringify(done)).not.toMatch(
      /uploads\/|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.csv/,
    );
  });

  it('never shows an import to another association (404), and lists only the caller’s own', async () => {
    const asB = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${importA}`, headers: as(w.memberB.cookie) });
    expect(asB.statusCode).toBe(404);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/imports/00000000-0000-4000-8000-000000000000',
      headers: as(w.memberB.cookie),
    });
    expect(asB.json()).toEqual({ ...unknown.json(), instance: asB.json().instance, requestId: asB.json().requestId });
    const listB = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: as(w.memberB.cookie) });
    expect(listB.json()).toEqual([]);
    const listA = await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: as(w.memberA.cookie) });
    expect(listA.json().map((i: { id: string }) => i.id)).toContain(importA);
    const admin = await t.app.inject({ method: 'GET', url: '/api/v1/admin/imports', headers: as(w.admin.cookie) });
    expect(admin.json().map((i: { id: string }) => i.id)).toContain(importA);
  });

  it('gives an association its own records (French, English, codes), and nothing of another', async () => {
    const get = (format: string, cookie = w.memberA.cookie) =>
      t.app.inject({ method: 'GET', url: `/api/v1/records.csv?format=${format}`, headers: as(cookie) });
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM case_record WHERE association_id = $1`, [w.assocA.id]);
    // French: for Excel in French (labels, ';', BOM), named in French.
    const fr = await get('fr');
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toContain('text/csv');
    expect(fr.headers['content-disposition']).toBe('attachment; filename="observatoire-asso-a-dossiers.csv"');
    expect(fr.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const frLines = fr.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(frLines[0]).toMatch(/^Année de référence;Clé de cas;Genre;/);
    expect(frLines).toHaveLength(n + 1);
    expect(fr.body).toMatch(/;Femme;/);
    expect(fr.body).not.toMatch(/;female;|in_person_stranger/);
    // English: labels, ',', BOM.
    const en = await get('en');
    const enLines = en.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(en.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(enLines[0]).toMatch(/^Reference year,Case key,Gender,/);
    expect(en.body).toMatch(/,Female,/);
    // Codes, for programs: column names and codes, no BOM (the default).
    for (const codes of [
      await get('codes'),
      await t.app.inject({ method: 'GET', url: '/api/v1/records.csv', headers: as(w.memberA.cookie) }),
    ]) {
      expect(codes.rawPayload.subarray(0, 1)).toEqual(Buffer.from('r'));
      const lines = codes.body.trim().split('\r\n');
      expect(lines[0]).toContain('reference_year,case_key,gender');
      expect(lines).toHaveLength(n + 1);
      expect(codes.body).toMatch(/,female,/);
    }
    expect((await get('xls')).statusCode).toBe(400);
    const b = await get('fr', w.memberB.cookie);
    expect(
      b.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
  });

  it('answers 413 beyond the limit, keeps no partial file and queues nothing', async () => {
    const before = { jobs: await jobs(), batches: await batches(), files: (await readdir(t.uploadDir)).length };
    const res = await upload(w.memberA.cookie, 'big.csv', await sample('aurore-paris-2019-2024.csv'));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().messages.fr).toMatch(/trop volumineux/);
    expect(await jobs()).toBe(before.jobs);
    expect(await batches()).toBe(before.batches);
    expect((await readdir(t.uploadDir)).length).toBe(before.files);
  });

  it('refuses a file with names and phone numbers and keeps nothing of it', async () => {
    const [{ n: recordsBefore }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM case_record`);
    const res = await upload(w.memberB.cookie, 'pii.csv', await sample('bad/pii-names.csv'));
    expect(res.statusCode).toBe(202);
    const done = await settled(res.json().id, w.memberB.cookie);
    expect(done.status).toBe('refused');
    const [row] = await t.app.get(DataSource).query(`SELECT stored_file FROM import_batch WHERE id = $1`, [done.id]);
    expect(row.stored_file === null || !(await readdir(t.uploadDir)).includes(path.basename(row.stored_file))).toBe(
      true,
    );
    const names = await readdir(t.uploadDir);
    for (const f of names) expect(await readFile(path.join(t.uploadDir, f), 'utf8')).not.toMatch(/\+33|06 /);
    const [{ n: recordsAfter }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM case_record`);
    expect(recordsAfter).toBe(recordsBefore);
    // The admins see it among the failed and refused imports, and B's last upload is this one.
    const failures = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/imports/failures',
      headers: as(w.admin.cookie),
    });
    expect(failures.json()[0]).toMatchObject({
      id: done.id,
      associationId: w.assocB.id,
      associationSlug: 'asso-b',
      status: 'refused',
      dryRun: false,
      createdAt: done.createdAt,
      finishedAt: done.finishedAt,
      report: { outcome: 'refused' },
    });
    const assocs = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/associations',
      headers: as(w.admin.cookie),
    });
    const bySlug = new Map(assocs.json().map((a: { slug: string; lastImportAt: string | null }) => [a.slug, a]));
    expect(bySlug.get('asso-b')).toMatchObject({ lastImportAt: done.createdAt });
    expect(bySlug.get('asso-a')).toMatchObject({ lastImportAt: expect.any(String) });
  });

  it('previews with a dry run (nothing loaded), then loads on confirmation', async () => {
    const res = await upload(w.memberB.cookie, 'nice.csv', await sample('safe-harbour-nice-export.csv'), {
      dryRun: 'true',
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ dryRun: true, status: 'validated' });
    expect(preview.counts.recordsNew).toBeGreaterThan(0);
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM case_record WHERE association_id = $1`, [w.assocB.id]);
    expect(n).toBe(0);
    const asA = await confirmPreview(preview.id, w.memberA.cookie);
    expect(asA.statusCode).toBe(404);
    const confirm = await confirmPreview(preview.id, w.memberB.cookie);
    expect(confirm.statusCode).toBe(202);
    const done = await settled(confirm.json().id, w.memberB.cookie);
    expect(done.status).toBe('committed');
    expect(done.counts.recordsNew).toBe(preview.counts.recordsNew);
  });

  it('an unconfirmed preview expires after its time: the stored file is deleted, confirming says to upload again', async () => {
    const res = await upload(w.memberA.cookie, 'nice-late.csv', await sample('safe-harbour-nice-export.csv'), {
      dryRun: 'true',
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    const ds = t.app.get(DataSource);
    const [{ stored_file: file }] = await ds.query(`SELECT stored_file FROM import_batch WHERE id = $1`, [preview.id]);
    expect(existsSync(file)).toBe(true);
    // A fresh preview is kept; one older than the limit (24 hours by default) is expired.
    expect(await t.app.get(ImportQueueService).expirePreviews()).toBe(0);
    await ds.query(`UPDATE import_batch SET created_at = now() - interval '25 hours' WHERE id = $1`, [preview.id]);
    expect(await t.app.get(ImportQueueService).expirePreviews()).toBe(1);
    expect(existsSync(file)).toBe(false);
    const confirm = await confirmPreview(preview.id, w.memberA.cookie);
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json()).toMatchObject({ code: 'preview_expired' });
    expect(confirm.json().title ?? confirm.json().detail).toMatch(/expiré/);
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${preview.id}`,
      headers: as(w.memberA.cookie),
    });
    expect(view.json()).toMatchObject({ dryRun: true, status: 'failed' });
  });

  it('a file with row errors loads nothing on its own; confirming its preview loads the valid rows only', async () => {
    const content = await sample('bad/bad-values.csv');
    const direct = await upload(w.memberB.cookie, 'errors.csv', content);
    expect(direct.statusCode).toBe(202);
    const strict = await settled(direct.json().id, w.memberB.cookie);
    expect(strict.status).not.toBe('committed');
    // The batch holds the outcome; the report says which rows were wrong and why.
    expect(strict.report.counts.rowsRejected).toBeGreaterThan(0);

    const res = await upload(w.memberB.cookie, 'errors.csv', Buffer.concat([content, Buffer.from('\n')]), {
      dryRun: 'true',
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.report.counts.rowsRejected).toBe(strict.report.counts.rowsRejected);
    // Its one valid row would replace a year B already has: that takes naming the year.
    const removing = preview.report.yearChanges.filter((c: { removed: number }) => c.removed > 0);
    expect(removing.length).toBeGreaterThan(0);
    expect((await confirmPreview(preview.id, w.memberB.cookie)).statusCode).toBe(409);
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${preview.id}/confirm`,
      headers: { ...as(w.memberB.cookie), 'content-type': 'application/json' },
      payload: JSON.stringify({ replaceYears: removing.map((c: { year: number }) => c.year) }),
    });
    expect(confirm.statusCode).toBe(202);
    const done = await settled(confirm.json().id, w.memberB.cookie);
    expect(done.status).toBe('committed');
    expect(done.report.counts.rowsAccepted).toBe(preview.report.counts.rowsAccepted);
    expect(done.report.counts.rowsRejected).toBe(preview.report.counts.rowsRejected);
    expect(done.report.counts.rowsAccepted).toBeGreaterThan(0);
  });

  it('a confirmation that would remove stored cases of a year is refused (409) unless it names the year', async () => {
    const ds = t.app.get(DataSource);
    const header = 'N° dossier;Année;Sexe;Âge;Exploitation';
    const csv = (...rows: string[]) => Buffer.from([header, ...rows].join('\n') + '\n');
    const perYear = async () =>
      ds.query(
        `SELECT reference_year AS year, count(*)::int AS n FROM case_record
          WHERE association_id = $1 AND reference_year IN (2011, 2012) GROUP BY 1 ORDER BY 1`,
        [w.assocA.id],
      );
    const full = csv(
      ...Array.from({ length: 18 }, (_, i) => `K${i};2011;F;25;Travail forcé`),
      'L1;2012;F;30;Travail forcé',
    );
    const loaded = await upload(w.memberA.cookie, 'full-2011.csv', full);
    expect((await settled(loaded.json().id, w.memberA.cookie)).status).toBe('committed');
    const before = await perYear();
    expect(before).toEqual([
      { year: 2011, n: 18 },
      { year: 2012, n: 1 },
    ]);

    const res = await upload(w.memberA.cookie, 'partial-2011.csv', csv('K0;2011;F;25;Travail forcé'), {
      dryRun: 'true',
    });
    const preview = res.json();
    expect(preview.report.yearChanges).toEqual([
      { year: 2011, before: 18, after: 1, new: 0, replaced: 0, unchanged: 1, removed: 17, partial: true },
    ]);
    const confirmWith = (body?: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/imports/${preview.id}/confirm`,
        headers: { ...as(w.memberA.cookie), 'content-type': 'application/json' },
        payload: JSON.stringify(body ?? {}),
      });
    for (const refused of [
      await confirmPreview(preview.id, w.memberA.cookie),
      await confirmWith({ replaceYears: [2012] }),
    ]) {
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      const problem = refused.json();
      expect(problem.code).toBe('replace_not_confirmed');
      expect(problem.messages.fr).toContain("2011 : 18 dossiers aujourd'hui, 1 après cet envoi (17 retirés");
      expect(problem.messages.fr).toContain('probablement un export partiel');
      expect(problem.messages.en).toContain('2011: 18 cases today, 1 after this upload (17 removed');
      expect(problem.messages.en).toContain('"replaceYears": [2011]');
      expect(problem.errors).toEqual([
        { path: 'replaceYears', message: expect.objectContaining({ fr: expect.stringMatching(/^2011 : 18/) }) },
      ]);
    }
    expect((await confirmWith({ replaceYears: ['2011x'] })).statusCode).toBe(400);
    expect(await perYear()).toEqual(before);

    const confirmed = await confirmWith({ replaceYears: [2011] });
    expect(confirmed.statusCode).toBe(202);
    const done = await settled(confirmed.json().id, w.memberA.cookie);
    expect(done.status).toBe('committed');
    expect(done.report.counts.recordsRemoved).toBe(17);
    expect(await perYear()).toEqual([
      { year: 2011, n: 1 },
      { year: 2012, n: 1 },
    ]);

    // A preview whose "before" no longer holds is stale: the decision would be taken on wrong numbers.
    const stale = (
      await upload(w.memberA.cookie, 'new-2011.csv', csv('K0;2011;F;25;Travail forcé', 'K1;2011;F;25;Travail forcé'), {
        dryRun: 'true',
      })
    ).json();
    const direct = await upload(w.memberA.cookie, 'other-2011.csv', csv('M1;2011;H;40;Travail forcé'));
    const failed = await settled(direct.json().id, w.memberA.cookie);
    // Without a preview the worker refuses the removal, and nothing changes.
    expect(failed.status).toBe('failed');
    expect(failed.report.warnings[0]).toMatchObject({ code: 'replace_not_confirmed' });
    expect(failed.report.warnings[0].message.fr).toContain("2011 : 1 dossier aujourd'hui, 1 après cet envoi (1 retiré");
    const named = await upload(
      w.memberA.cookie,
      'other-2011.csv',
      csv('M1;2011;H;40;Travail forcé', 'M2;2011;H;40;Travail forcé'),
      { replaceYears: '2011' },
    );
    expect((await settled(named.json().id, w.memberA.cookie)).status).toBe('committed');
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${stale.id}/confirm`,
      headers: { ...as(w.memberA.cookie), 'content-type': 'application/json' },
      payload: JSON.stringify({ replaceYears: [2011] }),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('preview_stale');
    expect(await perYear()).toEqual([
      { year: 2011, n: 2 },
      { year: 2012, n: 1 },
    ]);
  });

  it('a crashed import ends failed with a report saying to upload again; every list and page still answers', async () => {
    const ds = t.app.get(DataSource);
    // What a worker killed mid-load leaves: a batch in `loading`, no report, nobody holding its lock.
    const [{ id }] = await ds.query(
      `INSERT INTO import_batch (association_id, content_hash, status, original_name, stored_file)
       VALUES ($1, 'crashed', 'loading', 'suivi 2024.xlsx', $2) RETURNING id`,
      [w.assocA.id, path.join(t.uploadDir, '00000000-0000-4000-8000-00000000c0de.xlsx')],
    );
    await t.app.get(ImportQueueService).expirePreviews(); // the queue's sweep, as when the API or a worker starts
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: as(w.memberA.cookie) });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ status: 'failed', report: { outcome: 'failed', fileName: 'suivi 2024.xlsx' } });
    expect(one.json().report.errors[0].message.fr).toMatch(/interrompu.*Envoyez-le à nouveau/);
    expect(one.json().report.errors[0].message.en).toMatch(/interrupted.*Upload it again/);
    for (const [url, cookie] of [
      ['/api/v1/imports', w.memberA.cookie],
      ['/api/v1/admin/imports', w.admin.cookie],
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: as(cookie) });
      expect(res.statusCode, url).toBe(200);
      expect(res.json().map((i: { id: string }) => i.id)).toContain(id);
    }
  });

  it('reports the queue in health', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: 'ok', queue: 'ok' });
  });
});
