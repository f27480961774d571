/**
 * How exports write "not recorded / not known" in any coded field (French and English): the `unknown` code of every
 * code list recognises all of them, so a word understood in one column is understood in every other.
 */
export const UNKNOWN_WORDS = [
  'Inconnu',
  'Inconnue',
  'NSP',
  'NC',
  'NR',
  'Non renseigné',
  'Non communiqué',
  'Ne sait pas',
  'Non précisé',
  'Unknown',
  'Not specified',
  'Not known',
  'N/A',
] as const;
