import { MAPPING_FIELDS, normaliseLabel, resolveSourceField, type MappingField } from '@observatoire/schema';

/**
 * The fields an export's columns map to (the schema's source fields, plus `birthDate`, read only to derive the age
 * band and then dropped).
 */
export const CANONICAL_FIELDS = MAPPING_FIELDS;
export type CanonicalField = MappingField;

/** Fields that hold several values in one cell (`Facebook / WhatsApp`). */
export const MULTI_VALUED_FIELDS: ReadonlySet<CanonicalField> = new Set([
  'citizenship',
  'exploitationTypes',
  'recruitmentChannels',
  'recruitmentPlatforms',
  'exploitationPlatforms',
]);

/**
 * Extra header spellings seen in member exports, on top of the schema's source-field synonyms (which are
 * consulted first), compared after `normaliseLabel`, so case, accents and punctuation do not matter.
 */
const HEADER_SYNONYMS: Record<CanonicalField, string[]> = {
  ageBand: ['tranche d age', 'age band', 'age range', 'classe d age'],
  freeText: [
    'observations',
    'observation',
    'commentaire',
    'commentaires',
    'remarque',
    'remarques',
    'notes',
    'note',
    'description',
    'recit',
    'parcours',
    'details',
    'precisions',
    'suivi',
    'comments',
    'comment',
    'narrative',
    'story',
    'remarks',
  ],
  caseId: [
    'case id',
    'caseid',
    'id',
    'identifiant',
    'identifiant dossier',
    'id dossier',
    'n dossier',
    'no dossier',
    'numero dossier',
    'numero de dossier',
    'n de dossier',
    'dossier',
    'reference dossier',
    'ref dossier',
    'code dossier',
    'case number',
    'case ref',
    'case reference',
    'record id',
    'victim id',
    'n victime',
    'id victime',
  ],
  referenceYear: [
    'annee',
    'annee de prise en charge',
    'annee prise en charge',
    'annee de reference',
    'annee d identification',
    'annee de suivi',
    'annee d accompagnement',
    'year',
    'reference year',
    'year of registration',
    'registration year',
    'year of identification',
    'yearofregistration',
  ],
  referenceDate: [
    'date premier contact',
    'date de premier contact',
    'date du premier contact',
    'date de prise en charge',
    'date prise en charge',
    'date d identification',
    'date d accueil',
    'date d entree',
    'date entree',
    'date de signalement',
    'date of first contact',
    'first contact date',
    'registration date',
    'date of registration',
    'identification date',
    'intake date',
  ],
  gender: ['sexe', 'genre', 'gender', 'sex', 'prs gender', 'gender identity', 'identite de genre'],
  age: [
    'age',
    'age au debut de l exploitation',
    'age au debut de lexploitation',
    'age debut exploitation',
    'age au recrutement',
    'age lors du recrutement',
    'age a l identification',
    'age at recruitment',
    'age at start of exploitation',
    'age at exploitation',
    'age broad',
    'ageatrecruitment',
  ],
  birthDate: [
    'date de naissance',
    'ddn',
    'ne e le',
    'nee le',
    'ne le',
    'annee de naissance',
    'birth date',
    'date of birth',
    'dob',
    'birthdate',
    'year of birth',
    'birth year',
  ],
  citizenship: [
    'nationalite',
    'nationalites',
    'pays d origine',
    'pays de nationalite',
    'citoyennete',
    'citizenship',
    'nationality',
    'country of citizenship',
    'country of origin',
    'prs citizenship',
  ],
  exploitationTypes: [
    'type d exploitation',
    'types d exploitation',
    'type s d exploitation',
    'forme d exploitation',
    'formes d exploitation',
    'exploitation',
    'finalite de l exploitation',
    'type of exploitation',
    'exploitation type',
    'exploitation types',
    'vic typeofexploitation',
    'typeofexploitation',
    'type of exploit',
  ],
  recruitmentChannels: [
    'mode de recrutement',
    'modes de recrutement',
    'canal de recrutement',
    'canaux de recrutement',
    'moyen de recrutement',
    'recrutement',
    'recruitment',
    'recruitment method',
    'recruitment channel',
    'recruitment channels',
    'means of recruitment',
    'meansofcontrol recruitment',
    'vic recruitmentmethod',
  ],
  recruitmentPlatforms: [
    'plateforme',
    'plateformes',
    'plateforme s utilisee s',
    'plateformes utilisees',
    'plateforme de recrutement',
    'plateformes de recrutement',
    'reseau social utilise',
    'application utilisee',
    'recruitment platform',
    'recruitment platforms',
    'platform',
    'platforms',
    'recruitment websites and apps',
    'vic recruitmentwebsitesandapps',
  ],
  onlineExploitation: [
    'exploitation en ligne',
    'annonce en ligne de la victime',
    'victime annoncee en ligne',
    'online exploitation',
    'advertised online',
    'exploited online',
  ],
  exploitationPlatforms: [
    'plateforme d exploitation',
    'plateformes d exploitation',
    'site d annonce de la victime',
    'exploitation platform',
    'exploitation platforms',
    'exploitation websites and apps',
    'vic exploitationwebsitesandapps',
  ],
  onlineControl: [
    'controle en ligne',
    'controle numerique',
    'contrainte en ligne',
    'online control',
    'online coercion',
    'digital control',
  ],
  exploitationCountry: [
    'pays d exploitation',
    'lieu d exploitation',
    'pays de l exploitation',
    'country of exploitation',
    'exploitation country',
    'vic countryofexploitation',
  ],
  recruiterRelation: [
    'lien avec le recruteur',
    'relation avec le recruteur',
    'lien recruteur',
    'recruiter relation',
    'relation to recruiter',
    'relationship with recruiter',
    'recruiter relationship',
  ],
};

const headerIndex = new Map<string, CanonicalField>();
for (const field of CANONICAL_FIELDS) {
  for (const synonym of HEADER_SYNONYMS[field]) headerIndex.set(normaliseLabel(synonym), field);
  headerIndex.set(normaliseLabel(field.replace(/([A-Z])/g, ' $1')), field);
  headerIndex.set(normaliseLabel(field), field);
}
// snake_case names of the case record columns, as a canonical export (or our own CSV) writes them.
for (const [snake, field] of [
  ['reference_year', 'referenceYear'],
  ['case_key', 'caseId'],
  ['age_band', 'age'],
  ['exploitation_types', 'exploitationTypes'],
  ['recruitment_channels', 'recruitmentChannels'],
  ['recruitment_platforms', 'recruitmentPlatforms'],
  ['online_exploitation', 'onlineExploitation'],
  ['exploitation_platforms', 'exploitationPlatforms'],
  ['online_control', 'onlineControl'],
  ['exploitation_country', 'exploitationCountry'],
  ['recruiter_relation', 'recruiterRelation'],
] as const) {
  headerIndex.set(normaliseLabel(snake), field);
}

/** The field a header names, from the synonym list; null when none matches. */
export function fieldForHeader(header: string): CanonicalField | null {
  return resolveSourceField(header) ?? headerIndex.get(normaliseLabel(header)) ?? null;
}

/** Every known header label (normalised), for "did you mean" suggestions. */
export function knownHeaderLabels(): ReadonlyMap<string, CanonicalField> {
  return headerIndex;
}

export function isCanonicalField(value: string): value is CanonicalField {
  return (CANONICAL_FIELDS as readonly string[]).includes(value);
}
