import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settledImport, uploadFile, useWorld } from './harness.js';

// The sample exports of ../shared/samples, as copied into the repository with the ETL's fixtures.
const SAMPLES = fileURLToPath(new URL('../../../../packages/etl/test/fixtures/', import.meta.url));
const ORIGIN = 'http://127.0.0.1:3000';

describe('association space endpoints (rejected rows file, preview again after saving mappings)', () => {
  const s = useWorld({ importWorker: true });

  const as = (cookie: string) => ({ cookie, origin: ORIGIN });

  async function upload(cookie: string, name: string, content: Buffer, fields: Record<string, string> = {}) {
    const res = await uploadFile(s.t.app, cookie, { name, content }, fields);
    expect([200, 202]).toContain(res.statusCode);
    return res.json() as { id: string; status: string };
  }

  const settled = (id: string, cookie: string) => settledImport(s.t.app, id, cookie);

  /** One import's rejected rows, or a rerun or confirm of it, as this member (anonymously without a cookie). */
  const onImport = (method: 'GET' | 'POST', id: string, tail: string, cookie?: string) =>
    s.t.app.inject({ method, url: `/api/v1/imports/${id}/${tail}`, headers: cookie ? as(cookie) : {} });

  let rejectedId: string;

  it('gives the rejected rows back with their original columns, row, column, value and message', async () => {
    const queued = await upload(
      s.w.memberA.cookie,
      'bad-values.csv',
      await readFile(path.join(SAMPLES, 'bad/bad-values.csv')),
    );
    rejectedId = queued.id;
    const done = await settled(rejectedId, s.w.memberA.cookie);
    expect(done.report.counts.rowsRejected).toBe(3);

    const res = await onImport('GET', rejectedId, 'rejected.csv', s.w.memberA.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="lignes-rejetees-/);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('Année;Sexe;Âge;Nationalité;Exploitation;Recrutement;ligne;colonne;valeur;message');
    // The three rejected rows of the sample, in file order, with their own cells untouched.
    expect(lines).toHaveLength(4);
    expect(lines[1].startsWith('vingt;Femme;25;France;Travail forcé;Famille;3;')).toBe(true);
    expect(lines[2].startsWith('2099;Homme;-4;Maroc;Travail forcé;Famille;4;')).toBe(true);
    expect(lines[3].startsWith("2022;Femme;250;Chine;Exploitation sexuelle;Site d'annonces;5;")).toBe(true);
    // The good row is not in the file.
    expect(lines.join('\n')).not.toContain('Réseaux sociaux');

    const en = await onImport('GET', rejectedId, 'rejected.csv?lang=en', s.w.memberA.cookie);
    expect(en.rawPayload.subarray(3).toString('utf8').split('\r\n')[0]).toMatch(/;row;column;value;message$/);
  });

  it('writes a value starting like a formula as text, never as a formula', async () => {
    const csv = 'Année;Sexe;Âge;Nationalité;Exploitation;Recrutement\r\n=1+1;Femme;25;France;Travail forcé;Famille\r\n';
    const queued = await upload(s.w.memberA.cookie, 'formula.csv', Buffer.from(csv, 'utf8'));
    const done = await settled(queued.id, s.w.memberA.cookie);
    expect(done.report.counts.rowsRejected).toBe(1);
    const res = await onImport('GET', queued.id, 'rejected.csv', s.w.memberA.cookie);
    const body = res.rawPayload.subarray(3).toString('utf8');
    expect(body.split('\r\n')[1].startsWith("'=1+1;")).toBe(true);
    expect(body).not.toMatch(/(^|;)=/m);
  });

  it('never gives another association’s rejected rows or lets it run them again (404)', async () => {
    for (const url of [`/api/v1/imports/${rejectedId}/rejected.csv`, '/api/v1/imports/not-an-id/rejected.csv']) {
      const res = await s.t.app.inject({ method: 'GET', url, headers: as(s.w.memberB.cookie) });
      expect(res.statusCode).toBe(404);
    }
    const rerun = await onImport('POST', rejectedId, 'rerun', s.w.memberB.cookie);
    expect(rerun.statusCode).toBe(404);
    const anonymous = await onImport('GET', rejectedId, 'rejected.csv');
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 404 for an id that is no UUID, whatever its length, before asking PostgreSQL', async () => {
    const notUuid = '-'.repeat(36);
    for (const res of [
      await s.t.app.inject({ method: 'GET', url: `/api/v1/imports/${notUuid}`, headers: as(s.w.memberA.cookie) }),
      await onImport('GET', notUuid, 'rejected.csv', s.w.memberA.cookie),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('previews a waiting file again with the mappings saved into the profile', async () => {
    const csv =
      'Année;Sexe;Âge;Nationalité;Exploitation;Recrutement;Plateforme\r\n' +
      '2023;Femme;25;France;Exploitation sexuelle;Réseaux sociaux;Kikou\r\n' +
      '2023;Femme;31;Roumanie;Exploitation sexuelle;Réseaux sociaux;Kikou\r\n';
    const preview = await upload(s.w.memberA.cookie, 'kikou.csv', Buffer.from(csv, 'utf8'), { dryRun: 'true' });
    // Another import running meanwhile must leave the waiting preview alone (it is no interrupted load).
    const other = await upload(
      s.w.memberB.cookie,
      'nice.csv',
      await readFile(path.join(SAMPLES, 'safe-harbour-nice-export.csv')),
    );
    expect((await settled(other.id, s.w.memberB.cookie)).status).toBe('committed');
    const first = await settled(preview.id, s.w.memberA.cookie);
    expect(first).toMatchObject({ status: 'validated', dryRun: true });
    const warned = (first.report.warnings as { rawValue?: string; count?: number }[]).find(
      (x) => x.rawValue === 'Kikou',
    );
    expect(warned?.count).toBe(2);

    const put = await s.t.app.inject({
      method: 'PUT',
      url: '/api/v1/associations/me/mapping-profile',
      headers: as(s.w.memberA.cookie),
      payload: { version: 1, values: { recruitmentPlatforms: { Kikou: 'other' } } },
    });
    expect(put.statusCode).toBe(200);

    const rerun = await onImport('POST', preview.id, 'rerun', s.w.memberA.cookie);
    expect(rerun.statusCode).toBe(200);
    const again = await settled(rerun.json().id, s.w.memberA.cookie);
    expect(again).toMatchObject({ status: 'validated', dryRun: true });
    expect(again.counts.recordsNew).toBe(2);
    expect(JSON.stringify(again.report.warnings)).not.toContain('Kikou');

    // Only the newest preview holds the file: the older one can no longer be confirmed or run again.
    const old = await onImport('POST', preview.id, 'rerun', s.w.memberA.cookie);
    expect(old.statusCode).toBe(409);
    const confirmOld = await onImport('POST', preview.id, 'confirm', s.w.memberA.cookie);
    expect(confirmOld.statusCode).toBe(409);
    const confirm = await onImport('POST', again.id, 'confirm', s.w.memberA.cookie);
    expect([200, 202]).toContain(confirm.statusCode);
    const loaded = await settled(confirm.json().id, s.w.memberA.cookie);
    expect(loaded.status).toBe('committed');
    expect(loaded.counts.rowsAccepted).toBe(2);
  });
});
