import path from 'node:path';
import { dataDir } from '@observatoire/db';

/**
 * How long what an upload leaves behind is kept, read once from the environment by every process that stores or
 * sweeps it (the API, `observatoire worker`, `observatoire import`), so that they agree:
 * - `UPLOAD_DIR`: where uploaded files wait for their import (default `<data dir>/uploads`);
 * - `PREVIEW_MAX_AGE_HOURS` (default 24): an unconfirmed preview's file is deleted after this many hours;
 * - `REJECTED_ROWS_DAYS` (default 30): an import's rejected rows (coded columns only) are deleted after this many
 *   days (time to fix them and upload again).
 * The raw file of an import is deleted as soon as the import ends (committed, refused or failed): no setting.
 */
export interface RetentionSettings {
  uploadDir: string;
  previewMaxAgeHours: number;
  rejectedRowsDays: number;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new Error(
      `${name}=${raw} : un nombre entier positif est attendu (par défaut ${fallback}). / ` +
        `${name}=${raw}: a positive whole number is expected (default ${fallback}).`,
    );
  }
  return n;
}

export function retentionSettings(env: NodeJS.ProcessEnv = process.env): RetentionSettings {
  return {
    uploadDir: env.UPLOAD_DIR || path.join(dataDir(), 'uploads'),
    previewMaxAgeHours: positiveInt('PREVIEW_MAX_AGE_HOURS', env.PREVIEW_MAX_AGE_HOURS, 24),
    rejectedRowsDays: positiveInt('REJECTED_ROWS_DAYS', env.REJECTED_ROWS_DAYS, 30),
  };
}
