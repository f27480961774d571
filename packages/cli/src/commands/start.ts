import { InvalidArgumentError, type Command } from 'commander';
import { config } from '@observatoire/config';
import { startStack } from '../stack.js';
import { seedDemoIfEmpty } from '../seed.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Démarre toute la plateforme en local (base, API, tableau de bord) / start the whole platform locally')
    .option('--port <port>', 'port du tableau de bord / dashboard port (PORT, 3000)', parsePort)
    .option('--api-port <port>', "port de l'API / API port (API_PORT, 3001)", parsePort)
    .option('--no-demo', 'ne pas charger les données fictives / do not load the fictional demo data')
    .action(async (opts: { port?: number; apiPort?: number; demo: boolean }) => {
      // The whole configuration is validated here, before anything starts.
      const settings = config();
      const started = Date.now();
      const say = (line: string) => process.stdout.write(`${line}\n`);
      say(`Observatoire : démarrage / starting (Node ${process.version})…`);
      const stack = await startStack({
        dashboardPort: opts.port ?? settings.PORT ?? 3000,
        apiPort: opts.apiPort ?? settings.API_PORT,
        seed: opts.demo ? (url) => seedDemoIfEmpty(url, say) : undefined,
        log: say,
        inheritOutput: true,
        // The embedded database is start's for its whole life; admin commands run beside it use it.
        exclusiveDatabase: true,
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      say('');
      say(`Observatoire est prêt / is ready (${seconds} s)`);
      say(`  Tableau de bord / dashboard : ${stack.dashboardUrl}/   (English: ${stack.dashboardUrl}/en/)`);
      say(`  API                         : ${stack.apiUrl}/api/v1   (docs: ${stack.apiUrl}/api/docs)`);
      say(`  Base de données / database  : ${stack.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
      say('Ctrl-C pour tout arrêter / to stop everything.');
      let stopping = false;
      const shutdown = async () => {
        if (stopping) return;
        stopping = true;
        say('\nArrêt en cours / stopping…');
        await stack.stop();
        say('Arrêté / stopped.');
        process.exit(0);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      await new Promise(() => {});
    });
}

function parsePort(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) {
    throw new InvalidArgumentError(
      `un port est un entier de 1 à 65535 (reçu « ${raw} »). / a port is a whole number from 1 to 65535 (got "${raw}").`,
    );
  }
  return n;
}
