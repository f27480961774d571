import { Command, InvalidArgumentError } from 'commander';
import { recordAudit } from '@observatoire/db';
import {
  newReleaseNoticeSchema,
  releaseAnnotationSchema,
  RELEASE_NOTICE_KINDS,
  type ReleaseAnnotation,
  type ReleaseNoticeKind,
} from '@observatoire/schema';
import {
  addReleaseNotice,
  listAllReleaseNotices,
  listReleaseNotices,
  listReleases,
  previewRelease,
  publishRelease,
  type CubeProgress,
  type PublishReport,
} from '@observatoire/stats';
import { adminCommand, withDatabase } from './admin.js';
import { out, refuse } from './output.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError('entier positif attendu / positive integer expected');
  }
  return n;
}

/** `--annotation "2020|confinement|lockdown"`, repeatable: year, French text, English text. */
export function annotationOption(value: string, previous: ReleaseAnnotation[] = []): ReleaseAnnotation[] {
  const parts = value.split('|');
  const parsed =
    parts.length === 3
      ? releaseAnnotationSchema.safeParse({ year: Number(parts[0].trim()), text: { fr: parts[1], en: parts[2] } })
      : null;
  if (!parsed?.success) {
    throw new InvalidArgumentError(
      `« ${value} » : attendu "année|texte français|texte anglais", textes d’une ligne de 1 à 60 caractères ` +
        `(ex. "2020|confinement|lockdown") / expected "year|French text|English text", one-line texts of 1 to 60 ` +
        `characters (e.g. "2020|confinement|lockdown")`,
    );
  }
  return [...previous, parsed.data];
}

interface PublishOpts {
  slug?: string;
  titleFr?: string;
  titleEn?: string;
  notesFr?: string;
  notesEn?: string;
  annotation?: ReleaseAnnotation[];
  threshold?: number;
  platformThreshold?: number;
  minAssociations?: number;
  json?: boolean;
  dryRun?: boolean;
}

