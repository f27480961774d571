import { createHash, randomBytes } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A new session id: 128 bits from the CSPRNG, base64url. Only its SHA-256 is stored. */
export function newSessionId(): { id: string; idHash: string } {
  const id = randomBytes(16).toString('base64url');
  return { id, idHash: sha256Hex(id) };
}

export const API_TOKEN_PREFIX = 'obs_';

/**
 * A new API token: 256 random bits. A fast hash is enough to store it (unlike passwords, it cannot be guessed),
 * and it lets each request find its token by an indexed lookup.
 */
export function newApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256Hex(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}
