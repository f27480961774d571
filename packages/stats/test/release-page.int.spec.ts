import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@observatoire/db/testing';
import { releasePageSchema, releaseSchema } from '@observatoire/schema';
import {
  addReleaseNotice,
  getRelease,
  getReleasePage,
  listReleaseNotices,
  publishRelease,
  StatsError,
} from '../src/index.js';
import { randomCases } from './random-cases.js';
import { seedCases } from './seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

describe('release page: composition, consent, what changed, annotations, notices', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  const setConsent = (slug: string, yes: boolean) =>
    pool.query('UPDATE association SET name_public = $2 WHERE slug = $1', [slug, yes]);

  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'));
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    pool.on('error', () => {}); // the database is dropped at the end, with idle clients still closing
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('refuses an annotation on a year the release does not cover, or two on one year, and stores nothing', async () => {
    await seedCases(
      db.url,
      randomCases(3, { years: [2022, 2023], perYear: 150, associations: ['aurore', 'amarre', 'harbour'] }),
    );
    const outside = await publishRelease(pool, {
      annotations: [{ year: 2019, text: { fr: 'avant', en: 'before' } }],
    }).catch((e) => e);
    expect(outside).toBeInstanceOf(StatsError);
    expect(outside.status).toBe(400);
    expect(outside.userMessage.fr).toMatch(/2019 n’est pas couverte par cette publication \(2022–2023\)/);
    expect(outside.userMessage.en).toMatch(/year 2019 is not covered by this release \(2022–2023\)/);
    const twice = await publishRelease(pool, {
      annotations: [
        { year: 2022, text: { fr: 'a', en: 'a' } },
        { year: 2022, text: { fr: 'b', en: 'b' } },
      ],
    }).catch((e) => e);
    expect(twice.userMessage.fr).toMatch(/Deux annotations pour l’année 2022/);
    expect((await pool.query('SELECT count(*)::int AS n FROM release')).rows[0].n).toBe(0);
  });

  it('records consenting names and annotations in the release row; unnamed associations are only counted', async () => {
    await setConsent('aurore', true);
    const release = await publishRelease(pool, {
      slug: 'first',
      annotations: [
        { year: 2023, text: { fr: 'loi nouvelle', en: 'new law' } },
        { year: 2022, text: { fr: '  confinement ', en: 'lockdown' } },
      ],
    });
    expect(releaseSchema.parse(release).annotations).toEqual([
      { year: 2022, text: { fr: 'confinement', en: 'lockdown' } },
      { year: 2023, text: { fr: 'loi nouvelle', en: 'new law' } },
    ]);
    const page = releasePageSchema.parse(await getReleasePage(pool, 'first'));
    expect(page.associations).toMatchObject({ total: 3, recorded: true, unnamed: 2 });
    expect(page.associations.named).toEqual([{ slug: 'aurore', name: 'Association aurore' }]);
    expect(page.associations.byYear.map((y) => y.year)).toEqual([2022, 2023]);
    expect(page.changes).toBeNull();
    // The internal ids are never served.
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM association');
    for (const { id } of rows) expect(JSON.stringify(page)).not.toContain(id);
  });

  it('a later change of consent never alters a published release, and applies to the next one', async () => {
    await setConsent('aurore', false);
    await setConsent('harbour', true);
    expect((await getReleasePage(pool, 'first')).associations.named.map((a) => a.slug)).toEqual(['aurore']);
    // 2024 added by a new association; 2023 revised (more records); 2022 unchanged; amarre leaves (withdrawn).
    await seedCases(
      db.url,
      randomCases(5, { years: [2024], perYear: 120, associations: ['nid', 'harbour', 'aurore'] }),
    );
    await seedCases(db.url, randomCases(6, { years: [2023], perYear: 20, associations: ['aurore', 'harbour'] }));
    await setConsent('nid', true);
    await pool.query(`UPDATE association SET withdrawn_at = now() WHERE slug = 'amarre'`);
    await pool.query(
      `DELETE FROM case_entry WHERE association_id = (SELECT id FROM association WHERE slug = 'amarre')`,
    );
    await publishRelease(pool, { slug: 'second' });
    const page = await getReleasePage(pool, 'second');
    expect(page.associations.named.map((a) => a.slug)).toEqual(['harbour', 'nid']);
    expect(page.changes).toMatchObject({
      previous: { slug: 'first' },
      yearsAdded: [2024],
      yearsRemoved: [],
      ruleChanged: false,
      joined: { count: 1, named: [{ slug: 'nid', name: 'Association nid' }] },
      left: { count: 1, named: [] },
    });
    // Years an earlier release published are carried forward with their figures, even when their data changed.
    expect(page.changes!.yearsFrozen).toEqual([2022, 2023]);
    expect(page.changes!.yearsRevised).toEqual([]);
  });

  it('names a departed association that consents, and reports years kept frozen', async () => {
    await pool.query(`UPDATE association SET name_public = true WHERE slug = 'nid'`);
    await seedCases(db.url, randomCases(8, { years: [2025], perYear: 90, associations: ['aurore', 'harbour'] }));
    await pool.query(`DELETE FROM case_entry WHERE association_id = (SELECT id FROM association WHERE slug = 'nid')`);
    await publishRelease(pool, { slug: 'third' });
    const page = await getReleasePage(pool, 'third');
    expect(page.changes).toMatchObject({
      yearsAdded: [2025],
      ruleChanged: false,
      joined: { count: 0, named: [] },
      left: { count: 1, named: [{ slug: 'nid', name: 'Association nid' }] },
    });
    expect(page.changes!.yearsFrozen).toEqual([2022, 2023, 2024]);
    expect(page.changes!.yearsRevised).toEqual([]);
  });

  it('attaches an erratum without touching the release, append-only', async () => {
    const before = await getRelease(pool, 'first');
    const cellsBefore = (await pool.query('SELECT count(*)::int AS n FROM release_cell')).rows[0].n;
    const notice = await addReleaseNotice(
      pool,
      'first',
      {
        kind: 'erratum',
        text: { fr: 'Le total 2023 comptait deux fois un envoi.', en: 'The 2023 total counted one upload twice.' },
      },
      'test',
    );
    expect(notice).toMatchObject({ releaseSlug: 'first', kind: 'erratum' });
    expect(await listReleaseNotices(pool, 'first')).toEqual([notice]);
    expect(await listReleaseNotices(pool, 'second')).toEqual([]);
    expect(await getRelease(pool, 'first')).toEqual(before);
    expect((await pool.query('SELECT count(*)::int AS n FROM release_cell')).rows[0].n).toBe(cellsBefore);
    await expect(pool.query(`UPDATE release_notice SET kind = 'retraction'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM release_notice`)).rejects.toThrow(/append-only/);
    const missing = await addReleaseNotice(pool, 'nope', notice, null).catch((e) => e);
    expect(missing.status).toBe(404);
  });
});