/** The audit's progress, on stderr (stdout stays the result): one line per year and round. */
function progress(p: CubeProgress): void {
  process.stderr.write(
    `Audit ${p.year} : tour ${p.round}, ${p.withheld} masqués, ${p.failing} à protéger encore / ` +
      `round ${p.round}, ${p.withheld} withheld, ${p.failing} still to protect\n`,
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The dry run's report, French then English. */
function printReport(r: PublishReport): void {
  const withheld = Object.entries(r.withheld)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  out(`Années / years: ${r.years.join(', ')}`);
  out(
    `Années figées (déjà publiées, reprises telles quelles) / frozen years (already published, carried forward): ${r.frozenYears.join(', ') || '-'}`,
  );
  if (r.revisedFrozenYears.length) {
    out(
      `Données modifiées depuis leur publication, non republiées / data changed since published, not republished: ${r.revisedFrozenYears.join(', ')}`,
    );
  }
  out(`Cellules / cells: ${r.cells} ; masquées / withheld: ${withheld || '0'}`);
  out(`Plateformes publiées à part / platforms published on their own: ${r.codesKept.recruitmentPlatform.join(', ')}`);
  out(`Tranches d’âge publiées / age bands published: ${r.codesKept.ageBand.join(', ')}`);
  out('Masse publiée (personnes, cellules) par graphique / published mass (persons, cells) per chart:');
  for (const [chart, m] of Object.entries(r.publishedMass)) out(`  ${chart}: ${pct(m.persons)}, ${pct(m.cells)}`);
  out(
    `Audit : ${r.solves} programmes linéaires et entiers résolus en ${r.seconds.toFixed(1)} s / ${r.solves} linear and integer programs solved in ${r.seconds.toFixed(1)} s`,
  );
  if (!r.failures.length) {
    out(
      'Audit réussi : aucune valeur masquée ne peut être retrouvée ni resserrée. / Audit passed: no withheld value can be worked out or narrowed.',
    );
    return;
  }
  out(`AUDIT ÉCHOUÉ / AUDIT FAILED: ${r.failures.length}`);
  for (const f of r.failures.slice(0, 50)) out(`  ${f.label}: [${f.interval.min}, ${f.interval.max}]`);
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
    .option(
      '--annotation <année|fr|en>',
      'annotation des graphiques, répétable, ex. "2020|confinement|lockdown" / chart annotation, repeatable',
      annotationOption,
    )
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
    .option(
      '--dry-run',
      'montre ce que la publication donnerait (audit compris) sans rien publier / show what publishing would give (audit included) without publishing',
    )
    .action(async (opts: PublishOpts) => {
      if (!!opts.notesFr !== !!opts.notesEn || !!opts.titleFr !== !!opts.titleEn) {
        return refuse(
          {
            fr: 'donnez les notes et le titre dans les deux langues (--notes-fr et --notes-en, --title-fr et --title-en).',
            en: 'give notes and title in both languages (--notes-fr and --notes-en, --title-fr and --title-en).',
          },
          2,
        );
      }
      await withDatabase(async (ds, pool) => {
        const rule = {
          ...(opts.threshold ? { threshold: opts.threshold } : {}),
          ...(opts.platformThreshold ? { platformThreshold: opts.platformThreshold } : {}),
          ...(opts.minAssociations ? { minAssociations: opts.minAssociations } : {}),
        };
        if (opts.dryRun) {
          const report = await previewRelease(pool, { rule, onProgress: opts.json ? undefined : progress });
          if (opts.json) out(JSON.stringify(report, null, 2));
          else printReport(report);
          if (report.failures.length) process.exitCode = 1;
          return;
        }
        const release = await publishRelease(pool, {
          onProgress: opts.json ? undefined : progress,
          slug: opts.slug,
          title: opts.titleFr && opts.titleEn ? { fr: opts.titleFr, en: opts.titleEn } : undefined,
          notes: opts.notesFr && opts.notesEn ? { fr: opts.notesFr, en: opts.notesEn } : null,
          annotations: opts.annotation ?? [],
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
        for (const a of release.annotations) out(`Annotation ${a.year}: ${a.text.fr} / ${a.text.en}`);
        if (release.frozenYears.length) out(`Années figées / frozen years: ${release.frozenYears.join(', ')}`);
        for (const [chart, m] of Object.entries(release.publishedMass ?? {})) {
          out(`Masse publiée / published mass ${chart}: ${pct(m.persons)}`);
        }
      });
    });

  registerNotices(admin);

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

function noticeKind(value: string): ReleaseNoticeKind {
  if ((RELEASE_NOTICE_KINDS as readonly string[]).includes(value)) return value as ReleaseNoticeKind;
  throw new InvalidArgumentError('attendu erratum ou retraction / expected erratum or retraction');
}

/** `release:notice` and `release:notices`: errata and retractions, attached without changing a release's numbers. */
function registerNotices(admin: Command): void {
  admin
    .command('release:notice <release>')
    .description(
      'Joint un erratum ou un retrait à une publication (ses chiffres ne changent pas) / ' +
        'attach an erratum or a retraction to a release (its numbers do not change)',
    )
    .requiredOption('--kind <erratum|retraction>', 'erratum ou retrait / erratum or retraction', noticeKind)
    .requiredOption('--text-fr <text>', 'texte en français / French text')
    .requiredOption('--text-en <text>', 'texte en anglais / English text')
    .action(async (ref: string, opts: { kind: ReleaseNoticeKind; textFr: string; textEn: string }) => {
      const parsed = newReleaseNoticeSchema.safeParse({ kind: opts.kind, text: { fr: opts.textFr, en: opts.textEn } });
      if (!parsed.success) {
        return refuse(
          {
            fr: 'le texte de l’avis doit faire de 1 à 2000 caractères, en français et en anglais.',
            en: 'the notice text must be 1 to 2000 characters, in French and in English.',
          },
          2,
        );
      }
      await withDatabase(async (ds, pool) => {
        const notice = await addReleaseNotice(pool, ref, parsed.data, 'cli');
        await recordAudit(ds.manager, { type: 'cli' }, `release.${notice.kind}`, {
          type: 'release',
          id: notice.releaseId,
          details: { noticeId: notice.id },
        });
        out(`${notice.kind === 'erratum' ? 'Erratum' : 'Retrait / retraction'}: ${notice.releaseSlug} (${notice.id})`);
      });
    });

  admin
    .command('release:notices [release]')
    .description('Liste les errata et retraits / list errata and retractions')
    .option('--json', 'sortie JSON / JSON output')
    .action(async (ref: string | undefined, opts: { json?: boolean }) => {
      await withDatabase(async (_ds, pool) => {
        const list = ref ? await listReleaseNotices(pool, ref) : await listAllReleaseNotices(pool);
        if (opts.json) return out(JSON.stringify(list, null, 2));
        if (!list.length) out('Aucun avis / no notice');
        for (const n of list) out(`${n.releaseSlug}\t${n.kind}\t${n.createdAt}\t${n.text.fr}`);
      });
    });
}
