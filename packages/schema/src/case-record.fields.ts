import type { CaseRecord } from './case-record.schema.js';
import type { CodeListName } from './code-lists/index.js';
import type { LocalisedText } from './localised-text.js';

export interface CaseRecordFieldDoc {
  readonly field: keyof CaseRecord;
  /** Column in the `case_record` table. */
  readonly column: string;
  readonly type: string;
  readonly codeList?: CodeListName;
  readonly label: LocalisedText;
  readonly description: LocalisedText;
  /** HTCDS (or CTDC) equivalent field. */
  readonly htcds?: string;
}

/** Documentation of every case-record field, in table order (data dictionary, export notes). */
export const caseRecordFieldDocs: readonly CaseRecordFieldDoc[] = [
  {
    field: 'referenceYear',
    column: 'reference_year',
    type: 'integer (2000 – current year)',
    label: { fr: 'Année de référence', en: 'Reference year' },
    description: {
      fr: 'Année où l’association a accompagné ou identifié la personne.',
      en: 'Year the association supported or identified the person.',
    },
    htcds: 'yearOfRegistration (CTDC)',
  },
  {
    field: 'associationId',
    column: 'association_id',
    type: 'uuid',
    label: { fr: 'Association', en: 'Association' },
    description: {
      fr: 'Association membre qui a déposé le fichier (d’après le compte, jamais d’après le fichier).',
      en: 'Member association that uploaded the file (from the account, never from the file).',
    },
  },
  {
    field: 'caseKey',
    column: 'case_key',
    type: 'hex string (64)',
    label: { fr: 'Clé de cas', en: 'Case key' },
    description: {
      fr: 'Pseudonyme : HMAC-SHA256 à clé de l’identifiant propre à l’association ; l’identifiant brut n’est jamais stocké.',
      en: 'Pseudonym: keyed HMAC-SHA256 of the association’s own case id; the raw id is never stored.',
    },
  },
  {
    field: 'gender',
    column: 'gender',
    type: 'code',
    codeList: 'gender',
    label: { fr: 'Genre', en: 'Gender' },
    description: { fr: 'Genre de la personne.', en: 'Gender of the person.' },
    htcds: 'prs_Gender',
  },
  {
    field: 'ageBand',
    column: 'age_band',
    type: 'code',
    codeList: 'ageBand',
    label: { fr: 'Tranche d’âge', en: 'Age band' },
    description: {
      fr: 'Tranche d’âge CTDC au début de l’exploitation (l’âge exact et la date de naissance ne sont pas conservés).',
      en: 'CTDC age band at the start of exploitation (exact age and birth date are not kept).',
    },
    htcds: 'ageBroad (CTDC)',
  },
  {
    field: 'isMinor',
    column: 'is_minor',
    type: 'boolean | null',
    label: { fr: 'Mineur', en: 'Minor' },
    description: {
      fr: 'Moins de 18 ans au début de l’exploitation ; vide si l’âge est inconnu.',
      en: 'Under 18 at the start of exploitation; empty when the age is unknown.',
    },
    htcds: 'majorityStatusAtExploit (CTDC)',
  },
  {
    field: 'citizenship',
    column: 'citizenship',
    type: 'ISO 3166-1 alpha-2[]',
    label: { fr: 'Nationalité(s)', en: 'Citizenship(s)' },
    description: {
      fr: 'Codes ISO 3166-1 alpha-2, ou unknown ; publiée uniquement par grande région du monde.',
      en: 'ISO 3166-1 alpha-2 codes, or unknown; published only grouped by world region.',
    },
    htcds: 'Citizenship',
  },
  {
    field: 'exploitationTypes',
    column: 'exploitation_types',
    type: 'code[]',
    codeList: 'exploitationType',
    label: { fr: 'Type(s) d’exploitation', en: 'Type(s) of exploitation' },
    description: {
      fr: 'Formes d’exploitation (finalités de l’art. 225-4-1 du code pénal).',
      en: 'Forms of exploitation (purposes in art. 225-4-1 of the French penal code).',
    },
    htcds: 'vic_TypeOfExploitation',
  },
  {
    field: 'recruitmentChannels',
    column: 'recruitment_channels',
    type: 'code[]',
    codeList: 'recruitmentChannel',
    label: { fr: 'Mode(s) de recrutement', en: 'Recruitment channel(s)' },
    description: {
      fr: 'Comment la personne a été recrutée, en ligne ou hors ligne.',
      en: 'How the person was recruited, online or offline.',
    },
    htcds: 'vic_MethodOfRecruitment',
  },
  {
    field: 'recruitmentPlatforms',
    column: 'recruitment_platforms',
    type: 'code[]',
    codeList: 'recruitmentPlatform',
    label: { fr: 'Plateforme(s) de recrutement', en: 'Recruitment platform(s)' },
    description: {
      fr: 'Sites ou applications utilisés pour recruter.',
      en: 'Websites or apps used to recruit.',
    },
    htcds: 'vic_RecruitmentWebsitesAndApps',
  },
  {
    field: 'onlineExploitation',
    column: 'online_exploitation',
    type: 'code',
    codeList: 'yesNoUnknown',
    label: { fr: 'Exploitation ou annonce en ligne', en: 'Advertised or exploited online' },
    description: {
      fr: 'La personne a-t-elle été proposée ou exploitée en ligne ?',
      en: 'Was the person advertised or exploited online?',
    },
  },
  {
    field: 'exploitationPlatforms',
    column: 'exploitation_platforms',
    type: 'code[]',
    codeList: 'recruitmentPlatform',
    label: { fr: 'Plateforme(s) d’exploitation', en: 'Exploitation platform(s)' },
    description: {
      fr: 'Sites ou applications utilisés pour proposer ou exploiter la personne.',
      en: 'Websites or apps used to advertise or exploit the person.',
    },
    htcds: 'ExploitationWebsitesAndApps',
  },
  {
    field: 'onlineControl',
    column: 'online_control',
    type: 'code',
    codeList: 'yesNoUnknown',
    label: { fr: 'Contrôle en ligne', en: 'Online control' },
    description: {
      fr: 'Messageries, e-mail ou réseaux sociaux utilisés pour contraindre (menaces, sextorsion, surveillance).',
      en: 'Messaging, e-mail or social media used to coerce (threats, sextortion, surveillance).',
    },
  },
  {
    field: 'exploitationCountry',
    column: 'exploitation_country',
    type: 'ISO 3166-1 alpha-2 | null',
    label: { fr: 'Pays d’exploitation', en: 'Country of exploitation' },
    description: {
      fr: 'Pays où l’exploitation a eu lieu ; vide si inconnu.',
      en: 'Country where the exploitation took place; empty when unknown.',
    },
    htcds: 'CountryOfExploitation (CTDC)',
  },
  {
    field: 'recruiterRelation',
    column: 'recruiter_relation',
    type: 'code',
    codeList: 'recruiterRelation',
    label: { fr: 'Lien avec le recruteur', en: 'Relation to the recruiter' },
    description: {
      fr: 'Lien entre la personne et son recruteur.',
      en: 'Relation between the person and their recruiter.',
    },
    htcds: 'RelationshipToTrafficker',
  },
];
