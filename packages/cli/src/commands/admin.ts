import { randomBytes } from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import {
  AccountError,
  createApiToken,
  createAssociation,
  createDataSource,
  createUser,
  disableUser,
  listApiTokens,
  listAssociations,
  openLocalDatabase,
  poolOf,
  revokeApiToken,
  runMigrations,
  setAssociationNamePublic,
  withdrawAssociation,
  type Actor,
} from '@observatoire/db';
import type { LocalisedText } from '@observatoire/schema';
import { StatsError } from '@observatoire/stats';
import type pg from 'pg';
import { out, refuse } from './output.js';
type DataSource = ReturnType<typeof createDataSource>;

/** The collective's admin at the shell: recorded as such in the audit log. */
const CLI_ACTOR: Actor = { type: 'cli' };

/**
 * The `admin` command group, created once: the API engineer's account commands and the stats engineer's
 * `admin release:*` commands attach to the same group through this function.
 */
export function adminCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'admin') ??
    program.command('admin').description('Administration du collectif / collective administration')
  );
}

/** What an admin command tells its user when it refuses (an account or a release refusal); null for a crash. */
function refusalOf(err: unknown): LocalisedText | null {
  if (err instanceof AccountError) return { fr: err.fr, en: err.en };
  if (err instanceof StatsError) return err.userMessage;
  return null;
}

/**
 * Runs an admin command's work on the migrated database, through the command's one way to PostgreSQL: a TypeORM data
 * source, whose pool also serves the statistics package (`poolOf`). A refusal is printed, French then English.
 */
export async function withDatabase<T>(work: (ds: DataSource, pool: pg.Pool) => Promise<T>): Promise<T | undefined> {
  const db = await openLocalDatabase();
  try {
    await runMigrations(db.url);
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      return await work(ds, poolOf(ds));
    } finally {
      await ds.destroy();
    }
  } catch (err) {
    const refusal = refusalOf(err);
    if (!refusal) throw err;
    refuse(refusal, 1);
    return undefined;
  } finally {
    await db.stop();
  }
}

function yesNo(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['yes', 'oui', 'true', 'y', 'o'].includes(v)) return true;
  if (['no', 'non', 'false', 'n'].includes(v)) return false;
  throw new InvalidArgumentError('attendu yes ou no / expected yes or no');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function role(raw: string): 'member' | 'admin' {
  if (raw !== 'member' && raw !== 'admin') {
    throw new InvalidArgumentError('rôle attendu : member ou admin / expected role: member or admin');
  }
  return raw;
}

