import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCliOnTestDatabase } from './built-cli.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../fixtures');

/** Runs the built command line as a user would (`npm run build` first), against a test database. */
describe('observatoire import (built CLI, real PostgreSQL)', () => {
  let dataDir: string;
  const { cli: run, sql } = builtCliOnTestDatabase('cli', () => ({
    OBSERVATOIRE_DATA_DIR: dataDir,
    OBSERVATOIRE_PSEUDONYM_KEY: '',
  }));
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cli-import-'));
  });
  const cli = (...args: string[]) => run(['import', ...args]);

  it('an unknown association is a usage error that says how to create it (exit 2)', async () => {
    const r = await cli(path.join(FIXTURES, 'aurore-paris-2019-2024.csv'), '--association', 'aurore-paris');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('npx observatoire admin association:create');
    expect(r.stderr).toMatch(/^Erreur/);
  });

  it('loads a file with --create-association (exit 0, readable French report), then reports the duplicate', async () => {
    const file = path.join(FIXTURES, 'aurore-paris-2019-2024.csv');
    const r = await cli(file, '--association', 'aurore-paris', '--create-association');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Résultat : importé');
    expect(r.stdout).toContain('180 nouveaux');
    // Not a terminal: no progress line.
    expect(r.stderr).toBe('');
    const again = await cli(file, '--association', 'aurore-paris', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).outcome).toBe('duplicate');
  });

  it('a refused file exits 1; --lang en puts English first; --json is pure JSON', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cli-pii-'));
    const pii = path.join(dir, 'pii.csv');
    await writeFile(pii, 'Nom;Année;Sexe\nDupont;2023;F\n');
    const text = await cli(pii, '--association', 'aurore-paris', '--lang', 'en');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Outcome : refused');
    const json = await cli(pii, '--association', 'aurore-paris', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: 'refused' });
  });

  it('a file that would remove stored cases of a year exits 1 naming the counts, unless --replace-years names it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cli-replace-'));
    const header = 'N° dossier;Année;Sexe;Âge;Exploitation';
    const full = path.join(dir, 'full.csv');
    const rows2023 = Array.from({ length: 18 }, (_, i) => `R${i};2023;F;25;Travail forcé`);
    await writeFile(full, [header, ...rows2023, 'S1;2024;F;30;Travail forcé'].join('\n') + '\n');
    const partial = path.join(dir, 'partial.csv');
    await writeFile(partial, [header, 'R0;2023;F;25;Travail forcé'].join('\n') + '\n');
    expect((await cli(full, '-a', 'replace-cli', '--create-association')).code).toBe(0);
    const stored = () =>
      sql(
        `SELECT reference_year, count(*)::int AS n FROM case_record c JOIN association a ON a.id = c.association_id
         WHERE a.slug = 'replace-cli' GROUP BY 1 ORDER BY 1`,
      );
    const before = await stored();
    expect(before).toEqual([
      { reference_year: 2023, n: 18 },
      { reference_year: 2024, n: 1 },
    ]);
    const refused = await cli(partial, '-a', 'replace-cli');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("2023 : 18 dossiers aujourd'hui, 1 après cet envoi (17 retirés");
    expect(refused.stdout).toContain('probablement un export partiel');
    expect(refused.stderr).toContain('--replace-years 2023');
    expect(await stored()).toEqual(before);
    const english = await cli(partial, '-a', 'replace-cli', '--lang', 'en');
    expect(english.code).toBe(1);
    expect(english.stdout).toContain('2023: 18 cases today, 1 after this upload (17 removed');
    expect((await cli(partial, '-a', 'replace-cli', '--replace-years', '2024')).code).toBe(1);
    expect(await stored()).toEqual(before);
    const bad = await cli(partial, '-a', 'replace-cli', '--replace-years', 'vingt');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('année invalide « vingt »');
    const replaced = await cli(partial, '-a', 'replace-cli', '--replace-years', '2023');
    expect(replaced.code).toBe(0);
    expect(await stored()).toEqual([
      { reference_year: 2023, n: 1 },
      { reference_year: 2024, n: 1 },
    ]);
  });

  it('usage errors exit 2: missing option, missing file, bad --lang', async () => {
    expect((await cli(path.join(FIXTURES, 'aurore-paris-2019-2024.csv'))).code).toBe(2);
    expect((await cli('/nonexistent.csv', '--association', 'aurore-paris')).code).toBe(2);
    expect((await cli(path.join(FIXTURES, 'aurore-paris-2019-2024.csv'), '-a', 'x', '--lang', 'de')).code).toBe(2);
  });
});
