import type { Command } from 'commander';
import { openLocalDatabase, runMigrations } from '@observatoire/db';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Applique les migrations de la base / apply database migrations (DATABASE_URL, or embedded)')
    .action(async () => {
      const db = await openLocalDatabase();
      try {
        const applied = await runMigrations(db.url);
        process.stdout.write(
          applied.length
            ? `Migrations appliquées / applied: ${applied.join(', ')}\n`
            : 'Base à jour, aucune migration à appliquer / database up to date, nothing to apply\n',
        );
      } finally {
        await db.stop();
      }
    });
}
