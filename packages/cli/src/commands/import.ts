import { config } from '@observatoire/config';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type pg from 'pg';
import { openLocalDatabase, openPool, runMigrations } from '@observatoire/db';
import {
  ASSOCIATION_SLUG,
  AssociationNotFoundError,
  ensureAssociation,
  formatReport,
  isEtlError,
  runImport,
  type ImportResult,
} from '@observatoire/etl';

interface ImportOptions {
  association: string;
  mapping?: string;
  saveMapping?: boolean;
  dryRun?: boolean;
  json?: boolean;
  lang: 'fr' | 'en';
  skipInvalidRows?: boolean;
  replaceYears?: number[];
  createAssociation?: boolean;
  name?: string;
}

/** Exit codes of `observatoire import`: the contract scripts rely on. */
export const IMPORT_EXIT = { loaded: 0, refused: 1, usage: 2 } as const;

class UsageError extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
  ) {
    super(`${fr} / ${en}`);
  }
}

function exitCodeOf(result: ImportResult): number {
  return ['committed', 'dry_run', 'duplicate'].includes(result.outcome) ? IMPORT_EXIT.loaded : IMPORT_EXIT.refused;
}

/** Average bytes per line over the start of a text file, to estimate the time left on a terminal. */
async function estimateRows(file: string, size: number): Promise<number | null> {
  if (!/\.(csv|tsv|txt|ndjson)$/i.test(file)) return null;
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, 1 << 16));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    let lines = 0;
    for (let i = 0; i < bytesRead; i++) if (buf[i] === 10) lines++;
    return lines > 0 ? Math.round(size / (bytesRead / lines)) : null;
  } finally {
    await handle.close();
  }
}

function progressPrinter(estimate: number | null, lang: 'fr' | 'en') {
  const start = Date.now();
  return ({ rowsRead, done }: { rowsRead: number; done: boolean }) => {
    const seconds = Math.max((Date.now() - start) / 1000, 0.001);
    const rate = Math.round(rowsRead / seconds);
    const left = estimate && rate > 0 ? Math.max(0, Math.round((estimate - rowsRead) / rate)) : null;
    const text =
      lang === 'fr'
        ? `${rowsRead.toLocaleString('fr-FR')} lignes lues, ${rate.toLocaleString('fr-FR')}/s${left !== null && !done ? `, environ ${left} s restantes` : ''}`
        : `${rowsRead.toLocaleString('en-GB')} rows read, ${rate.toLocaleString('en-GB')}/s${left !== null && !done ? `, about ${left} s left` : ''}`;
    process.stderr.write(`\r${text}\u001b[K${done ? '\n' : ''}`);
  };
}

async function createIfAsked(db: pg.Pool, slug: string, create: boolean, name?: string): Promise<void> {
  if (!create) return;
  if (!ASSOCIATION_SLUG.test(slug)) {
    throw new UsageError(
      `Identifiant d'association invalide « ${slug} » : lettres minuscules, chiffres et tirets (2 à 63 caractères).`,
      `Invalid association slug "${slug}": lower-case letters, digits and dashes (2 to 63 characters).`,
    );
  }
  await ensureAssociation(db, slug, name);
}

async function readProfile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new UsageError(
      `Profil de correspondance illisible « ${file} » (${reason}) : donnez un fichier JSON valide (voir docs/mapping-profiles.md).`,
      `Unreadable mapping profile "${file}" (${reason}): give a valid JSON file (see docs/mapping-profiles.md).`,
    );
  }
}

/**
 * `observatoire import <file> --association <slug>`: the ETL on one file, against the database `npm start` uses
 * (embedded by default, DATABASE_URL otherwise). Exit 0 loaded (or dry run, or already loaded), 1 refused or
 * rejected, 2 usage error.
 */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description("Importe l'export anonymisé d'une association / import an association's anonymised export")
    .argument('<file>', 'fichier CSV, TSV, TXT, XLSX, JSON ou NDJSON / file to import')
    .requiredOption('-a, --association <slug>', "identifiant de l'association / association slug")
    .option('-m, --mapping <profile.json>', 'profil de correspondance / mapping profile (JSON)')
    .option('--save-mapping', "enregistre le profil pour l'association / store the profile for the association")
    .option('--dry-run', "essai à blanc : même rapport, rien n'est écrit / same report, nothing written")
    .option('--json', 'rapport JSON sur la sortie standard / JSON report on stdout')
    .addOption(new Option('--lang <lang>', 'langue du rapport / report language').choices(['fr', 'en']).default('fr'))
    .option(
      '--skip-invalid-rows',
      'importe les lignes valides même si certaines sont rejetées / load valid rows even if some are rejected',
    )
    .option(
      '--replace-years <years>',
      'années dont les dossiers enregistrés peuvent être retirés (2023 ou 2022,2023) / years whose stored cases this file may remove',
      parseYears,
    )
    .option('--create-association', "crée l'association si elle n'existe pas / create the association if missing")
    .option('--name <name>', "nom de l'association créée / name of the created association")
    .action(async (file: string, opts: ImportOptions) => {
      const code = await importCommand(file, opts);
      process.exitCode = code;
    });
}

