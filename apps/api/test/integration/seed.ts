import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { runImport } from '@observatoire/etl';
import { createAssociation, poolOf } from '@observatoire/db';
import type { DataSource } from 'typeorm';

// The sample exports of ../shared/samples, as copied into the repository with the ETL's fixtures.
const SAMPLES = fileURLToPath(new URL('../../../../packages/etl/test/fixtures/', import.meta.url));

/** Loads the three sample exports as three associations through the real ETL (no shortcuts into the tables). */
export async function loadSamples(ds: DataSource): Promise<void> {
  const files: [string, string][] = [
    ['aurore-paris', 'aurore-paris-2019-2024.csv'],
    ['amarre-nantes', 'amarre-nantes-suivi.xlsx'],
    ['safe-harbour-nice', 'safe-harbour-nice-export.csv'],
  ];
  for (const [slug, file] of files) {
    await createAssociation(ds, { slug, name: slug }, { type: 'system' });
    const result = await runImport({ db: poolOf(ds), file: path.join(SAMPLES, file), association: slug });
    if (result.report.outcome !== 'committed') throw new Error(`sample ${file}: ${result.report.outcome}`);
  }
}
