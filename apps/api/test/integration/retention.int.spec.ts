import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { createImportQueue } from '@observatoire/etl';
import { importReportSchema } from '@observatoire/schema';
import { settledImport, uploadFile, useTestApp, useWorldIn } from './harness.js';

/**
 * Security regression suite, retention part: what an upload leaves behind. No raw file stays under the upload
 * folder once its import has ended (committed, refused, failed: zip bomb, random bytes, truncated workbook), or once
 * a preview expired; a crash's leftovers are swept when a queue starts; a free-text column's value, a case id and a
 * birth date never reach a stored report, a rejected-rows file or any database row.
 */

const SAMPLES = fileURLToPath(new URL('../../../../packages/etl/test/fixtures/', import.meta.url));
const sample = (name: string) => readFile(path.join(SAMPLES, name));

// Narratives and identifiers that must never be stored: each carries a word found nowhere else.
const NARRATIVE = 'Elle raconte avoir rencontré Zorglubio dans un café avant de partir pour un travail promis';
const UNMAPPED_NARRATIVE = 'La personne a été orientée par Quetzalcoatlo après plusieurs semaines sans hébergement';
const CODED_NARRATIVE = 'Contactée sur internet par Bidibulix qui lui promettait un emploi de serveuse bien payé';
const CASE_ID = 'DOSSIER-XQ1789';
const BIRTH = '04/05/1990';
const NEVER_STORED = ['Zorglubio', 'Quetzalcoatlo', 'Bidibulix', CASE_ID, BIRTH, '1990-05-04'];

const PRIVATE_EXPORT =
  'N° dossier;Année;Sexe;Date de naissance;Nationalité;Recrutement;Observations;Divers\r\n' +
  `${CASE_ID};2023;Femme;${BIRTH};Nigeria;Réseaux sociaux;${NARRATIVE};${UNMAPPED_NARRATIVE}\r\n` +
  `D-2;deux mille vingt;Femme;12/11/1999;Roumanie;${CODED_NARRATIVE};${NARRATIVE};${UNMAPPED_NARRATIVE}\r\n` +
  `D-3;2023;Homme;01/02/1985;France;Famille;${NARRATIVE};${UNMAPPED_NARRATIVE}\r\n` +
  `D-4;2023;Femme;03/03/2001;Maroc;${CODED_NARRATIVE};${NARRATIVE};${UNMAPPED_NARRATIVE}\r\n`;

/** Bytes that look random but are the same on every run (a failure must be reproducible). */
function noise(length: number): Buffer {
  const out: Buffer[] = [];
  let block = Buffer.from('observatoire');
  for (let n = 0; n < length; n += 32) out.push((block = createHash('sha256').update(block).digest()));
  return Buffer.concat(out).subarray(0, length);
}

