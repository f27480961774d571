import { caseRecordFieldDocs, type CaseRecordFieldDoc } from './case-record.fields.js';
import type { CodeListName } from './code-lists/index.js';
import type { LocalisedText } from './localised-text.js';
import { labelKey } from './normalise.js';

/**
 * Columns an association export may hold, before normalisation. Most map one-to-one onto a case-record
 * field; some are inputs the ETL turns into one (age → ageBand, a date → referenceYear, caseId → caseKey)
 * and `freeText` marks narrative columns that are dropped and never stored.
 */
export const SOURCE_FIELDS = [
  'caseId',
  'referenceYear',
  'referenceDate',
  'age',
  'ageBand',
  'gender',
  'citizenship',
  'exploitationTypes',
  'recruitmentChannels',
  'recruitmentPlatforms',
  'onlineExploitation',
  'exploitationPlatforms',
  'onlineControl',
  'exploitationCountry',
  'recruiterRelation',
  'freeText',
] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

export type SourceFieldKind = 'id' | 'year' | 'date' | 'age' | 'code' | 'codes' | 'country' | 'countries' | 'freeText';

export interface SourceFieldDefinition {
  readonly field: SourceField;
  readonly kind: SourceFieldKind;
  /** Code list the values resolve against (for `code` and `codes` kinds). */
  readonly codeList?: CodeListName;
  readonly label: LocalisedText;
  readonly description: LocalisedText;
  /** HTCDS field name (or CTDC's, for yearOfRegistration and ageBroad), where one exists. */
  readonly htcds?: string;
  /** Header spellings recognised automatically. */
  readonly synonyms: readonly string[];
}

/**
 * A column that is the stored field itself: its code list, label, description and HTCDS name are the data
 * dictionary's (case-record.fields.ts), written once.
 */
function asStored(
  field: CaseRecordFieldDoc['field'],
): Pick<SourceFieldDefinition, 'codeList' | 'label' | 'description' | 'htcds'> {
  const doc = caseRecordFieldDocs.find((d) => d.field === field);
  if (!doc) throw new Error(`no data dictionary entry for ${field}`);
  const { codeList, label, description, htcds } = doc;
  return { ...(codeList && { codeList }), label, description, ...(htcds && { htcds }) };
}