/** `--replace-years 2022,2023` (or repeated spaces): the years, or a usage error naming the bad one. */
export function parseYears(raw: string): number[] {
  const parts = raw.split(/[\s,;]+/).filter(Boolean);
  const years = parts.map(Number);
  const bad = parts.find((p, i) => !/^\d{4}$/.test(p) || years[i] < 2000 || years[i] > 2100);
  if (bad !== undefined || parts.length === 0) {
    throw new InvalidArgumentError(
      `année invalide « ${bad ?? raw} » : donnez des années à 4 chiffres séparées par des virgules (2023 ou 2022,2023) / invalid year "${bad ?? raw}": give 4-digit years separated by commas (2023 or 2022,2023).`,
    );
  }
  return [...new Set(years)].sort((a, b) => a - b);
}

/** The years a refused replacement names, for the hint that says how to go ahead anyway. */
function replacementHint(result: ImportResult, lang: 'fr' | 'en'): string | null {
  const refusal = result.report.warnings.find((w) => w.code === 'replace_not_confirmed');
  if (!refusal) return null;
  const years = (result.report.yearChanges ?? []).filter((y) => y.removed > 0).map((y) => y.year);
  const option = `--replace-years ${years.join(',')}`;
  const fr = `Pour remplacer quand même ces dossiers, relancez la commande avec ${option}.`;
  const en = `To replace these cases anyway, run the command again with ${option}.`;
  return lang === 'fr' ? `${fr}\n${en}\n` : `${en}\n${fr}\n`;
}

export async function importCommand(file: string, opts: ImportOptions): Promise<number> {
  const lang = opts.lang ?? 'fr';
  const fail = (fr: string, en: string) => {
    process.stderr.write(lang === 'fr' ? `Erreur : ${fr}\nError: ${en}\n` : `Error: ${en}\nErreur : ${fr}\n`);
  };
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    fail(`fichier introuvable « ${file} » : vérifiez le chemin.`, `file not found "${file}": check the path.`);
    return IMPORT_EXIT.usage;
  }
  const database = await openLocalDatabase();
  // The command's one pool (migrations aside, which run on their own connection under a lock).
  const db = openPool(database.url, 2);
  try {
    await runMigrations(database.url);
    const profile = opts.mapping ? await readProfile(opts.mapping) : undefined;
    await createIfAsked(db, opts.association, Boolean(opts.createAssociation), opts.name);
    const showProgress = !opts.json && Boolean(process.stderr.isTTY);
    const result = await runImport({
      db,
      file: path.resolve(file),
      association: opts.association,
      ...(profile !== undefined && { profile }),
      saveProfile: Boolean(opts.saveMapping),
      dryRun: Boolean(opts.dryRun),
      skipInvalidRows: Boolean(opts.skipInvalidRows),
      replaceYears: opts.replaceYears ?? [],
      ...(showProgress && { onProgress: progressPrinter(await estimateRows(file, size), lang) }),
      logError: (err) => {
        if (config().OBSERVATOIRE_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      },
    });
    process.stdout.write(opts.json ? `${JSON.stringify(result.report, null, 2)}\n` : formatReport(result.report, lang));
    const hint = replacementHint(result, lang);
    if (hint) process.stderr.write(hint);
    return exitCodeOf(result);
  } catch (err) {
    if (err instanceof UsageError) {
      fail(err.fr, err.en);
      return IMPORT_EXIT.usage;
    }
    if (err instanceof AssociationNotFoundError || isEtlError(err)) {
      fail(err.text.fr, err.text.en);
      return IMPORT_EXIT.usage;
    }
    throw err;
  } finally {
    await db.end();
    await database.stop();
  }
}