export function registerAdmin(program: Command): void {
  const admin = adminCommand(program);

  admin
    .command('association:create')
    .description('Crée une association membre / create a member association')
    .requiredOption('--slug <slug>', 'identifiant court / short id (a-z, 0-9, -)')
    .requiredOption('--name <name>', 'nom affiché / display name')
    .option('--demo', 'association de démonstration fictive / fictional demo association')
    .action(async (opts: { slug: string; name: string; demo?: boolean }) => {
      await withDatabase(async (ds) => {
        const a = await createAssociation(ds, { slug: opts.slug, name: opts.name, isDemo: !!opts.demo }, CLI_ACTOR);
        out(`Association créée / created: ${a.slug} (${a.id})`);
      });
    });

  admin
    .command('association:list')
    .description('Liste les associations / list associations')
    .option('--json', 'sortie JSON / JSON output')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (ds) => {
        const list = await listAssociations(ds.manager);
        if (opts.json) return out(JSON.stringify(list, null, 2));
        for (const a of list) {
          const flags = [
            a.isDemo ? 'demo' : '',
            a.namePublic ? 'nom public/name public' : '',
            a.withdrawnAt ? `retirée/withdrawn ${a.withdrawnAt.toISOString()}` : '',
          ]
            .filter(Boolean)
            .join(', ');
          out(`${a.slug}\t${a.id}\t${a.name}${flags ? `\t(${flags})` : ''}`);
        }
      });
    });

  admin
    .command('association:consent <association>')
    .description(
      'Enregistre si l’association accepte d’être nommée avec les publications (à partir de la prochaine) / ' +
        'record whether the association consents to being named with releases (from the next one)',
    )
    .requiredOption('--name-public <yes|no>', 'yes : nommée / named; no : comptée seulement / counted only', yesNo)
    .action(async (association: string, opts: { namePublic: boolean }) => {
      await withDatabase(async (ds) => {
        const a = await setAssociationNamePublic(ds, association, opts.namePublic, CLI_ACTOR);
        out(
          a.namePublic
            ? `${a.slug} : nom publié avec les prochaines publications / name published with the next releases`
            : `${a.slug} : comptée sans être nommée dans les prochaines publications / counted, not named, in the next releases`,
        );
        out('Les publications déjà parues ne changent pas / releases already published do not change.');
      });
    });

  admin
    .command('association:withdraw <association>')
    .description(
      'Retire une association : supprime ses données, exclue des publications futures / ' +
        'withdraw an association: delete its data, excluded from future releases',
    )
    .option('--yes', 'confirme la suppression / confirm the deletion')
    .action(async (association: string, opts: { yes?: boolean }) => {
      if (!opts.yes) {
        return refuse(
          {
            fr: 'ajoutez --yes pour confirmer : les données de l’association seront supprimées.',
            en: 'add --yes to confirm: the association’s data will be deleted.',
          },
          2,
        );
      }
      await withDatabase(async (ds) => {
        const r = await withdrawAssociation(ds, association, CLI_ACTOR);
        out(
          `Association retirée / withdrawn: ${r.association.slug}; ` +
            `enregistrements supprimés / records deleted: ${r.recordsDeleted}; ` +
            `dépôts supprimés / uploads deleted: ${r.importsDeleted}`,
        );
      });
    });

  admin
    .command('user:create <email>')
    .description('Crée un compte / create an account')
    .option('--role <role>', 'member | admin', role, 'member' as const)
    .option('--association <association>', 'slug ou id (membres) / slug or id (members)')
    .option(
      '--password-stdin',
      'lit le mot de passe sur l’entrée standard (sinon un mot de passe aléatoire est affiché une fois) / ' +
        'read the password from stdin (otherwise a random one is shown once)',
    )
    .action(
      async (email: string, opts: { role: 'member' | 'admin'; association?: string; passwordStdin?: boolean }) => {
        const password = opts.passwordStdin ? await readStdin() : randomBytes(15).toString('base64url');
        await withDatabase(async (ds) => {
          const u = await createUser(
            ds,
            { email, password, role: opts.role, association: opts.association ?? null },
            CLI_ACTOR,
          );
          out(`Compte créé / account created: ${u.id} (${u.role})`);
          if (!opts.passwordStdin) {
            out(`Mot de passe (affiché une seule fois) / password (shown once): ${password}`);
          }
        });
      },
    );

  admin
    .command('user:disable <user>')
    .description('Désactive un compte et ferme ses sessions / disable an account and end its sessions')
    .action(async (user: string) => {
      await withDatabase(async (ds) => {
        const u = await disableUser(ds, user, CLI_ACTOR);
        out(`Compte désactivé / account disabled: ${u.id}`);
      });
    });

  admin
    .command('token:create <association>')
    .description('Crée un jeton d’API pour une association / create an API token for an association')
    .option('--label <label>', 'libellé / label', 'script')
    .action(async (association: string, opts: { label: string }) => {
      await withDatabase(async (ds) => {
        const { token, entity } = await createApiToken(ds, { association, label: opts.label }, CLI_ACTOR);
        out(`Jeton créé / token created: ${entity.id}`);
        out(`Jeton (affiché une seule fois) / token (shown once): ${token}`);
      });
    });

  admin
    .command('token:list')
    .description('Liste les jetons / list tokens')
    .action(async () => {
      await withDatabase(async (ds) => {
        for (const t of await listApiTokens(ds.manager)) {
          const state = t.revokedAt ? 'revoked' : 'active';
          out(`${t.id}\t${t.prefix}…\t${t.label}\t${state}\tlast used: ${t.lastUsedAt?.toISOString() ?? '-'}`);
        }
      });
    });

  admin
    .command('token:revoke <id>')
    .description('Révoque un jeton / revoke a token')
    .action(async (id: string) => {
      await withDatabase(async (ds) => {
        const t = await revokeApiToken(ds, id, CLI_ACTOR);
        out(`Jeton révoqué / token revoked: ${t.id}`);
      });
    });
}
