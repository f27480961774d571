import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from '@observatoire/config';

/** The monorepo's root: the nearest ancestor whose package.json declares workspaces. */
export function repoRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (dir !== path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).workspaces) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** Where local state lives (embedded database, uploads, the local pseudonym key): `.data/` unless configured. */
export function dataDir(): string {
  return path.resolve(config().OBSERVATOIRE_DATA_DIR ?? path.join(repoRoot(), '.data'));
}
