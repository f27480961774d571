/**
 * Words of the association space and the admin: the same `t()` as the public pages, over both catalogues (the
 * space's own keys, `space.*` and `admin.*`, and the public ones it shares: `site.skip`, `error.generic`…).
 */
import { fill, type Lang, type Params } from './core.js';
import { messages, type MessageKey } from './messages.js';
import { spaceMessages, type SpaceMessageKey } from './space-messages.js';

export { formatCount, formatDate, formatDateTime, type Lang } from './core.js';
export { spaceMessages, type SpaceMessageKey };

export type AnyMessageKey = MessageKey | SpaceMessageKey;

/** The keys whose message exists: for a key built at run time (`space.status.${status}`). */
export function isMessageKey(key: string): key is AnyMessageKey {
  return Object.hasOwn(spaceMessages.fr, key) || Object.hasOwn(messages.fr, key);
}

export function t(lang: Lang, key: AnyMessageKey, params?: Params): string {
  const entry = Object.hasOwn(spaceMessages.fr, key)
    ? spaceMessages[lang][key as SpaceMessageKey]
    : messages[lang][key as MessageKey];
  return fill(entry, lang, params);
}
