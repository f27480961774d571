import { defineCodes } from './code-entry.js';
import { UNKNOWN_WORDS } from './unknown.js';

/** CTDC age bands (age at the start of exploitation), plus unknown. */
export const AGE_BANDS = [
  '0-8',
  '9-17',
  '18-20',
  '21-23',
  '24-26',
  '27-29',
  '30-38',
  '39-47',
  '48+',
  'unknown',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Bands made only of ages under 18. */
export const MINOR_AGE_BANDS = ['0-8', '9-17'] as const satisfies readonly AgeBand[];

function band(from: number, to: number | null): { fr: string; en: string } {
  return to === null
    ? { fr: `${from} ans et plus`, en: `${from} and over` }
    : { fr: `${from} à ${to} ans`, en: `${from} to ${to} years` };
}

function bandSynonyms(from: number, to: number | null): string[] {
  if (to === null) return [`${from}+`, `${from} ans et +`, `${from} et plus`, `${from} ans et plus`, `${from} plus`];
  return [`${from}-${to}`, `${from}-${to} ans`, `${from} à ${to} ans`, `de ${from} à ${to} ans`, `${from} to ${to}`];
}

function describe(from: number, to: number | null) {
  const l = band(from, to);
  return {
    label: l,
    description: {
      fr: `Âge au début de l’exploitation : ${l.fr} (tranche CTDC).`,
      en: `Age at the start of exploitation: ${l.en} (CTDC band).`,
    },
    htcds: to === null ? `${from}+` : `${from}--${to}`,
    synonyms: bandSynonyms(from, to),
  };
}

export const ageBandCodes = defineCodes<AgeBand, never>(AGE_BANDS, {
  '0-8': { ...describe(0, 8), synonyms: [...bandSynonyms(0, 8), 'Moins de 9 ans'] },
  '9-17': describe(9, 17),
  '18-20': describe(18, 20),
  '21-23': describe(21, 23),
  '24-26': describe(24, 26),
  '27-29': describe(27, 29),
  '30-38': describe(30, 38),
  '39-47': describe(39, 47),
  '48+': describe(48, null),
  unknown: {
    label: { fr: 'Âge inconnu', en: 'Age unknown' },
    description: {
      fr: 'Âge au début de l’exploitation non renseigné ou inconnu.',
      en: 'Age at the start of exploitation not recorded or unknown.',
    },
    synonyms: [...UNKNOWN_WORDS],
  },
});
