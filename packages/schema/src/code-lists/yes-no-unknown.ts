import { defineCodes } from './code-entry.js';
import { UNKNOWN_WORDS } from './unknown.js';

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

export const yesNoUnknownCodes = defineCodes<YesNoUnknown, never>(YES_NO_UNKNOWN, {
  yes: {
    label: { fr: 'Oui', en: 'Yes' },
    description: { fr: 'Oui.', en: 'Yes.' },
    htcds: 'Yes',
    // "X" and "1" are how wide spreadsheets tick a box (one column per code).
    synonyms: ['Oui', 'O', 'Yes', 'Y', 'X', '1', 'Vrai', 'True', 'Coché'],
  },
  no: {
    label: { fr: 'Non', en: 'No' },
    description: { fr: 'Non.', en: 'No.' },
    htcds: 'No',
    synonyms: ['Non', 'N', 'No', '0', 'Faux', 'False'],
  },
  unknown: {
    label: { fr: 'Inconnu', en: 'Unknown' },
    description: { fr: 'Non renseigné ou inconnu.', en: 'Not recorded or unknown.' },
    htcds: 'Unknown',
    synonyms: [...UNKNOWN_WORDS],
  },
});
