import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { config, readConfig } from '@observatoire/config';
// Only the paths module: the package's index loads TypeORM and every entity, which an import does not need.
import { dataDir } from '@observatoire/db/paths';

const KEY_FILE = 'pseudonym.key';

/**
 * The secret key of case pseudonyms: `OBSERVATOIRE_PSEUDONYM_KEY` (hex, base64 or any string of 32+ characters),
 * otherwise, for local runs only, a random key generated once and kept in `.data/pseudonym.key` (mode 600). Losing
 * or changing the key makes re-uploads count every case as new, so production (`NODE_ENV=production`) must set the
 * variable: a key generated inside a container would be lost with it, and a second process would make another.
 */
export async function loadPseudonymKey(
  env: NodeJS.ProcessEnv = process.env,
  production = env.NODE_ENV === 'production',
): Promise<Buffer> {
  // Validated with the rest of the configuration (32+ characters; the message never repeats the key).
  const configured = (env === process.env ? config() : readConfig(env)).OBSERVATOIRE_PSEUDONYM_KEY;
  if (configured) {
    if (/^[0-9a-f]+$/i.test(configured) && configured.length % 2 === 0) return Buffer.from(configured, 'hex');
    return Buffer.from(configured, 'utf8');
  }
  if (production) {
    throw new Error(
      'OBSERVATOIRE_PSEUDONYM_KEY n’est pas défini : en production la clé des pseudonymes n’est jamais générée. ' +
        'Donnez la clé sauvegardée (ou, au premier déploiement, une nouvelle : `openssl rand -hex 32`, à sauvegarder). / ' +
        'OBSERVATOIRE_PSEUDONYM_KEY is not set: in production the pseudonym key is never generated. Give the key you ' +
        'backed up (or, on a first deployment, a new one: `openssl rand -hex 32`, and back it up).',
    );
  }
  const file = path.join(dataDir(), KEY_FILE);
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('hex');
  try {
    // `wx`: when two processes start together, the first key written wins and both use it.
    await writeFile(file, `${key}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
}

/** The message whose HMAC is the case key of an association's own case id (see `caseKey`). */
export function caseKeyInput(associationId: string, rawCaseId: string): string {
  return `${associationId}\u0000${rawCaseId.trim()}`;
}

/**
 * Case key: hex HMAC-SHA256 of the association's own case id, keyed by the secret and scoped by association (the
 * same id at two associations gives two keys). The raw id never leaves this function.
 */
export function caseKey(key: Buffer, associationId: string, rawCaseId: string): string {
  return createHmac('sha256', key).update(caseKeyInput(associationId, rawCaseId)).digest('hex');
}

/** The message whose HMAC is the key of a row without case id (see `contentKey`). */
export function contentKeyInput(associationId: string, fingerprint: string, occurrence: number): string {
  return `${associationId}\u0000row\u0000${fingerprint}\u0000${occurrence}`;
}

/**
 * Key of a row that has no case id column: derived from the normalised record itself and its occurrence number
 * among identical records, so re-uploading the same rows (even reordered, in an edited file) finds the same keys.
 */
export function contentKey(key: Buffer, associationId: string, fingerprint: string, occurrence: number): string {
  return createHmac('sha256', key)
    .update(contentKeyInput(associationId, fingerprint, occurrence))
    .digest('hex');
}