async function zipBomb(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  zip.file('xl/media/zeros.bin', Buffer.alloc(20 * 1024 * 1024));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('retention: no raw file kept, no free text stored', () => {
  const t = useTestApp({ importWorker: true });
  const w = useWorldIn(t);
  let ds: DataSource;
  beforeAll(async () => {
    ds = t.app.get(DataSource);
  });

  const as = (cookie: string) => ({ cookie, origin: 'http://127.0.0.1:3000' });

  async function upload(name: string, content: Buffer, fields: Record<string, string> = {}, cookie = w.memberA.cookie) {
    const res = await uploadFile(t.app, cookie, { name, content }, fields);
    expect([200, 202]).toContain(res.statusCode);
    return res.json() as { id: string; status: string; dryRun: boolean };
  }

  const settled = (id: string, cookie = w.memberA.cookie) => settledImport(t.app, id, cookie);

  /** The worker deletes the file right after settling the batch: wait for that, then nothing may be left. */
  async function expectNoUploads(): Promise<void> {
    const deadline = Date.now() + 30_000;
    let files = await readdir(t.uploadDir);
    while (files.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      files = await readdir(t.uploadDir);
    }
    expect(files).toEqual([]);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM import_batch WHERE stored_file IS NOT NULL`);
    expect(n).toBe(0);
  }

  /** Every row of every table of the application and of its queue, as text, searched for each value. */
  async function expectNowhereInDatabase(values: string[]): Promise<void> {
    const tables: { schema: string; name: string }[] = await ds.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThan(5);
    for (const { schema, name } of tables) {
      for (const v of values) {
        const [{ n }] = await ds.query(
          `SELECT count(*)::int AS n FROM "${schema}"."${name}" t WHERE t::text ILIKE '%' || $1 || '%'`,
          [v],
        );
        expect(n, `${v} in ${schema}.${name}`).toBe(0);
      }
    }
  }

  it('a committed import leaves no file, and its report says the file was deleted', async () => {
    const queued = await upload('nice.csv', await sample('safe-harbour-nice-export.csv'));
    const done = await settled(queued.id);
    expect(done.status).toBe('committed');
    await expectNoUploads();
    const view = (
      await t.app.inject({ method: 'GET', url: `/api/v1/imports/${queued.id}`, headers: as(w.memberA.cookie) })
    ).json();
    expect(view.retention).toMatchObject({ fileKept: false, fileDeleteBy: null });
    expect(view.retention.message.fr).toMatch(/^Le fichier envoyé a été supprimé\..*dossiers sous forme anonymisée/);
    expect(view.retention.message.en).toMatch(/^The file you sent has been deleted\./);
  });

  it('a refused file (names, phone numbers) leaves no file', async () => {
    const done = await settled((await upload('pii.csv', await sample('bad/pii-names.csv'))).id);
    expect(done.status).toBe('refused');
    await expectNoUploads();
  });

  it('a file with row errors loaded directly (nothing loaded) leaves no file', async () => {
    const done = await settled((await upload('errors.csv', await sample('bad/bad-values.csv'))).id);
    expect(done.status).toBe('failed');
    expect(done.report.outcome).toBe('rejected');
    await expectNoUploads();
  });

  const hostile = async (): Promise<[string, Buffer][]> => {
    const workbook = await sample('amarre-nantes-suivi.xlsx');
    return [
      ['bombe.xlsx', await zipBomb()],
      ['aleatoire.csv', noise(4096)],
      ['aleatoire.xlsx', noise(4096)],
      ['tronque.xlsx', workbook.subarray(0, Math.floor(workbook.length / 2))],
      ['inconnu.numbers', Buffer.from('Année;Sexe\n2023;F\n')],
    ];
  };

  it('failed files (zip bomb, random bytes, truncated workbook, unknown format) leave no file, uploaded or previewed', async () => {
    for (const [name, content] of await hostile()) {
      for (const fields of [{}, { dryRun: 'true' }] as Record<string, string>[]) {
        const done = await settled((await upload(name, content, fields)).id);
        expect(['failed', 'refused'], name).toContain(done.status);
        expect(importReportSchema.safeParse(done.report).success).toBe(true);
        // The report names the user's file, never the internal one.
        expect(done.report.fileName).toBe(name);
        expect(JSON.stringify(done.report)).not.toMatch(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(bin|csv|xlsx)/,
        );
        await expectNoUploads();
      }
    }
    const unknown = await settled((await upload('inconnu.numbers', Buffer.from('x;y\n1;2\n'), { dryRun: 'true' })).id);
    expect(unknown.report.warnings[0].message.fr).toContain('« inconnu.numbers »');
  });

  it('a preview keeps its file only until PREVIEW_MAX_AGE_HOURS, says so, then expires', async () => {
    const preview = await upload('apercu.csv', await sample('safe-harbour-nice-export.csv'), { dryRun: 'true' });
    expect(preview.status).toBe('validated');
    expect(await readdir(t.uploadDir)).toHaveLength(1);
    const view = (
      await t.app.inject({ method: 'GET', url: `/api/v1/imports/${preview.id}`, headers: as(w.memberA.cookie) })
    ).json();
    expect(view.retention.fileKept).toBe(true);
    const [{ created_at: created }] = await ds.query(`SELECT created_at FROM import_batch WHERE id = $1`, [preview.id]);
    expect(Date.parse(view.retention.fileDeleteBy) - new Date(created).getTime()).toBe(24 * 3_600_000);
    expect(view.retention.message.fr).toMatch(/conservé jusqu’au .* pour que vous puissiez confirmer cet aperçu/);
    await ds.query(`UPDATE import_batch SET created_at = now() - interval '25 hours' WHERE id = $1`, [preview.id]);
    await (await createImportQueue(t.pool, { uploadDir: t.uploadDir })).stop();
    await expectNoUploads();
  });

  it('says on request what is kept and for how long (the upload page shows it)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/imports/retention', headers: as(w.memberA.cookie) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ previewMaxAgeHours: 24, rejectedRowsDays: 30 });
    expect(res.json().message.fr).toMatch(
      /supprimé dès la fin de son import.*24 h au plus.*pendant 30 jours.*tranche d’âge/,
    );
    expect(res.json().message.en).toMatch(/deleted as soon as its import ends.*at most 24 h.*for 30 days.*age band/);
  });

  it('free text, case ids and birth dates reach no report, no rejected-rows file and no database row', async () => {
    const content = Buffer.from(PRIVATE_EXPORT, 'utf8');
    const preview = await settled((await upload('export-prive.csv', content, { dryRun: 'true' })).id);
    expect(preview.status).toBe('validated');
    expect(preview.counts.rowsRejected).toBe(1);
    const codes = [...preview.report.warnings, ...preview.report.errors].map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['free_text_dropped', 'birth_date_dropped', 'unknown_value']));

    // An earlier test loaded these years for A: replacing them is named explicitly.
    const replaceYears = (preview.report.yearChanges ?? [])
      .filter((c: { removed: number }) => c.removed > 0)
      .map((c: { year: number }) => c.year);
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${preview.id}/confirm`,
      headers: { ...as(w.memberA.cookie), 'content-type': 'application/json' },
      payload: JSON.stringify({ replaceYears }),
    });
    expect(confirm.statusCode).toBe(202);
    const done = await settled(confirm.json().id);
    expect(done.status).toBe('committed');
    expect(done.counts.rowsAccepted).toBe(3);
    // A direct upload of the same rows (changed by one byte) is rejected as a whole, with its rows kept.
    const direct = await settled(
      (await upload('export-prive-2.csv', Buffer.concat([content, Buffer.from('\r\n')]))).id,
    );
    expect(direct.report.outcome).toBe('rejected');
    await expectNoUploads();

    for (const id of [preview.id, done.id, direct.id]) {
      const view = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: as(w.memberA.cookie) });
      for (const v of NEVER_STORED) expect(view.body).not.toContain(v);
      for (const lang of ['fr', 'en']) {
        const csv = await t.app.inject({
          method: 'GET',
          url: `/api/v1/imports/${id}/rejected.csv?lang=${lang}`,
          headers: as(w.memberA.cookie),
        });
        expect(csv.statusCode).toBe(200);
        for (const v of NEVER_STORED) expect(csv.body).not.toContain(v);
        if (id !== done.id) {
          // The rejected row keeps its coded cells (and the unreadable year), nothing else.
          const lines = csv.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
          expect(lines[0].split(';').slice(0, 4)).toEqual(['Année', 'Sexe', 'Nationalité', 'Recrutement']);
          expect(lines[1].startsWith('deux mille vingt;Femme;Roumanie;;3;')).toBe(true);
        }
      }
    }
    const admin = await t.app.inject({ method: 'GET', url: '/api/v1/admin/imports', headers: as(w.admin.cookie) });
    for (const v of NEVER_STORED) expect(admin.body).not.toContain(v);
    await expectNowhereInDatabase(NEVER_STORED);
  });

  it('rejected rows are kept for REJECTED_ROWS_DAYS, then dropped by the sweep', async () => {
    const [row] = await ds.query(
      `SELECT id, rejected_rows_until - finished_at AS kept FROM import_batch
        WHERE rejected_rows IS NOT NULL AND NOT dry_run ORDER BY created_at DESC LIMIT 1`,
    );
    expect(row.kept).toMatchObject({ days: 30 });
    await ds.query(`UPDATE import_batch SET rejected_rows_until = now() - interval '1 second' WHERE id = $1`, [row.id]);
    await (await createImportQueue(t.pool, { uploadDir: t.uploadDir })).stop();
    const [after] = await ds.query(`SELECT rejected_rows FROM import_batch WHERE id = $1`, [row.id]);
    expect(after.rejected_rows).toBeNull();
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${row.id}/rejected.csv`,
      headers: as(w.memberA.cookie),
    });
    // Still listed from the report (row, column, message), without any cell.
    expect(csv.rawPayload.subarray(3).toString('utf8').split('\r\n')[0]).toBe('ligne;colonne;valeur;message');
  });

  it('a queue starting (API or worker) deletes files left by a crash or by an older version', async () => {
    // A settled batch still pointing at its file (a crash between the commit and the deletion)…
    const settledFile = path.join(t.uploadDir, `${randomUUID()}.csv`);
    await writeFile(settledFile, 'Année;Sexe\n2023;F\n');
    const [{ id }] = await ds.query(
      `INSERT INTO import_batch (association_id, content_hash, status, stored_file, original_name, finished_at)
       VALUES ($1, $2, 'committed', $3, 'old.csv', now()) RETURNING id`,
      [w.assocA.id, randomUUID(), settledFile],
    );
    // …a file no batch refers to, older than the grace period, and a fresh one (an upload on its way to its batch).
    const orphan = path.join(t.uploadDir, `${randomUUID()}.xlsx`);
    const fresh = path.join(t.uploadDir, `${randomUUID()}.csv.partial`);
    const unrelated = path.join(t.uploadDir, 'README.txt');
    for (const f of [orphan, fresh, unrelated]) await writeFile(f, 'x');
    const old = new Date(Date.now() - 2 * 3_600_000);
    await utimes(orphan, old, old);
    await utimes(unrelated, old, old);

    await (await createImportQueue(t.pool, { uploadDir: t.uploadDir })).stop();
    expect((await readdir(t.uploadDir)).sort()).toEqual([path.basename(fresh), 'README.txt'].sort());
    const [row] = await ds.query(`SELECT stored_file FROM import_batch WHERE id = $1`, [id]);
    expect(row.stored_file).toBeNull();
    await utimes(fresh, old, old);
    await (await createImportQueue(t.pool, { uploadDir: t.uploadDir })).stop();
    expect(await readdir(t.uploadDir)).toEqual(['README.txt']);
  });
});
