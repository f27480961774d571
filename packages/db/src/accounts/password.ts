import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** OWASP ASVS minimum for scrypt: N=2^17, r=8, p=1 (about 128 MiB, hence the raised maxmem). */
const LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

function options(logN: number, r: number, p: number): ScryptOptions {
  const N = 2 ** logN;
  return { N, r, p, maxmem: 128 * N * r * p + 16 * 1024 * 1024 };
}

/** Whether a password has an allowed length (ASVS 5.0 6.2.1 and 6.2.9: at least 8, 64 and more allowed). */
export function passwordPolicyError(password: string): { fr: string; en: string } | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    return {
      fr: `Le mot de passe doit compter entre ${PASSWORD_MIN_LENGTH} et ${PASSWORD_MAX_LENGTH} caractères.`,
      en: `The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.`,
    };
  }
  return null;
}

/**
 * Words of this service that make a guessable password (ASVS 5.0 6.2.11, "context-specific words"): a password
 * that is one of them, or the account's e-mail address or its name part, give or take digits and punctuation
 * ("Observatoire2026!"), is refused. Documented in README (Security).
 */
export const PASSWORD_CONTEXT_WORDS = [
  'observatoire',
  'observatory',
  'collectif',
  'association',
  'traite',
  'trafficking',
  'motdepasse',
  'password',
  'espace',
  'admin',
] as const;

/** Lower case, accents and every character that is not a letter dropped: "Observatoire-2026!" → "observatoire". */
function lettersOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
}

let commonPasswords: Promise<Set<string>> | null = null;

/**
 * The 49,000 most common passwords of the breach corpora that zxcvbn-ts maintains (@zxcvbn-ts/language-common),
 * loaded once on first use: a new password on that list is refused (ASVS 5.0 6.2.4 asks for at least the 3,000
 * most common ones that meet the length rule; about 18,000 of these do).
 */
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    (m) => new Set(m.dictionary['passwords-common'].map((p) => p.toLowerCase())),
  );
  return commonPasswords;
}

export type PasswordRefusal = 'password_policy' | 'password_common';

/**
 * Checks a password being set (account creation): its length, then whether it is one of the most common
 * passwords, a repetition of fewer than four different characters, or a word of this service or of the
 * account's e-mail address. Never applied to a login, whose
 * password was checked when it was set.
 */
export async function newPasswordRefusal(password: string, email = ''): Promise<PasswordRefusal | null> {
  if (passwordPolicyError(password)) return 'password_policy';
  const lowered = password.normalize('NFKC').toLowerCase();
  if ((await loadCommonPasswords()).has(lowered)) return 'password_common';
  // "aaaaaaaa", "abababab", "12121212": no list holds every repetition.
  if (new Set(lowered).size < 4) return 'password_common';
  const letters = lettersOf(password);
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  const context = [...PASSWORD_CONTEXT_WORDS, lettersOf(local), lettersOf(domain.split('.')[0] ?? '')];
  if (context.some((word) => word.length >= 3 && letters === word)) return 'password_common';
  if (email && lowered === email.toLowerCase()) return 'password_common';
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, options(LOG_N, R, P));
  return `$scrypt$ln=${LOG_N},r=${R},p=${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const FORMAT = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const [, logN, r, p, salt, hash] = m;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, options(+logN, +r, +p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password: verifying against it when the account does not exist costs the same time. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
