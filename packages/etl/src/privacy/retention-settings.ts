import path from 'node:path';
import { config, readConfig } from '@observatoire/config';
import { dataDir } from '@observatoire/db';

/**
 * How long what an upload leaves behind is kept, from the one configuration (@observatoire/config), the same for every
 * process that stores or sweeps it (the API, `observatoire worker`, `observatoire import`):
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

export function retentionSettings(env: NodeJS.ProcessEnv = process.env): RetentionSettings {
  const c = env === process.env ? config() : readConfig(env);
  return {
    uploadDir: c.UPLOAD_DIR || path.join(dataDir(), 'uploads'),
    previewMaxAgeHours: c.PREVIEW_MAX_AGE_HOURS,
    rejectedRowsDays: c.REJECTED_ROWS_DAYS,
  };
}
