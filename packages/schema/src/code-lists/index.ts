import { labelKey } from '../normalise.js';
import type { Locale } from '../localised-text.js';
import { ageBandCodes } from './age-band.js';
import type { CodeEntry } from './code-entry.js';
import { exploitationTypeCodes } from './exploitation-type.js';
import { genderCodes } from './gender.js';
import { recruiterRelationCodes } from './recruiter-relation.js';
import type { PlatformEntry } from './recruitment-platform.js';
import { UNLISTED_PLATFORM_CHANNELS, recruitmentPlatformCodes } from './recruitment-platform.js';
import { recruitmentChannelCodes } from './recruitment.js';
import type { RecruitmentChannel } from './recruitment.js';
import { yesNoUnknownCodes } from './yes-no-unknown.js';

export * from './age-band.js';
export * from './code-entry.js';
export * from './exploitation-type.js';
export * from './gender.js';
export * from './recruiter-relation.js';
export * from './recruitment-platform.js';
export * from './recruitment.js';
export * from './unknown.js';
export * from './yes-no-unknown.js';

export const CODE_LIST_NAMES = [
  'gender',
  'ageBand',
  'exploitationType',
  'recruitmentChannel',
  'recruitmentPlatform',
  'recruiterRelation',
  'yesNoUnknown',
] as const;
export type CodeListName = (typeof CODE_LIST_NAMES)[number];

export const codeLists = {
  gender: genderCodes,
  ageBand: ageBandCodes,
  exploitationType: exploitationTypeCodes,
  recruitmentChannel: recruitmentChannelCodes,
  recruitmentPlatform: recruitmentPlatformCodes,
  recruiterRelation: recruiterRelationCodes,
  yesNoUnknown: yesNoUnknownCodes,
} as const satisfies Record<CodeListName, readonly CodeEntry[]>;

/** Code type of each list, e.g. `CodeOf<'gender'>` is `Gender`. */
export type CodeOf<L extends CodeListName> = (typeof codeLists)[L][number]['code'];

/** Every spelling a code answers to: the code itself, both labels, the HTCDS value and the synonyms. */
export function matchTermsOf(entry: CodeEntry): string[] {
  return [entry.code, entry.label.fr, entry.label.en, ...(entry.htcds ? [entry.htcds] : []), ...entry.synonyms];
}

const indexes = new Map<CodeListName, Map<string, string>>();

function indexOf(list: CodeListName): Map<string, string> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (const entry of codeLists[list] as readonly CodeEntry[]) {
      for (const term of matchTermsOf(entry)) {
        const key = labelKey(term);
        // First code wins; the test suite guarantees no key is claimed by two codes of one list.
        if (key && !index.has(key)) index.set(key, entry.code);
      }
    }
    indexes.set(list, index);
  }
  return index;
}

/** Resolves one raw value to a code of the list (case-, accent- and punctuation-insensitive), or null. */
export function resolveCode<L extends CodeListName>(list: L, raw: string): CodeOf<L> | null;
export function resolveCode(list: CodeListName, raw: string): string | null {
  const key = labelKey(raw);
  if (!key) return null;
  return indexOf(list).get(key) ?? null;
}

/** The entry of a code in a list, or undefined when the code does not belong to it. */
export function codeEntry<L extends CodeListName>(list: L, code: string): (typeof codeLists)[L][number] | undefined {
  return (codeLists[list] as readonly CodeEntry[]).find((e) => e.code === code) as
    (typeof codeLists)[L][number] | undefined;
}

/** The label of a code in the given locale; the code itself when it is not in the list. */
export function codeLabel(list: CodeListName, code: string, locale: Locale): string {
  return codeEntry(list, code)?.label[locale] ?? code;
}

export function platformChannel(platform: string): RecruitmentChannel | null {
  return (recruitmentPlatformCodes.find((p) => p.code === platform) as PlatformEntry | undefined)?.channel ?? null;
}

export interface ResolvedRecruitment {
  channels: RecruitmentChannel[];
  platforms: PlatformEntry['code'][];
}

/**
 * Resolves ONE recruitment value (the ETL splits multi-valued cells first). A channel name gives that
 * channel ("Réseaux sociaux" → social_network); a named platform gives the platform and the channel it
 * implies ("Facebook" → social_network + facebook; "Badoo", an unlisted platform, → dating_app + other).
 * Generic words ("Autre", "Inconnu" as a platform) are not read as platforms here: "Autre" in a channel
 * column does not say whether recruitment was online.
 */
export function resolveRecruitment(raw: string): ResolvedRecruitment | null {
  const channel = resolveCode('recruitmentChannel', raw);
  if (channel) return { channels: [channel], platforms: [] };
  const platform = resolveCode('recruitmentPlatform', raw);
  if (!platform || platform === 'unknown') return null;
  if (platform === 'other') {
    const implied = unlistedPlatformChannel(raw);
    return implied ? { channels: [implied], platforms: ['other'] } : null;
  }
  const implied = platformChannel(platform);
  return { channels: implied ? [implied] : [], platforms: [platform] };
}

let unlistedIndex: Map<string, RecruitmentChannel> | undefined;

/** Channel implied by a platform outside the list (Badoo → dating_app), or null. */
export function unlistedPlatformChannel(raw: string): RecruitmentChannel | null {
  unlistedIndex ??= new Map(Object.entries(UNLISTED_PLATFORM_CHANNELS).map(([name, c]) => [labelKey(name), c]));
  return unlistedIndex.get(labelKey(raw)) ?? null;
}
