import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerMigrate } from './commands/migrate.js';
import { registerStart } from './commands/start.js';
import { registerDemo } from './commands/demo.js';
import { registerAdmin } from './commands/admin.js';
import { registerImport } from './commands/import.js';
import { registerWorker } from './commands/worker.js';
import { registerRelease } from './commands/release.js';
import { registerAttack } from './commands/attack.js';

/**
 * The one command line of Observatoire: `npx observatoire <command>`. Each command lives in its own file under
 * src/commands/ and registers itself here.
 */
export function buildProgram(): Command {
  const program = new Command('observatoire')
    .description('Observatoire : plateforme de données ouvertes / open data platform')
    // The Node version too: the project pins Node 24 as a dev dependency, which `npx observatoire` runs on.
    .version(`observatoire ${cliVersion()} (Node ${process.version})`, '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  registerStart(program);
  registerMigrate(program);
  registerDemo(program);
  registerAdmin(program);
  registerImport(program);
  registerWorker(program);
  registerRelease(program);
  registerAttack(program);
  return program;
}

function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
