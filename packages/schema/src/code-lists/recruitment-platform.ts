import type { CodeEntry } from './code-entry.js';
import { defineCodes } from './code-entry.js';
import { UNKNOWN_WORDS } from './unknown.js';
import type { RecruitmentChannel } from './recruitment.js';

/** HTCDS vic_RecruitmentWebsitesAndApps, extended for France; `unknown` fills an empty multi-valued cell. */
export const RECRUITMENT_PLATFORMS = [
  'facebook',
  'instagram',
  'tiktok',
  'snapchat',
  'x_twitter',
  'whatsapp',
  'telegram',
  'facebook_messenger',
  'signal',
  'viber',
  'leboncoin',
  'vivastreet',
  'tinder',
  'onlyfans',
  'discord',
  'other',
  'unknown',
] as const;
export type RecruitmentPlatform = (typeof RECRUITMENT_PLATFORMS)[number];

/** A platform code also names the recruitment channel it implies (facebook → social_network). */
export interface PlatformEntry extends CodeEntry<RecruitmentPlatform, never> {
  readonly channel: RecruitmentChannel;
}

function platform(
  name: string,
  channel: RecruitmentChannel,
  what: { fr: string; en: string },
  synonyms: string[],
  htcds?: string,
) {
  return {
    label: { fr: name, en: name },
    description: { fr: `${name} : ${what.fr}.`, en: `${name}: ${what.en}.` },
    channel,
    synonyms: [name, ...synonyms],
    ...(htcds ? { htcds } : {}),
  };
}

/**
 * Platforms outside the list, seen in French casework: they are coded `other`, but each still tells which
 * channel recruited the person (Badoo is a dating app), which resolveRecruitment uses.
 */
export const UNLISTED_PLATFORM_CHANNELS: Readonly<Record<string, RecruitmentChannel>> = {
  Badoo: 'dating_app',
  Grindr: 'dating_app',
  Bumble: 'dating_app',
  Meetic: 'dating_app',
  Happn: 'dating_app',
  Hinge: 'dating_app',
  Yubo: 'social_network',
  Wizz: 'social_network',
  LinkedIn: 'social_network',
  VKontakte: 'social_network',
  VK: 'social_network',
  Skype: 'messaging_app',
  WeChat: 'messaging_app',
  Imo: 'messaging_app',
  Line: 'messaging_app',
  Locanto: 'classified_ads',
  Wannonce: 'classified_ads',
  'Jacquie et Michel': 'escort_adult_site',
  Sexemodel: 'escort_adult_site',
  MYM: 'escort_adult_site',
  Indeed: 'online_job_offer',
  YouTube: 'video_livestream',
  Twitch: 'video_livestream',
  Roblox: 'gaming_platform',
  Fortnite: 'gaming_platform',
  'Free Fire': 'gaming_platform',
};

const SOCIAL = { fr: 'réseau social', en: 'social network' };
const MESSAGING = { fr: 'messagerie instantanée', en: 'instant messaging app' };
const ADS = { fr: 'site de petites annonces', en: 'classified ads website' };

export const recruitmentPlatformCodes: readonly PlatformEntry[] = defineCodes<
  RecruitmentPlatform,
  never,
  { channel: RecruitmentChannel }
>(RECRUITMENT_PLATFORMS, {
  facebook: platform('Facebook', 'social_network', SOCIAL, ['FB', 'Face book', 'Fcb', 'Facebook.com'], 'Facebook'),
  instagram: platform('Instagram', 'social_network', SOCIAL, ['Insta', 'IG', 'Instagramm'], 'Instagram'),
  tiktok: platform('TikTok', 'social_network', SOCIAL, ['Tik Tok', 'Tik-Tok', 'Tiktok.com'], 'TikTok'),
  snapchat: platform('Snapchat', 'social_network', SOCIAL, ['Snap', 'Snap chat', 'SC'], 'Snapchat'),
  x_twitter: platform('X (Twitter)', 'social_network', SOCIAL, ['Twitter', 'X', 'X.com', 'Tweeter'], 'Twitter'),
  whatsapp: platform(
    'WhatsApp',
    'messaging_app',
    MESSAGING,
    ['Whats app', 'Whatsap', 'WA', 'Watsap', 'Wattsapp'],
    'WhatsApp',
  ),
  telegram: platform(
    'Telegram',
    'messaging_app',
    MESSAGING,
    ['Télégram', 'Télégramme', 'Telegramme', 'TG'],
    'Telegram',
  ),
  facebook_messenger: platform(
    'Facebook Messenger',
    'messaging_app',
    MESSAGING,
    ['Messenger', 'FB Messenger', 'Messenger Facebook', 'Messenger FB'],
    'FacebookMessenger',
  ),
  signal: platform('Signal', 'messaging_app', MESSAGING, ['Signal app'], 'Signal'),
  viber: platform('Viber', 'messaging_app', MESSAGING, [], 'Viber'),
  leboncoin: platform('Leboncoin', 'classified_ads', ADS, ['Le Bon Coin', 'LBC', 'Bon coin', 'Leboncoin.fr']),
  vivastreet: platform('Vivastreet', 'classified_ads', ADS, ['Viva street', 'Vivastreet.com', 'Viva']),
  tinder: platform('Tinder', 'dating_app', { fr: 'application de rencontre', en: 'dating app' }, [], 'Tinder'),
  onlyfans: platform(
    'OnlyFans',
    'escort_adult_site',
    { fr: 'plateforme de contenus pour adultes', en: 'adult content platform' },
    ['Only fans', 'OF'],
    'OnlyFans',
  ),
  discord: platform(
    'Discord',
    'messaging_app',
    { fr: 'messagerie et salons de discussion', en: 'chat and community app' },
    [],
    'Discord',
  ),
  other: {
    label: { fr: 'Autre plateforme', en: 'Other platform' },
    description: {
      fr: 'Autre site ou application, non listé.',
      en: 'Another website or app, not listed.',
    },
    channel: 'other_online',
    htcds: 'Other',
    synonyms: [
      'Autre',
      'Autres',
      'Autre plateforme',
      ...Object.keys(UNLISTED_PLATFORM_CHANNELS),
      'Autre site',
      'Autre application',
      'Other',
      'Other platform',
      'Other app',
    ],
  },
  unknown: {
    label: { fr: 'Inconnue', en: 'Unknown' },
    description: {
      fr: 'Plateforme non renseignée, inconnue ou sans objet (recrutement hors ligne).',
      en: 'Platform not recorded, unknown or not applicable (offline recruitment).',
    },
    channel: 'unknown',
    htcds: 'Unknown',
    synonyms: [...UNKNOWN_WORDS, 'Aucune', 'None'],
  },
});
