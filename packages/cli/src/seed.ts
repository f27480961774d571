import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { dataDir, openPool } from '@observatoire/db';
import { runImport, type ImportResult } from '@observatoire/etl';
import { publishRelease } from '@observatoire/stats';
import { DEMO_SEED, generateDemoExports } from './demo/index.js';

type Say = (line: string) => void;

export interface SeedFile {
  slug: string;
  name: string;
  file: string;
  isDemo: boolean;
}

/** The three realistic sample exports of ../shared/samples, copied into the repo for the end-to-end tests. */
export const SAMPLE_FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export const SAMPLE_FILES: ReadonlyArray<Omit<SeedFile, 'file'> & { fileName: string }> = [
  { slug: 'aurore-paris', name: 'Aurore Paris (fictive)', fileName: 'aurore-paris-2019-2024.csv', isDemo: true },
  { slug: 'amarre-nantes', name: 'Amarre Nantes (fictive)', fileName: 'amarre-nantes-suivi.xlsx', isDemo: true },
  {
    slug: 'safe-harbour-nice',
    name: 'Safe Harbour Nice (fictive)',
    fileName: 'safe-harbour-nice-export.csv',
    isDemo: true,
  },
];

/** Seeding's one pool, ended once it is done. */
async function withPool<T>(databaseUrl: string, work: (db: pg.Pool) => Promise<T>): Promise<T> {
  const db = openPool(databaseUrl, 2);
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

async function hasAnyCase(db: pg.Pool): Promise<boolean> {
  const { rows } = await db.query('SELECT EXISTS (SELECT 1 FROM case_record) AS any');
  return Boolean(rows[0]?.any);
}

async function upsertAssociation(db: pg.Pool, a: Omit<SeedFile, 'file'>): Promise<void> {
  await db.query(
    `INSERT INTO association (slug, name, is_demo) VALUES ($1, $2, $3)
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, is_demo = EXCLUDED.is_demo`,
    [a.slug, a.name, a.isDemo],
  );
}

/**
 * Loads exports through the real ETL (exactly as an upload would be) and publishes the result as a release.
 * Fails loudly if a file is refused: seed data that the pipeline does not accept is a bug.
 */
export async function seedFiles(
  databaseUrl: string,
  files: SeedFile[],
  release: { slug?: string; notes: { fr: string; en: string } },
  say: Say = () => {},
): Promise<ImportResult[]> {
  return withPool(databaseUrl, (db) => seedWith(db, files, release, say));
}

async function seedWith(
  db: pg.Pool,
  files: SeedFile[],
  release: { slug?: string; notes: { fr: string; en: string } },
  say: Say,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const f of files) {
    await upsertAssociation(db, f);
    const result = await runImport({ db, file: f.file, fileName: path.basename(f.file), association: f.slug });
    if (result.outcome !== 'committed' && result.outcome !== 'duplicate') {
      throw new Error(
        `Chargement de ${path.basename(f.file)} : ${result.report.summary?.fr ?? result.outcome} / ${result.report.summary?.en ?? ''}`,
      );
    }
    say(`  ${path.basename(f.file)} → ${result.report.counts.rowsAccepted} dossiers / cases`);
    results.push(result);
  }
  const published = await publishRelease(db, {
    slug: release.slug,
    notes: release.notes,
    publishedBy: 'demo',
  });
  say(`  Publication / release « ${published.slug} » publiée / published`);
  return results;
}

const DEMO_NOTES = {
  fr: 'Données fictives de démonstration, générées pour montrer la plateforme. Aucune personne réelle.',
  en: 'Fictional demo data, generated to show the platform. No real person.',
};

/** First start of `npm start`: generate the fictional demo exports and load them, once. */
export async function seedDemoIfEmpty(databaseUrl: string, say: Say = () => {}): Promise<boolean> {
  return withPool(databaseUrl, async (db) => {
    if (await hasAnyCase(db)) return false;
    say('Premier démarrage : chargement des données fictives / first start: loading the fictional demo data…');
    const exports = await generateDemoExports(path.join(dataDir(), 'demo'), { seed: DEMO_SEED });
    await seedWith(
      db,
      exports.map((e) => ({ slug: e.associationSlug, name: e.associationName, file: e.file, isDemo: true })),
      { slug: 'demo', notes: DEMO_NOTES },
      say,
    );
    return true;
  });
}

/** For end-to-end tests: the three sample exports whose counts ../shared/samples/expected.json gives. */
export async function seedSamples(databaseUrl: string, say: Say = () => {}): Promise<ImportResult[]> {
  return seedFiles(
    databaseUrl,
    SAMPLE_FILES.map((s) => ({ ...s, file: path.join(SAMPLE_FIXTURES_DIR, s.fileName) })),
    { slug: 'samples', notes: DEMO_NOTES },
    say,
  );
}

/** A throwaway data folder for tests (embedded database, uploads, pseudonym key). */
export async function tempDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-stack-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
