import { KIN } from './kin.js';
import { defineCodes } from './code-entry.js';
import { UNKNOWN_WORDS } from './unknown.js';

export const RECRUITER_RELATIONS = ['family', 'intimate_partner', 'friend', 'stranger', 'other', 'unknown'] as const;
export type RecruiterRelation = (typeof RECRUITER_RELATIONS)[number];

export const recruiterRelationCodes = defineCodes<RecruiterRelation, never>(RECRUITER_RELATIONS, {
  family: {
    label: { fr: 'Famille', en: 'Family' },
    description: { fr: 'Le recruteur est un membre de la famille.', en: 'The recruiter is a family member.' },
    htcds: 'Familial',
    synonyms: [
      'Famille',
      'Familial',
      'Familiale',
      ...KIN,
      'Membre de la famille',
      'Parent',
      'Family',
      'Family member',
      'Relative',
    ],
  },
  intimate_partner: {
    label: { fr: 'Partenaire intime', en: 'Intimate partner' },
    description: {
      fr: 'Le recruteur est un·e partenaire intime (conjoint, petit ami).',
      en: 'The recruiter is an intimate partner (spouse, boyfriend).',
    },
    synonyms: [
      'Partenaire intime',
      'Conjoint',
      'Conjointe',
      'Petit ami',
      'Compagnon',
      'Mari',
      'Intimate partner',
      'Partner',
      'Boyfriend',
      'Husband',
      'IntimatePartner',
    ],
  },
  friend: {
    label: { fr: 'Ami ou connaissance', en: 'Friend or acquaintance' },
    description: {
      fr: 'Le recruteur est un ami ou une connaissance.',
      en: 'The recruiter is a friend or an acquaintance.',
    },
    htcds: 'Acquainted',
    synonyms: [
      'Ami',
      'Acquainted',
      'Connu de la victime',
      'Amie',
      'Amis',
      'Connaissance',
      'Amis / connaissances',
      'Friend',
      'Acquaintance',
    ],
  },
  stranger: {
    label: { fr: 'Inconnu de la victime', en: 'Stranger' },
    description: {
      fr: 'Le recruteur était inconnu de la victime avant le recrutement.',
      en: 'The recruiter was unknown to the victim before recruitment.',
    },
    htcds: 'Unaquainted',
    synonyms: ['Inconnu de la victime', 'Unacquainted', 'Unaquainted', 'Étranger', 'Personne inconnue', 'Stranger'],
  },
  other: {
    label: { fr: 'Autre', en: 'Other' },
    description: { fr: 'Autre relation (employeur, agence…).', en: 'Other relation (employer, agency…).' },
    htcds: 'Other',
    synonyms: ['Autre', 'Autre relation', 'Employeur', 'Other', 'Employer'],
  },
  unknown: {
    label: { fr: 'Inconnue', en: 'Unknown' },
    description: {
      fr: 'Relation avec le recruteur non renseignée ou inconnue.',
      en: 'Relation to the recruiter not recorded or unknown.',
    },
    htcds: 'Unknown',
    synonyms: [...UNKNOWN_WORDS],
  },
});
