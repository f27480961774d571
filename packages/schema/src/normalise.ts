/**
 * Normalises a free-text label for matching: lower case, accents stripped, ligatures expanded,
 * every run of punctuation or white space collapsed to one space, trimmed.
 * "  Réseaux-Sociaux (FB) " → "reseaux sociaux fb".
 */
export function normaliseLabel(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key used by every resolver: the normalised label without spaces, so that "Le Bon Coin", "leboncoin",
 * "Tik Tok" and "TikTok" or "Côte d'Ivoire" and "Cote-d-Ivoire" all meet.
 */
export function labelKey(s: string): string {
  return normaliseLabel(s).replace(/ /g, '');
}