export const sourceFields: readonly SourceFieldDefinition[] = [
  {
    field: 'caseId',
    kind: 'id',
    label: { fr: 'Identifiant du dossier', en: 'Case id' },
    description: {
      fr: 'Identifiant propre à l’association ; remplacé par un pseudonyme (HMAC) et jamais stocké.',
      en: 'The association’s own case id; replaced by a pseudonym (HMAC) and never stored.',
    },
    synonyms: [
      'N° dossier',
      'No dossier',
      'Numéro de dossier',
      'Numero dossier',
      'Dossier',
      'Identifiant',
      'ID',
      'Réf',
      'Référence',
      'Référence dossier',
      'Code dossier',
      'Case id',
      'Case number',
      'Case ref',
      'Record id',
    ],
  },
  {
    field: 'referenceYear',
    kind: 'year',
    label: { fr: 'Année de référence', en: 'Reference year' },
    description: {
      fr: 'Année de prise en charge ou d’identification de la personne (2000 à l’année en cours).',
      en: 'Year the person was supported or identified (2000 to the current year).',
    },
    htcds: 'yearOfRegistration',
    synonyms: [
      'Année',
      'Annee',
      'Année de prise en charge',
      'Année de référence',
      'Année d’identification',
      'Année de suivi',
      'Année d’accompagnement',
      'Year',
      'Reference year',
      'Year of registration',
      'yearOfRegistration',
    ],
  },
  {
    field: 'referenceDate',
    kind: 'date',
    label: { fr: 'Date de prise en charge', en: 'Date of first contact' },
    description: {
      fr: 'Date de premier contact ou de prise en charge ; seule l’année est conservée.',
      en: 'Date of first contact or of support; only its year is kept.',
    },
    synonyms: [
      'Date premier contact',
      'Date de premier contact',
      'Date du premier contact',
      'Date de 1er contact',
      'Date de prise en charge',
      'Date d’identification',
      'Date d’entrée',
      'Date d’accueil',
      'Date',
      'First contact date',
      'Date of first contact',
      'Registration date',
      'Intake date',
    ],
  },
  {
    field: 'age',
    kind: 'age',
    label: { fr: 'Âge au début de l’exploitation', en: 'Age at the start of exploitation' },
    description: {
      fr: 'Âge en années (« 24 », « 24 ans », « NC ») ; converti en tranche CTDC puis abandonné.',
      en: 'Age in years (“24”, “24 ans”, “NC”); turned into a CTDC band, then dropped.',
    },
    htcds: 'AgeWhenTrafficked',
    synonyms: [
      'Âge',
      'Age',
      'Âge au début de l’exploitation',
      'Âge au moment des faits',
      'Âge au recrutement',
      'Âge à l’entrée en exploitation',
      'Age at recruitment',
      'Age at exploitation',
      'Age at start of exploitation',
      'age_at_recruitment',
      'AgeWhenTrafficked',
      'Age when trafficked',
    ],
  },
  {
    field: 'ageBand',
    kind: 'code',
    codeList: 'ageBand',
    label: { fr: 'Tranche d’âge', en: 'Age band' },
    description: {
      fr: 'Tranche d’âge CTDC au début de l’exploitation.',
      en: 'CTDC age band at the start of exploitation.',
    },
    htcds: 'ageBroad',
    synonyms: ['Tranche d’âge', 'Classe d’âge', 'Age band', 'Age group', 'Age range', 'ageBroad'],
  },
  {
    field: 'gender',
    kind: 'code',
    ...asStored('gender'),
    synonyms: ['Genre', 'Sexe', 'Sex', 'Gender', 'prs_Gender'],
  },
  {
    field: 'citizenship',
    kind: 'countries',
    label: { fr: 'Nationalité', en: 'Citizenship' },
    description: {
      fr: 'Nationalité(s) : codes ISO, noms de pays en français ou en anglais, ou gentilés.',
      en: 'Citizenship(s): ISO codes, country names in French or English, or demonyms.',
    },
    htcds: 'Citizenship',
    synonyms: [
      'Nationalité',
      'Nationalités',
      'Pays d’origine',
      'Pays de nationalité',
      'Citoyenneté',
      'Citizenship',
      'Nationality',
      'Country of origin',
      'prs_Citizenship',
      'prs_Nationality',
    ],
  },
  {
    field: 'exploitationTypes',
    kind: 'codes',
    codeList: 'exploitationType',
    label: { fr: 'Type(s) d’exploitation', en: 'Type(s) of exploitation' },
    description: {
      fr: 'Forme(s) d’exploitation (finalités de l’art. 225-4-1 du code pénal).',
      en: 'Form(s) of exploitation (purposes in art. 225-4-1 of the French penal code).',
    },
    htcds: 'vic_TypeOfExploitation',
    synonyms: [
      'Type d’exploitation',
      'Types d’exploitation',
      'Type(s) d’exploitation',
      'Forme d’exploitation',
      'Formes d’exploitation',
      'Exploitation',
      'Finalité',
      'Type of exploitation',
      'Exploitation type',
      'exploitation_type',
      'vic_TypeOfExploitation',
    ],
  },
  {
    field: 'recruitmentChannels',
    kind: 'codes',
    codeList: 'recruitmentChannel',
    label: { fr: 'Mode de recrutement', en: 'Recruitment channel' },
    description: {
      fr: 'Comment la personne a été recrutée (en ligne ou hors ligne).',
      en: 'How the person was recruited (online or offline).',
    },
    htcds: 'vic_MethodOfRecruitment',
    synonyms: [
      'Mode de recrutement',
      'Modes de recrutement',
      'Canal de recrutement',
      'Canaux de recrutement',
      'Moyen de recrutement',
      'Recrutement',
      'Recruitment',
      'Recruitment channel',
      'Recruitment method',
      'recruitment_method',
      'vic_MethodOfRecruitment',
      'MethodOfRecruitment',
      'Method of recruitment',
    ],
  },
  {
    field: 'recruitmentPlatforms',
    kind: 'codes',
    codeList: 'recruitmentPlatform',
    label: { fr: 'Plateforme(s) de recrutement', en: 'Recruitment platform(s)' },
    description: {
      fr: 'Sites ou applications utilisés pour recruter (Facebook, WhatsApp, Leboncoin…).',
      en: 'Websites or apps used to recruit (Facebook, WhatsApp, Leboncoin…).',
    },
    htcds: 'vic_RecruitmentWebsitesAndApps',
    synonyms: [
      'Plateforme',
      'Plateformes',
      'Plateforme(s) utilisée(s)',
      'Plateforme utilisée',
      'Plateformes utilisées',
      'Plateforme de recrutement',
      'Site ou application',
      'Application utilisée',
      'Recruitment platform',
      'Recruitment platforms',
      'Platform',
      'Platforms',
      'recruitment_platforms',
      'vic_RecruitmentWebsitesAndApps',
    ],
  },
  {
    field: 'onlineExploitation',
    kind: 'code',
    codeList: 'yesNoUnknown',
    label: { fr: 'Exploitation ou annonce en ligne', en: 'Advertised or exploited online' },
    description: {
      fr: 'La personne a-t-elle été proposée (annonces) ou exploitée en ligne ?',
      en: 'Was the person advertised or exploited online?',
    },
    synonyms: [
      'Exploitation en ligne',
      'Annonce en ligne de la victime',
      'Annonces en ligne',
      'Exploité en ligne',
      'Exploitée en ligne',
      'Online exploitation',
      'Exploited online',
      'Advertised online',
    ],
  },
  {
    field: 'exploitationPlatforms',
    kind: 'codes',
    ...asStored('exploitationPlatforms'),
    synonyms: [
      'Plateforme d’exploitation',
      'Plateformes d’exploitation',
      'Site d’exploitation',
      'Sites d’annonce de la victime',
      'Exploitation platform',
      'Exploitation platforms',
      'Exploitation websites and apps',
      'ExploitationWebsitesAndApps',
    ],
  },
  {
    field: 'onlineControl',
    kind: 'code',
    ...asStored('onlineControl'),
    synonyms: [
      'Contrôle en ligne',
      'Contrôle numérique',
      'Contrainte en ligne',
      'Surveillance en ligne',
      'Online control',
      'Controlled online',
      'Online coercion',
    ],
  },
  {
    field: 'exploitationCountry',
    kind: 'country',
    label: { fr: 'Pays d’exploitation', en: 'Country of exploitation' },
    description: { fr: 'Pays où l’exploitation a eu lieu.', en: 'Country where the exploitation took place.' },
    htcds: 'vic_LocationOfExploitation',
    synonyms: [
      'Pays d’exploitation',
      'Lieu d’exploitation (pays)',
      'Pays de l’exploitation',
      'Country of exploitation',
      'Exploitation country',
      'vic_LocationOfExploitation',
      'CountryOfExploitation',
    ],
  },
  {
    field: 'recruiterRelation',
    kind: 'code',
    ...asStored('recruiterRelation'),
    synonyms: [
      'Lien avec le recruteur',
      'Relation avec le recruteur',
      'Lien recruteur',
      'Recruteur',
      'Relation to recruiter',
      'Recruiter relation',
      'Recruiter relationship',
      'RelationshipToTrafficker',
      'Relationship to trafficker',
      'recruiterRelation',
    ],
  },
  {
    field: 'freeText',
    kind: 'freeText',
    label: { fr: 'Texte libre', en: 'Free text' },
    description: {
      fr: 'Commentaires ou récits : jamais stockés (ils peuvent identifier une personne).',
      en: 'Comments or narratives: never stored (they can identify a person).',
    },
    synonyms: [
      'Observations',
      'Observation',
      'Commentaire',
      'Commentaires',
      'Remarques',
      'Remarque',
      'Notes',
      'Note',
      'Récit',
      'Situation',
      'Suivi',
      'Comments',
      'Comment',
      'Narrative',
      'Description',
      'Details',
    ],
  },
];

let headerIndex: Map<string, SourceField> | undefined;

/** Recognises a column header (case-, accent- and punctuation-insensitive), or null. */
export function resolveSourceField(header: string): SourceField | null {
  if (!headerIndex) {
    headerIndex = new Map();
    for (const def of sourceFields) {
      for (const term of [def.field, def.label.fr, def.label.en, ...(def.htcds ? [def.htcds] : []), ...def.synonyms]) {
        const key = labelKey(term);
        if (key && !headerIndex.has(key)) headerIndex.set(key, def.field);
      }
    }
  }
  return headerIndex.get(labelKey(header)) ?? null;
}

export function sourceFieldDefinition(field: SourceField): SourceFieldDefinition {
  const def = sourceFields.find((d) => d.field === field);
  if (!def) throw new Error(`Unknown source field ${field}`);
  return def;
}
