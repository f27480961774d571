import type { DemoGender } from './cases.js';

/**
 * How associations really write each code. Every label here is one the schema's synonyms recognise (most are copied
 * from the real-looking samples in /work/shared/samples); test/demo-labels.spec.ts checks each one against the
 * schema. Variants are drawn at random so the ETL meets the same spread of spellings as in real exports.
 */
export interface Dialect {
  gender: Record<DemoGender, readonly string[]>;
  exploitation: Record<string, readonly string[]>;
  channel: Record<string, readonly string[]>;
  platform: Record<string, readonly string[]>;
  country: Record<string, readonly string[]>;
  yesNo: Record<'yes' | 'no' | 'unknown', readonly string[]>;
  recruiterRelation: Record<string, readonly string[]>;
  /** Deliberately unrecognised values (to exercise the import report's warnings). */
  unrecognised: { recruitment: readonly string[]; citizenship: readonly string[]; age: readonly string[] };
}

export const FRENCH: Dialect = {
  gender: {
    female: ['Femme', 'femme', 'F'],
    male: ['Homme', 'H', 'Masculin'],
    trans_female: ['Femme transgenre', 'Femme trans'],
    trans_male: ['Homme transgenre', 'Homme trans'],
    non_binary: ['Non binaire', 'Non-binaire'],
    unknown: ['NSP', ''],
  },
  exploitation: {
    sexual: ['Exploitation sexuelle', 'Prostitution forcée'],
    labour: ['Travail forcé', 'Exploitation par le travail'],
    forced_criminality: ['Contrainte à commettre des délits', 'Délinquance forcée'],
    domestic_servitude: ['Servitude domestique', 'Esclavage domestique'],
    forced_begging: ['Mendicité forcée'],
    forced_marriage: ['Mariage forcé'],
  },
  channel: {
    social_network: ['Réseaux sociaux', 'Réseau social'],
    messaging_app: ['Messagerie', 'Messagerie instantanée'],
    classified_ads: ["Site d'annonces", 'Annonce en ligne'],
    escort_adult_site: ["Site d'escorte", 'Site pour adultes'],
    dating_app: ['Site de rencontre', 'Application de rencontre'],
    online_job_offer: ["Fausse offre d'emploi en ligne", "Offre d'emploi sur internet"],
    video_livestream: ['Diffusion en direct', 'Live'],
    gaming_platform: ['Jeu en ligne'],
    other_online: ['Internet (autre)', 'Autre (en ligne)'],
    family: ['Famille', 'Membre de la famille'],
    intimate_partner: ['Conjoint / petit ami', 'Partenaire intime'],
    friends_acquaintances: ['Amis / connaissances', 'Connaissance'],
    in_person_stranger: ['Inconnu rencontré en personne', 'Rencontre dans la rue'],
    offline_job_offer: ['Proposition de travail', "Offre d'emploi (hors ligne)"],
    agency_intermediary: ['Agence de recrutement', 'Intermédiaire', 'Passeur'],
    other_offline: ['Autre (hors ligne)'],
    unknown: ['Inconnu', 'NSP', ''],
  },
  platform: {
    facebook: ['Facebook', 'FB'],
    instagram: ['Instagram', 'Insta'],
    tiktok: ['TikTok', 'Tik Tok'],
    snapchat: ['Snapchat', 'Snap'],
    x_twitter: ['Twitter'],
    whatsapp: ['WhatsApp', 'Whatsapp'],
    telegram: ['Telegram', 'Télégram'],
    facebook_messenger: ['Messenger'],
    signal: ['Signal'],
    viber: ['Viber'],
    leboncoin: ['Leboncoin', 'Le Bon Coin'],
    vivastreet: ['Vivastreet'],
    tinder: ['Tinder'],
    onlyfans: ['OnlyFans'],
    discord: ['Discord'],
  },
  country: {
    NG: ['Nigeria', 'Nigéria', 'Nigériane'],
    RO: ['Roumanie', 'Roumaine'],
    CI: ["Côte d'Ivoire", 'Ivoirienne'],
    CN: ['Chine'],
    BR: ['Brésil'],
    // Nationality adjectives as caseworkers often type them ("Française", as in the samples).
    FR: ['France', 'Française'],
    MA: ['Maroc'],
    AL: ['Albanie'],
    BG: ['Bulgarie'],
    VN: ['Vietnam', 'Viêt Nam'],
    CM: ['Cameroun'],
    GN: ['Guinée'],
    UA: ['Ukraine'],
    DZ: ['Algérie'],
    CO: ['Colombie'],
    HU: ['Hongrie'],
  },
  yesNo: {
    yes: ['Oui', 'oui', 'X'],
    no: ['Non', 'non'],
    unknown: ['NSP', ''],
  },
  recruiterRelation: {
    family: ['Famille', 'Membre de la famille'],
    intimate_partner: ['Conjoint', 'Petit ami', 'Partenaire intime'],
    friend: ['Ami', 'Connaissance'],
    stranger: ['Inconnu de la victime', 'Personne inconnue'],
    other: ['Employeur', 'Autre'],
    unknown: ['NSP', ''],
  },
  unrecognised: {
    recruitment: ['Voir dossier papier'],
    citizenship: ['Atlantide'],
    age: ['adulte'],
  },
};

