import { defineCodes } from './code-entry.js';
import { UNKNOWN_WORDS } from './unknown.js';

export const GENDERS = ['female', 'male', 'trans_female', 'trans_male', 'non_binary', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export const genderCodes = defineCodes<Gender, never>(GENDERS, {
  female: {
    label: { fr: 'Femme', en: 'Female' },
    description: { fr: 'Femme ou fille (cisgenre).', en: 'Woman or girl (cisgender).' },
    htcds: 'Feminine',
    synonyms: [
      'F',
      'Femme',
      'Femmes',
      'Féminin',
      'Feminin',
      'Fille',
      'Female',
      'Woman',
      'Girl',
      'Feminine',
      'W',
      'Fém',
      'Femme cis',
      'Cis woman',
    ],
  },
  male: {
    label: { fr: 'Homme', en: 'Male' },
    description: { fr: 'Homme ou garçon (cisgenre).', en: 'Man or boy (cisgender).' },
    htcds: 'Masculine',
    synonyms: [
      'H',
      'M',
      'Homme',
      'Hommes',
      'Masculin',
      'Garçon',
      'Male',
      'Man',
      'Boy',
      'Masculine',
      'Masc',
      'Homme cis',
      'Cis man',
    ],
  },
  trans_female: {
    label: { fr: 'Femme transgenre', en: 'Transgender woman' },
    description: {
      fr: 'Femme transgenre (assignée homme à la naissance).',
      en: 'Transgender woman (assigned male at birth).',
    },
    htcds: 'TransgenderFeminine',
    synonyms: [
      'Femme trans',
      'Femme transgenre',
      'Femme transsexuelle',
      'Trans F',
      'MtF',
      'MTF',
      'Trans woman',
      'Transgender woman',
      'Transgender female',
      'Trans female',
      'TransgenderFeminine',
    ],
  },
  trans_male: {
    label: { fr: 'Homme transgenre', en: 'Transgender man' },
    description: {
      fr: 'Homme transgenre (assigné femme à la naissance).',
      en: 'Transgender man (assigned female at birth).',
    },
    htcds: 'TransgenderMasculine',
    synonyms: [
      'Homme trans',
      'Homme transgenre',
      'Trans H',
      'FtM',
      'Trans man',
      'Transgender man',
      'Transgender male',
      'Trans male',
      'TransgenderMasculine',
    ],
  },
  non_binary: {
    label: { fr: 'Non binaire', en: 'Non-binary' },
    description: {
      fr: 'Personne ne se définissant ni comme femme ni comme homme.',
      en: 'Person identifying neither as a woman nor as a man.',
    },
    htcds: 'NonBinary',
    synonyms: ['Non binaire', 'Non-binaire', 'NB', 'Non binary', 'Nonbinary', 'Genderqueer', 'Autre genre'],
  },
  unknown: {
    label: { fr: 'Inconnu', en: 'Unknown' },
    description: {
      fr: 'Genre non renseigné ou inconnu de l’association.',
      en: 'Gender not recorded or not known to the association.',
    },
    htcds: 'NonSpecifiedUnknown',
    synonyms: [...UNKNOWN_WORDS, 'NonSpecifiedUnknown'],
  },
});
