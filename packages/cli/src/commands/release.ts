import { Command, InvalidArgumentError } from 'commander';
import { createDataSource, openLocalDatabase, recordAudit, runMigrations } from '@observatoire/db';
import { listReleases, publishRelease, StatsError } from '@observatoire/stats';
import { adminCommand } from './admin.js';

function out(line: string): void {
  process.stdout.write(line + '\n');
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError('entier positif attendu / positive integer expected');
  }
  return n;
}

async function withDatabaseUrl<T>(work: (url: string) => Promise<T>): Promise<T | undefined> {
  const db = await openLocalDatabase();
  try {
    await runMigrations(db.url);
    return await work(db.url);
  } catch (err) {
    if (err instanceof StatsError) {
      process.stderr.write(`Erreur : ${err.userMessage.fr}\nError: ${err.userMessage.en}\n`);
      process.exitCode = 1;
      return undefined;
    }
    throw err;
  } finally {
    await db.stop();
  }
}

interface PublishOpts {
  slug?: string;
  titleFr?: string;
  titleEn?: string;
  notesFr?: string;
  notesEn?: string;
  threshold?: number;
  platformThreshold?: number;
  minAssociations?: number;
  json?: boolean;
}

/** `observatoire admin release:publish|list`: the collective's admin publishes an immutable release. */
export function registerRelease(program: Command): void {
  const admin = adminCommand(program);

  admin
    .command('release:publish')
    .description(
      'Publie une édition : chiffres protégés par le contrôle de la divulgation, figés pour toujours / ' +
        'publish a release: disclosure-controlled figures, frozen forever',
    )
    .option('--slug <slug>', 'identifiant lisible, ex. 2026-07-30 / human id, e.g. 2026-07-30')
    .option('--title-fr <text>', 'titre en français / French title')
    .option('--title-en <text>', 'titre en anglais / English title')
    .option('--notes-fr <text>', 'notes en français / French notes')
    .option('--notes-en <text>', 'notes en anglais / English notes')
    .option('--threshold <n>', 'seuil de diffusion (défaut 5) / threshold (default 5)', positiveInt)
    .option(
      '--platform-threshold <n>',
      'seuil des plateformes (défaut 10) / platform threshold (default 10)',
      positiveInt,
    )
    .option(
      '--min-associations <n>',
      'associations minimum par chiffre (défaut 2) / minimum associations (default 2)',
      positiveInt,
    )
    .option('--json', 'sortie JSON / JSON output')
    .action(async (opts: PublishOpts) => {
      if (!!opts.notesFr !== !!opts.notesEn || !!opts.titleFr !== !!opts.titleEn) {
        process.stderr.write(
          'Donnez les notes et le titre dans les deux langues (--notes-fr et --notes-en, --title-fr et --title-en).\n' +
            'Give notes and title in both languages (--notes-fr and --notes-en, --title-fr and --title-en).\n',
        );
        process.exitCode = 2;
        return;
      }
      await withDatabaseUrl(async (url) => {
        const rule = {
          ...(opts.threshold ? { threshold: opts.threshold } : {}),
          ...(opts.platformThreshold ? { platformThreshold: opts.platformThreshold } : {}),
          ...(opts.minAssociations ? { minAssociations: opts.minAssociations } : {}),
        };
        const release = await publishRelease(url, {
          slug: opts.slug,
          title: opts.titleFr && opts.titleEn ? { fr: opts.titleFr, en: opts.titleEn } : undefined,
          notes: opts.notesFr && opts.notesEn ? { fr: opts.notesFr, en: opts.notesEn } : null,
          rule,
          publishedBy: 'cli',
        });
        const ds = createDataSource(url);
        await ds.initialize();
        try {
          await recordAudit(ds.manager, { type: 'cli' }, 'release.publish', {
            type: 'release',
            id: release.id,
            details: { slug: release.slug, referenceYears: release.referenceYears },
          });
        } finally {
          await ds.destroy();
        }
        if (opts.json) return out(JSON.stringify(release, null, 2));
        out(`Publication / release: ${release.slug} (${release.id})`);
        out(`Années / years: ${release.referenceYears.join(', ')}`);
        out(`Associations: ${release.contributingAssociations}`);
      });
    });

  admin
    .command('release:list')
    .description('Liste les éditions publiées, la plus récente d’abord / list releases, newest first')
    .option('--json', 'sortie JSON / JSON output')
    .action(async (opts: { json?: boolean }) => {
      await withDatabaseUrl(async (url) => {
        const list = await listReleases(url);
        if (opts.json) return out(JSON.stringify(list, null, 2));
        if (!list.length) out('Aucune publication / no release yet');
        for (const r of list) {
          out(`${r.slug}\t${r.id}\t${r.publishedAt}\t${r.referenceYears.join(',')}\t${r.title.fr}`);
        }
      });
    });
}