/** English headers and HTCDS 2.0 style values, as an association using an IOM-derived tool exports them. */
export const HTCDS: Dialect = {
  gender: {
    female: ['Feminine'],
    male: ['Masculine'],
    trans_female: ['TransgenderFeminine'],
    trans_male: ['TransgenderMasculine'],
    non_binary: ['NonBinary'],
    unknown: ['NonSpecifiedUnknown'],
  },
  exploitation: {
    sexual: ['SexualExploitation'],
    labour: ['ForcedLabour'],
    forced_criminality: ['Forced criminality'],
    domestic_servitude: ['Servitude'],
    forced_begging: ['ForcedBegging'],
    forced_marriage: ['ForcedMarriage'],
  },
  channel: {
    social_network: ['ThroughOnlineSocialNetworks'],
    messaging_app: ['Messaging app'],
    classified_ads: ['ThroughAnOnlineAdvertisement'],
    escort_adult_site: ['Escort website'],
    dating_app: ['Dating app'],
    online_job_offer: ['Online job offer'],
    video_livestream: ['Live streaming'],
    gaming_platform: ['Online gaming'],
    other_online: ['Other online'],
    family: ['ThroughFamilyOrFamilyEvents'],
    intimate_partner: ['Intimate partner'],
    friends_acquaintances: ['ThroughFriendsOrSocialEvents'],
    in_person_stranger: ['Approached by a stranger'],
    offline_job_offer: ['AtWork', 'Job offer (offline)'],
    agency_intermediary: ['ThroughARecruitmentAgency', 'Recruitment agency'],
    other_offline: ['Other offline'],
    unknown: ['Unknown', ''],
  },
  platform: {
    facebook: ['Facebook'],
    instagram: ['Instagram'],
    tiktok: ['TikTok'],
    snapchat: ['SnapChat'],
    x_twitter: ['Twitter'],
    whatsapp: ['WhatsApp'],
    telegram: ['Telegram'],
    facebook_messenger: ['Facebook Messenger'],
    signal: ['Signal'],
    viber: ['Viber'],
    leboncoin: ['Leboncoin'],
    vivastreet: ['Vivastreet'],
    tinder: ['Tinder'],
    onlyfans: ['OnlyFans'],
    discord: ['Discord'],
  },
  // HTCDS style exports carry ISO 3166-1 alpha-2 codes.
  country: {},
  yesNo: { yes: ['Yes'], no: ['No'], unknown: ['Unknown', ''] },
  recruiterRelation: {
    family: ['Familial'],
    intimate_partner: ['IntimatePartner'],
    friend: ['Acquainted'],
    stranger: ['Unacquainted'],
    other: ['Other'],
    unknown: ['Unknown', ''],
  },
  unrecognised: {
    recruitment: ['See paper file'],
    citizenship: ['Atlantis'],
    age: ['adult'],
  },
};
