import type { Command } from 'commander';
import { attack, collect, loadCases } from '@observatoire/stats';
import { withDatabase } from './admin.js';

interface AttackOpts {
  url: string;
  release?: string[];
  json?: boolean;
}

/**
 * `observatoire attack --url <base>`: the project's own attack, as an outside reader with a solver would do it,
 * against a running instance (its public API, on this machine), with the true counts from the local database to
 * say what the reader would have learnt. Exit code 1 when any withheld count is pinned or narrowed.
 */
export function registerAttack(program: Command): void {
  program
    .command('attack')
    .description(
      'Attaque les chiffres publiés comme un lecteur muni d’un solveur, et dit ce qu’il apprendrait / ' +
        'attack the published numbers as a reader with a solver would, and say what they would learn',
    )
    .requiredOption(
      '--url <base>',
      'adresse de l’API ou du tableau de bord, ex. http://127.0.0.1:3000 / API or dashboard address',
    )
    .option('--release <slug...>', 'éditions à attaquer (défaut : toutes) / releases to attack (default: all)')
    .option('--json', 'sortie JSON / JSON output')
    .action(async (opts: AttackOpts) => {
      const started = performance.now();
      const collection = await collect(opts.url, undefined, opts.release);
      await withDatabase(async (_ds, pool) => {
        const cases = await loadCases(pool);
        const report = await attack(collection, cases);
        const seconds = (performance.now() - started) / 1000;
        const summary = {
          urls: collection.urls,
          numbers: collection.numbers,
          servedOutsideSurface: collection.servedOutsideSurface,
          contradictions: collection.contradictions,
          ...report,
          seconds,
        };
        if (opts.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
        else {
          const w = (l: string) => process.stdout.write(l + '\n');
          w(
            `Adresses lues / URLs read: ${collection.urls} ; nombres collectés / numbers collected: ${collection.numbers}`,
          );
          w(`Éditions / releases: ${report.releases} ; années attaquées / years attacked: ${report.years}`);
          w(`Cellules masquées / withheld cells: ${report.withheld}`);
          w(
            `Retrouvées exactement / pinned: ${report.pinned} (dont petits effectifs / of which small counts: ${report.pinnedSmall})`,
          );
          w(`Resserrées sous l’intervalle de protection / narrowed below the protection interval: ${report.narrowed}`);
          w(
            `Vérité hors de l’intervalle (erreur du modèle) / truth outside the interval (model fault): ${report.truthOutside}`,
          );
          w(`Raisons que le vrai chiffre contredit / reasons the true count contradicts: ${report.misleadingReasons}`);
          w(
            `Années différentes d’une édition à l’autre / years differing between releases: ${report.yearsChangedBetweenReleases}`,
          );
          w(
            `Servi hors de la surface publiée / served outside the published surface: ${collection.servedOutsideSurface.length}`,
          );
          w(`Contradictions: ${collection.contradictions.length} ; ${seconds.toFixed(1)} s`);
          for (const e of report.examples) w(`  ${e}`);
        }
        const failed =
          report.narrowed +
          report.truthOutside +
          report.misleadingReasons +
          report.yearsChangedBetweenReleases +
          collection.servedOutsideSurface.length +
          collection.contradictions.length;
        if (failed) process.exitCode = 1;
      });
    });
}
