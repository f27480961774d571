import { describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  CODE_LIST_NAMES,
  EXPLOITATION_TYPES,
  GENDERS,
  OFFLINE_CHANNELS,
  ONLINE_CHANNELS,
  RECRUITER_RELATIONS,
  RECRUITMENT_CHANNELS,
  RECRUITMENT_PLATFORMS,
  UNKNOWN_WORDS,
  UNLISTED_PLATFORM_CHANNELS,
  YES_NO_UNKNOWN,
  codeEntry,
  codeLabel,
  codeLists,
  labelKey,
  matchTermsOf,
  recruitmentPlatformCodes,
  resolveCode,
  resolveRecruitment,
  type CodeEntry,
  type CodeListName,
} from '../src/index.js';

const entriesOf = (list: CodeListName) => codeLists[list] as readonly CodeEntry[];

describe.each(CODE_LIST_NAMES)('code list %s', (list) => {
  it('gives every code a French and an English label and description', () => {
    for (const e of entriesOf(list)) {
      expect(e.label.fr.trim(), `${list}.${e.code} label.fr`).not.toBe('');
      expect(e.label.en.trim(), `${list}.${e.code} label.en`).not.toBe('');
      expect(e.description.fr.trim(), `${list}.${e.code} description.fr`).not.toBe('');
      expect(e.description.en.trim(), `${list}.${e.code} description.en`).not.toBe('');
    }
  });

  it('has unique codes', () => {
    const codes = entriesOf(list).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('shares no synonym between two codes', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of entriesOf(list)) {
      for (const term of matchTermsOf(e)) {
        const key = labelKey(term);
        expect(key, `${list}.${e.code}: "${term}" normalises to nothing`).not.toBe('');
        owners.set(key, (owners.get(key) ?? new Set()).add(e.code));
      }
    }
    const shared = [...owners].filter(([, codes]) => codes.size > 1).map(([k, c]) => `${k} → ${[...c].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('resolves every synonym, label, HTCDS value and code to exactly its own code', () => {
    for (const e of entriesOf(list)) {
      for (const term of matchTermsOf(e)) {
        expect(resolveCode(list, term), `${list}: "${term}"`).toBe(e.code);
        // Case-, accent- and punctuation-insensitive.
        expect(resolveCode(list, `  ${term.toUpperCase()}  `), `${list}: "${term}" upper case`).toBe(e.code);
        const stripped = term.normalize('NFD').replace(/\p{M}/gu, '');
        expect(resolveCode(list, stripped), `${list}: "${stripped}" without accents`).toBe(e.code);
      }
    }
  });

  it('reads every way of writing "not known" as unknown, in every list that has it', () => {
    if (!entriesOf(list).some((e) => e.code === 'unknown')) return;
    for (const word of UNKNOWN_WORDS) {
      expect(resolveCode(list, word), `${list}: "${word}"`).toBe('unknown');
      expect(resolveCode(list, word.toLowerCase()), `${list}: "${word.toLowerCase()}"`).toBe('unknown');
    }
  });

  it('finds each entry and label by code', () => {
    for (const e of entriesOf(list)) {
      expect(codeEntry(list, e.code)).toBe(e);
      expect(codeLabel(list, e.code, 'fr')).toBe(e.label.fr);
      expect(codeLabel(list, e.code, 'en')).toBe(e.label.en);
    }
  });
});

describe('code tuples', () => {
  it('list their codes in the order of the code lists', () => {
    const tuples: Record<CodeListName, readonly string[]> = {
      gender: GENDERS,
      ageBand: AGE_BANDS,
      exploitationType: EXPLOITATION_TYPES,
      recruitmentChannel: RECRUITMENT_CHANNELS,
      recruitmentPlatform: RECRUITMENT_PLATFORMS,
      recruiterRelation: RECRUITER_RELATIONS,
      yesNoUnknown: YES_NO_UNKNOWN,
    };
    for (const list of CODE_LIST_NAMES) expect(entriesOf(list).map((e) => e.code)).toEqual([...tuples[list]]);
  });

  it('include unknown in every list, so that unknown is a value and never a dropped row', () => {
    for (const list of CODE_LIST_NAMES)
      expect(
        entriesOf(list).some((e) => e.code === 'unknown'),
        list,
      ).toBe(true);
  });
});

describe('groups', () => {
  it('put exactly the online channels in the online group', () => {
    const online = codeLists.recruitmentChannel.filter((e) => e.group === 'online').map((e) => e.code);
    const offline = codeLists.recruitmentChannel.filter((e) => e.group === 'offline').map((e) => e.code);
    expect(online).toEqual([...ONLINE_CHANNELS]);
    expect(offline).toEqual([...OFFLINE_CHANNELS]);
    expect(codeEntry('recruitmentChannel', 'unknown')?.group).toBe('unknown');
  });

  it('group exploitation types the Eurostat way', () => {
    const groupOf = (code: string) => codeEntry('exploitationType', code)?.group;
    expect(groupOf('sexual')).toBe('sexual');
    expect(groupOf('labour')).toBe('labour');
    expect(groupOf('domestic_servitude')).toBe('labour');
    for (const c of ['forced_begging', 'forced_criminality', 'forced_marriage', 'organ_removal', 'other'])
      expect(groupOf(c)).toBe('other');
  });

  it('give every named platform an online channel it implies', () => {
    for (const p of recruitmentPlatformCodes) {
      expect(RECRUITMENT_CHANNELS).toContain(p.channel);
      if (p.code !== 'unknown') expect(ONLINE_CHANNELS as readonly string[], p.code).toContain(p.channel);
    }
  });
});

describe('resolveRecruitment', () => {
  it.each([
    ['Facebook', ['social_network'], ['facebook']],
    ['FB', ['social_network'], ['facebook']],
    ['Insta', ['social_network'], ['instagram']],
    ['Snap', ['social_network'], ['snapchat']],
    ['SnapChat', ['social_network'], ['snapchat']],
    ['Tik Tok', ['social_network'], ['tiktok']],
    ['Le Bon Coin', ['classified_ads'], ['leboncoin']],
    ['leboncoin', ['classified_ads'], ['leboncoin']],
    ['Whatsapp', ['messaging_app'], ['whatsapp']],
    ['Télégram', ['messaging_app'], ['telegram']],
    ['Tinder', ['dating_app'], ['tinder']],
    ['Vivastreet', ['classified_ads'], ['vivastreet']],
    ['Réseaux sociaux', ['social_network'], []],
    ['RÉSEAUX-SOCIAUX', ['social_network'], []],
    ['reseaux   sociaux', ['social_network'], []],
    ['RS', ['social_network'], []],
    ['ThroughOnlineSocialNetworks', ['social_network'], []],
    ['ThroughAnOnlineAdvertisement', ['classified_ads'], []],
    ['ThroughFamilyOrFamilyEvents', ['family'], []],
    ['Fausse offre d’emploi en ligne', ['online_job_offer'], []],
    ["Fausse offre d'emploi en ligne", ['online_job_offer'], []],
    ['Offre d’emploi (hors ligne)', ['offline_job_offer'], []],
    ['Inconnu rencontré en personne', ['in_person_stranger'], []],
    ['Inconnu', ['unknown'], []],
    ['NSP', ['unknown'], []],
  ])('%s → channels %j, platforms %j', (raw, channels, platforms) => {
    expect(resolveRecruitment(raw)).toEqual({ channels, platforms });
  });

  it('answers null for an unknown or generic value instead of guessing online or offline', () => {
    expect(resolveRecruitment('Pigeon voyageur')).toBeNull();
    expect(resolveRecruitment('Autre')).toBeNull();
    expect(resolveRecruitment('')).toBeNull();
    expect(resolveRecruitment('  / ')).toBeNull();
  });

  it('never lets a channel synonym hide a named platform', () => {
    const channelKeys = new Set(codeLists.recruitmentChannel.flatMap((e) => matchTermsOf(e).map(labelKey)));
    const clashes = recruitmentPlatformCodes
      .filter((p) => p.code !== 'other' && p.code !== 'unknown')
      .flatMap((p) =>
        matchTermsOf(p)
          .filter((t) => channelKeys.has(labelKey(t)))
          .map((t) => `${p.code}: ${t}`),
      );
    expect(clashes).toEqual([]);
  });
});

describe('labels found in real association exports (shared samples)', () => {
  // Every distinct categorical value of the three sample exports, with the code it must give.
  const cases: [CodeListName, string, string][] = [
    ['gender', 'femme', 'female'],
    ['gender', 'F', 'female'],
    ['gender', 'Feminine', 'female'],
    ['gender', 'H', 'male'],
    ['gender', 'Masculin', 'male'],
    ['gender', 'Homme', 'male'],
    ['gender', 'Masculine', 'male'],
    ['gender', 'Femme transgenre', 'trans_female'],
    ['gender', 'Femme trans', 'trans_female'],
    ['gender', 'TransgenderFeminine', 'trans_female'],
    ['gender', 'NSP', 'unknown'],
    ['gender', 'NonSpecifiedUnknown', 'unknown'],
    ['exploitationType', 'Prostitution forcée', 'sexual'],
    ['exploitationType', 'Exploitation sexuelle', 'sexual'],
    ['exploitationType', 'SexualExploitation', 'sexual'],
    ['exploitationType', 'Délinquance forcée', 'forced_criminality'],
    ['exploitationType', 'Contrainte à commettre des délits', 'forced_criminality'],
    ['exploitationType', 'Forced criminality', 'forced_criminality'],
    ['exploitationType', 'Exploitation par le travail', 'labour'],
    ['exploitationType', 'Travail forcé', 'labour'],
    ['exploitationType', 'ForcedLabour', 'labour'],
    ['exploitationType', 'Mendicité forcée', 'forced_begging'],
    ['exploitationType', 'ForcedBegging', 'forced_begging'],
    ['exploitationType', 'Servitude domestique', 'domestic_servitude'],
    ['exploitationType', 'Esclavage domestique', 'domestic_servitude'],
    ['exploitationType', 'Servitude', 'domestic_servitude'],
    ['exploitationType', 'Mariage forcé', 'forced_marriage'],
    ['exploitationType', 'ForcedMarriage', 'forced_marriage'],
    ['recruitmentChannel', 'Amis / connaissances', 'friends_acquaintances'],
    ['recruitmentChannel', 'Connaissance', 'friends_acquaintances'],
    ['recruitmentChannel', 'ThroughFriendsOrSocialEvents', 'friends_acquaintances'],
    ['recruitmentChannel', 'Messagerie', 'messaging_app'],
    ['recruitmentChannel', 'Messagerie instantanée', 'messaging_app'],
    ['recruitmentChannel', 'Messaging app', 'messaging_app'],
    ['recruitmentChannel', 'Réseau social', 'social_network'],
    ['recruitmentChannel', 'Famille', 'family'],
    ['recruitmentChannel', 'Membre de la famille', 'family'],
    ['recruitmentChannel', 'Conjoint / petit ami', 'intimate_partner'],
    ['recruitmentChannel', 'Partenaire intime', 'intimate_partner'],
    ['recruitmentChannel', 'Intimate partner', 'intimate_partner'],
    ['recruitmentChannel', 'Proposition de travail', 'offline_job_offer'],
    ['recruitmentChannel', 'AtWork', 'offline_job_offer'],
    ['recruitmentChannel', 'Site de rencontre', 'dating_app'],
    ['recruitmentChannel', 'Application de rencontre', 'dating_app'],
    ['recruitmentChannel', 'Dating app', 'dating_app'],
    ['recruitmentChannel', 'Site d’annonces', 'classified_ads'],
    ['recruitmentChannel', "Site d'annonces", 'classified_ads'],
    ['recruitmentChannel', 'Annonce en ligne', 'classified_ads'],
    ['recruitmentChannel', 'Offre d’emploi sur internet', 'online_job_offer'],
    ['recruitmentChannel', 'Online job offer', 'online_job_offer'],
    ['recruitmentChannel', 'Rencontre dans la rue', 'in_person_stranger'],
    ['recruitmentChannel', 'Approached by a stranger', 'in_person_stranger'],
    ['recruitmentChannel', 'Internet (autre)', 'other_online'],
    ['recruitmentChannel', 'Autre (en ligne)', 'other_online'],
    ['recruitmentChannel', 'Other online', 'other_online'],
    ['recruitmentChannel', 'Unknown', 'unknown'],
    ['recruitmentPlatform', 'FB', 'facebook'],
    ['recruitmentPlatform', 'Insta', 'instagram'],
    ['recruitmentPlatform', 'Snap', 'snapchat'],
    ['recruitmentPlatform', 'Le Bon Coin', 'leboncoin'],
    ['recruitmentPlatform', 'Leboncoin', 'leboncoin'],
    ['recruitmentPlatform', 'TikTok', 'tiktok'],
    ['recruitmentPlatform', 'Tik Tok', 'tiktok'],
    ['recruitmentPlatform', 'Télégram', 'telegram'],
    ['recruitmentPlatform', 'Whatsapp', 'whatsapp'],
    ['recruitmentPlatform', 'Vivastreet', 'vivastreet'],
    ['yesNoUnknown', 'X', 'yes'],
    ['yesNoUnknown', 'Oui', 'yes'],
    ['yesNoUnknown', '1', 'yes'],
    ['yesNoUnknown', 'yes', 'yes'],
  ];
  it.each(cases)('%s: %s → %s', (list, raw, code) => {
    expect(resolveCode(list, raw)).toBe(code);
  });
});

describe('platforms outside the list', () => {
  it('are coded other and still give the channel they imply', () => {
    expect(resolveCode('recruitmentPlatform', 'Badoo')).toBe('other');
    expect(resolveRecruitment('Badoo')).toEqual({ channels: ['dating_app'], platforms: ['other'] });
    expect(resolveRecruitment('you tube')).toEqual({ channels: ['video_livestream'], platforms: ['other'] });
    for (const [name, channel] of Object.entries(UNLISTED_PLATFORM_CHANNELS)) {
      expect(resolveCode('recruitmentPlatform', name), name).toBe('other');
      expect(resolveRecruitment(name), name).toEqual({ channels: [channel], platforms: ['other'] });
      expect(ONLINE_CHANNELS as readonly string[], name).toContain(channel);
    }
  });
});
