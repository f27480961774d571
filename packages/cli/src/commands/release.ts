import { Command, InvalidArgumentError } from 'commander';
import { recordAudit } from '@observatoire/db';
import { listReleases, publishRelease } from '@observatoire/stats';
import { adminCommand, withDatabase } from './admin.js';

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
      await withDatabase(async (ds, pool) => {
        const rule = {
          ...(opts.threshold ? { threshold: opts.threshold } : {}),
          ...(opts.platformThreshold ? { platformThreshold: opts.platformThreshold } : {}),
          ...(opts.minAssociations ? { minAssociations: opts.minAssociations } : {}),
        };
        const release = await publishRelease(pool, {
          slug: opts.slug,
          title: opts.titleFr && opts.titleEn ? { fr: opts.titleFr, en: opts.titleEn } : undefined,
          notes: opts.notesFr && opts.notesEn ? { fr: opts.notesFr, en: opts.notesEn } : null,
          rule,
          publishedBy: 'cli',
        });
        await recordAudit(ds.manager, { type: 'cli' }, 'release.publish', {
          type: 'release',
          id: release.id,
          details: { slug: release.slug, referenceYears: release.referenceYears },
        });
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
      await withDatabase(async (_ds, pool) => {
        const list = await listReleases(pool);
        if (opts.json) return out(JSON.stringify(list, null, 2));
        if (!list.length) out('Aucune publication / no release yet');
        for (const r of list) {
          out(`${r.slug}\t${r.id}\t${r.publishedAt}\t${r.referenceYears.join(',')}\t${r.title.fr}`);
        }
      });
    });
}
