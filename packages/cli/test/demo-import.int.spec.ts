import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { openPool } from '@observatoire/db';
import { createTestDatabase, type TestDatabase } from '@observatoire/db/testing';
import { runImport, type ImportResult } from '@observatoire/etl';
import { ONLINE_CHANNELS } from '@observatoire/schema';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateDemoExports, type DemoExport } from '../src/demo/index.js';

const ONLINE: readonly string[] = ONLINE_CHANNELS;

/**
 * The demo exports go through the real ETL into a real PostgreSQL, as `npm start` loads them on first start:
 * every case must load, only the deliberate oddities may warn, and the stored data must show the intended trend.
 */
describe('demo exports through the real ETL', () => {
  let db: TestDatabase;
  let client: pg.Pool;
  let dir: string;
  let exports: DemoExport[];
  const results = new Map<string, ImportResult>();

  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl' as never) as string, 'demo');
    client = openPool(db.url);
    dir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-demo-import-'));
    exports = await generateDemoExports(dir, { seed: 5, cases: 1500 });
    for (const e of exports) {
      await client.query('INSERT INTO association (slug, name, is_demo) VALUES ($1, $2, true)', [
        e.associationSlug,
        e.associationName,
      ]);
      const result = await runImport({
        db: client,
        file: e.file,
        association: e.associationSlug,
        pseudonymKey: Buffer.alloc(32, 7),
      });
      results.set(e.associationSlug, result);
    }
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads every case of every file, rejecting none', async () => {
    for (const e of exports) {
      const r = results.get(e.associationSlug)!;
      expect([e.associationSlug, r.outcome]).toEqual([e.associationSlug, 'committed']);
      expect(r.report.errors).toEqual([]);
      expect(r.report.counts.rowsRejected).toBe(0);
      expect(r.report.counts.rowsAccepted).toBe(e.cases);
      const stored = await client.query<{ n: number; lo: number; hi: number }>(
        `SELECT count(*)::int AS n, min(reference_year)::int AS lo, max(reference_year)::int AS hi
           FROM case_record c JOIN association a ON a.id = c.association_id WHERE a.slug = $1`,
        [e.associationSlug],
      );
      expect(stored.rows[0]).toEqual({ n: e.cases, lo: e.years[0], hi: e.years[1] });
    }
  });

  it('warns only about the deliberate oddities: unrecognised values, unreadable ages, free-text notes', () => {
    const codes = new Set<string>();
    const raw = new Set<string>();
    for (const r of results.values()) {
      for (const w of r.report.warnings) {
        codes.add(w.code);
        if (w.rawValue) raw.add(String(w.rawValue));
      }
    }
    expect(codes.has('unknown_value')).toBe(true);
    for (const value of raw) {
      expect(value).toMatch(/^(Voir dossier papier|See paper file|Atlantide|Atlantis|adulte|adult)$/);
    }
  });

  it('stores online exploitation and recruiter relations for the associations that record them', async () => {
    const rows = await client.query<{ slug: string; known: number; yes: number; relation: number; platforms: number }>(
      `SELECT a.slug,
              avg(CASE WHEN online_exploitation <> 'unknown' THEN 1 ELSE 0 END)::float AS known,
              avg(CASE WHEN online_exploitation = 'yes' THEN 1 ELSE 0 END)::float AS yes,
              avg(CASE WHEN recruiter_relation <> 'unknown' THEN 1 ELSE 0 END)::float AS relation,
              avg(CASE WHEN exploitation_platforms <> '{unknown}' THEN 1 ELSE 0 END)::float AS platforms
         FROM case_record c JOIN association a ON a.id = c.association_id GROUP BY a.slug`,
    );
    const by = new Map(rows.rows.map((r) => [r.slug, r]));
    for (const slug of ['horizon-lyon', 'open-door-lille']) {
      const r = by.get(slug)!;
      expect(r.known).toBeGreaterThan(0.8);
      expect(r.yes).toBeGreaterThan(0.3);
      expect(r.relation).toBeGreaterThan(0.8);
      expect(r.platforms).toBeGreaterThan(0.1);
    }
    // The others keep no such columns: everything stays "unknown", as it would for a real association.
    for (const slug of ['escale-marseille', 'rivage-bordeaux']) {
      expect(by.get(slug)!.known).toBe(0);
      expect(by.get(slug)!.relation).toBe(0);
    }
  });

  it('stores online recruitment rising from about 15% to about 55%', async () => {
    const rows = await client.query<{ year: number; share: number }>(
      `SELECT reference_year::int AS year,
              avg(CASE WHEN recruitment_channels && $1::text[] THEN 1 ELSE 0 END)::float AS share
         FROM case_record GROUP BY 1 ORDER BY 1`,
      [ONLINE],
    );
    const share = new Map(rows.rows.map((r) => [r.year, r.share]));
    expect([...share.keys()]).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(share.get(2016)).toBeLessThan(0.26);
    expect(share.get(2025)).toBeGreaterThan(0.45);
    expect(share.get(2025)! - share.get(2016)!).toBeGreaterThan(0.25);
  });
});
