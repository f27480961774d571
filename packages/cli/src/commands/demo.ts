import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { dataDir } from '@observatoire/db';
import { DEMO_CASES, DEMO_SEED, generateDemoExports } from '../demo/index.js';
import { refuse } from './output.js';

function integerOption(name: string, min: number, max: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(
        `${name} doit être un entier entre ${min} et ${max} (reçu « ${raw} »). / ` +
          `${name} must be an integer between ${min} and ${max} (got "${raw}").`,
      );
    }
    return value;
  };
}

/**
 * `observatoire demo generate`: writes the fictional associations' exports (see src/demo/index.ts). Returns the
 * `demo` command so that other subcommands (loading the demo into the database) can be attached to it.
 */
export function registerDemo(program: Command): Command {
  const demo = program.command('demo').description('Données de démonstration fictives / fictional demo data');
  demo
    .command('generate')
    .description(
      'Écrit les exports fictifs des associations de démonstration / write the fictional demo associations’ exports',
    )
    .option('--out <dir>', 'dossier de sortie / output directory (default: <data dir>/demo)')
    .option('--seed <n>', `graine / seed (default ${DEMO_SEED})`, integerOption('--seed', 0, 2 ** 32 - 1))
    .option(
      '--cases <n>',
      `nombre total de cas / total cases (default ${DEMO_CASES})`,
      integerOption('--cases', 0, 1_000_000),
    )
    .action(async (opts: { out?: string; seed?: number; cases?: number }) => {
      const outDir = path.resolve(opts.out ?? path.join(dataDir(), 'demo'));
      let written: Awaited<ReturnType<typeof generateDemoExports>>;
      try {
        written = await generateDemoExports(outDir, { seed: opts.seed, cases: opts.cases });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (!code) throw err;
        // File system failures (EACCES, ENOSPC, EROFS, ENOTDIR...): say where and what to do, without a stack.
        return refuse(
          {
            fr: `impossible d'écrire les fichiers de démonstration dans ${outDir} (${code}). Choisissez un dossier accessible en écriture avec --out.`,
            en: `cannot write the demo files to ${outDir} (${code}). Choose a writable directory with --out.`,
          },
          1,
        );
      }
      const total = written.reduce((s, e) => s + e.cases, 0);
      process.stdout.write(
        `Données fictives écrites dans / fictional data written to ${outDir}\n` +
          written
            .map((e) => `  ${path.basename(e.file)}  ${e.format}  ${e.cases} cas/cases  ${e.years[0]}-${e.years[1]}`)
            .join('\n') +
          `\n${total} cas fictifs, ${written.length} associations fictives / ${total} fictional cases, ${written.length} fictional associations\n`,
      );
    });
  return demo;
}
