import type { Command } from 'commander';
import { startStack } from '../stack.js';
import { seedDemoIfEmpty } from '../seed.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Démarre toute la plateforme en local (base, API, tableau de bord) / start the whole platform locally')
    .option('--port <port>', 'port du tableau de bord / dashboard port', process.env.PORT ?? '3000')
    .option('--api-port <port>', "port de l'API / API port", process.env.API_PORT ?? '3001')
    .option('--no-demo', 'ne pas charger les données fictives / do not load the fictional demo data')
    .action(async (opts: { port: string; apiPort: string; demo: boolean }) => {
      const started = Date.now();
      const say = (line: string) => process.stdout.write(`${line}\n`);
      say(`Observatoire : démarrage / starting (Node ${process.version})…`);
      const stack = await startStack({
        dashboardPort: Number(opts.port),
        apiPort: Number(opts.apiPort),
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
